// What a reader sees on the canvas, measured in the page: cards that cover one another, and words
// the browser broke across lines. Used by legibility.e2e.ts at fit view and while a story plays.
import type { Page } from 'playwright-core';

/** What the checks below share in the page (a function cannot be handed to page.evaluate). */
type InPage = Window & { flShown: (el: Element | null) => boolean };

/** Puts the shared in-page helpers on the page's window, before a check runs (a navigation clears them). */
async function withHelpers(page: Page): Promise<Page> {
  await page.evaluate(() => {
    // drawn: neither it nor any box around it is hidden, invisible or fully transparent
    (window as unknown as InPage).flShown = (el) => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      }
      return true;
    };
  });
  return page;
}

/** Pairs of node ids whose cards' boxes intersect on screen (by more than half a pixel). */
export function cardOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => ({ id: n.getAttribute('data-id') ?? '', r: (n.querySelector('.fl-node') ?? n).getBoundingClientRect() }));
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (hit(boxes[i].r, boxes[j].r)) out.push(`${boxes[i].id} × ${boxes[j].id}`);
    return out;
  });
}

/**
 * Every visible word inside nodes and links whose line boxes (Range.getClientRects) lie on more
 * than one line: the browser broke it ("Publishe / d keys"). A break after a hyphen is a break
 * between words ("dynamics- / like"); lines a clamp or a clip hides are not drawn, so not counted.
 */
export async function splitWords(page: Page): Promise<string[]> {
  return (await withHelpers(page)).evaluate(() => {
    const shown = (window as unknown as InPage).flShown;
    const out: string[] = [];
    for (const root of document.querySelectorAll('.react-flow__node, .react-flow__edge')) {
      const owner = root.getAttribute('data-id') ?? root.getAttribute('data-testid');
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const text = t.textContent ?? '';
        if (text.trim() === '' || !shown(t.parentElement)) continue;
        // the visible part: inside every clipping or clamping box between the text and its card
        let clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
        for (let e = t.parentElement; e && e !== root.parentElement; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (style.overflowX !== 'visible' || style.overflowY !== 'visible' || style.webkitLineClamp !== 'none') {
            const b = e.getBoundingClientRect();
            clip = { left: Math.max(clip.left, b.left), top: Math.max(clip.top, b.top), right: Math.min(clip.right, b.right), bottom: Math.min(clip.bottom, b.bottom) };
          }
        }
        for (const m of text.matchAll(/[^\s-]+-?/g)) {
          const range = document.createRange();
          range.setStart(t, m.index);
          range.setEnd(t, m.index + m[0].length);
          const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.top < clip.bottom - 1 && r.bottom > clip.top + 1);
          const tops = rects.map((r) => r.top);
          if (rects.length > 1 && Math.max(...tops) - Math.min(...tops) > rects[0].height / 2) out.push(`${owner}: "${m[0]}"`);
        }
      }
    }
    return out;
  });
}

/**
 * Every visible text inside a card that reaches past the card's own box (by more than a pixel):
 * "key missing" ran 25 px past the key set's right edge in a 700×450 embed. The tiny tier lets
 * words use the gap beside a card on purpose (semantic-zoom.css), so it is not checked there.
 */
export async function textsOutsideCards(page: Page): Promise<string[]> {
  return (await withHelpers(page)).evaluate(() => {
    if (document.querySelector('.fl-canvas')?.getAttribute('data-detail') === 'tiny') return [];
    const shown = (window as unknown as InPage).flShown;
    const out: string[] = [];
    for (const node of document.querySelectorAll('.react-flow__node')) {
      const card = (node.querySelector('.fl-node') ?? node).getBoundingClientRect();
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if ((t.textContent ?? '').trim() === '' || !shown(t.parentElement)) continue;
        // what a clamp or clip (an ellipsis, a line clamp) hides is not drawn
        let clip = { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity };
        for (let e = t.parentElement; e && e !== node; e = e.parentElement) {
          const style = getComputedStyle(e);
          // each axis on its own: a small card's head clips below its lines (overflow-y), not beside them
          const b = e.getBoundingClientRect();
          if (style.overflowX !== 'visible') clip = { ...clip, left: Math.max(clip.left, b.left), right: Math.min(clip.right, b.right) };
          if (style.overflowY !== 'visible' || style.webkitLineClamp !== 'none') clip = { ...clip, top: Math.max(clip.top, b.top), bottom: Math.min(clip.bottom, b.bottom) };
        }
        const range = document.createRange();
        range.selectNodeContents(t);
        for (const full of range.getClientRects()) {
          const r = { left: Math.max(full.left, clip.left), right: Math.min(full.right, clip.right), top: Math.max(full.top, clip.top), bottom: Math.min(full.bottom, clip.bottom) };
          if (r.right - r.left <= 1 || r.bottom - r.top <= 1) continue;
          if (r.left < card.left - 1 || r.right > card.right + 1 || r.top < card.top - 1 || r.bottom > card.bottom + 1) {
            out.push(`${node.getAttribute('data-id')}: "${(t.textContent ?? '').trim()}" ${Math.round(Math.max(card.left - r.left, r.right - card.right, card.top - r.top, r.bottom - card.bottom))} px out`);
          }
        }
      }
    }
    return out;
  });
}

/** Every visible text in nodes and links drawn below `targetPx` on screen (computed font size × the viewport's zoom). */
export async function textsBelow(page: Page, targetPx: number): Promise<string[]> {
  return (await withHelpers(page)).evaluate((target) => {
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const shown = (window as unknown as InPage).flShown;
    const out: string[] = [];
    for (const root of document.querySelectorAll('.react-flow__node, .react-flow__edge')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if ((t.textContent ?? '').trim() === '' || !shown(t.parentElement)) continue;
        const px = parseFloat(getComputedStyle(t.parentElement!).fontSize) * zoom;
        if (px < target - 0.01) out.push(`${root.getAttribute('data-id') ?? root.getAttribute('data-testid')}: "${(t.textContent ?? '').trim()}" ${px.toFixed(1)} px`);
      }
    }
    return out;
  }, targetPx);
}
