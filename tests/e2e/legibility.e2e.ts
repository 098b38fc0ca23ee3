// Semantic zoom (issue 12): at fit view, no visible text inside a node or on a link is drawn below
// 11 px on screen — computed font size × React Flow's viewport zoom — in a 700×450 embed and in the
// app on a 390×844 phone, nor below 16 px in present mode at 1280×720; and every node still shows
// its name and a state word (so hiding everything cannot pass), inside the canvas and clear of the
// zoom buttons and the minimap. One Chromium, one page per size.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './browser.ts';
import { builtin } from './library-support.ts';
import { cardOverlaps, splitWords, textsOutsideCards } from './canvas-text-support.ts';
import { fill, PHONE, readable, settled } from './portrait-support.ts';
import { runState } from './story-support.ts';

const SCENARIOS = ['mfa-outage-2019', 'key-removal-2021', 'checkout'] as const;

interface Setting {
  name: string;
  viewport: { width: number; height: number };
  query: (id: string) => string;
  targetPx: number;
}

const SETTINGS: Setting[] = [
  { name: '700×450 embed', viewport: { width: 700, height: 450 }, query: (id) => `?embed&autoplay=off&scenario=${id}`, targetPx: 11 },
  { name: '390×844 phone (app)', viewport: { width: 390, height: 844 }, query: (id) => `?scenario=${id}`, targetPx: 11 },
  { name: '1280×720 present', viewport: { width: 1280, height: 720 }, query: (id) => `?present&scenario=${id}`, targetPx: 16 },
];

interface Measured {
  zoom: number;
  tier: string | null;
  /** Every visible text, smallest first: on-screen px, the text, where. */
  texts: { px: number; text: string; where: string }[];
  /** Per node: its full name, the part of it shown, its state word, whether the card is inside the canvas. */
  nodes: { id: string; name: string; shownName: string; word: string; inside: boolean; under: string[] }[];
}

/** Reads every visible text node inside nodes and links, with computed font size × the viewport's zoom. */
function measure(page: Page): Promise<Measured> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const shown = (el: Element | null): boolean => {
      for (let e = el; e && e !== document.body; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      }
      return true;
    };
    const inside = (r: DOMRect) => r.width > 0 && r.height > 0 && r.right > canvas.left && r.left < canvas.right && r.bottom > canvas.top && r.top < canvas.bottom;
    const visibleText = (root: Element): string => {
      let out = '';
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const range = document.createRange();
        range.selectNodeContents(t);
        if ((t.textContent ?? '').trim() !== '' && inside(range.getBoundingClientRect()) && shown(t.parentElement)) out += t.textContent;
      }
      return out.trim();
    };
    const chrome = [...document.querySelectorAll('.react-flow__controls, .react-flow__minimap')].map((el) => ({ what: el.className.toString(), box: el.getBoundingClientRect() }));
    const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const texts: Measured['texts'] = [];
    for (const root of document.querySelectorAll('.react-flow__node, .react-flow__edge')) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if ((t.textContent ?? '').trim() === '') continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        if (!inside(range.getBoundingClientRect()) || !shown(t.parentElement)) continue;
        const px = parseFloat(getComputedStyle(t.parentElement!).fontSize) * zoom;
        texts.push({ px, text: t.textContent!.trim().slice(0, 40), where: `${root.classList.contains('react-flow__edge') ? 'link' : 'node'} ${root.getAttribute('data-id') ?? root.getAttribute('data-testid')}` });
      }
    }
    texts.sort((a, b) => a.px - b.px);
    const nodes = [...document.querySelectorAll('.react-flow__node')].map((el) => ({
      id: el.getAttribute('data-id') ?? '',
      name: el.querySelector('.fl-node__name')?.textContent ?? '',
      shownName: visibleText(el.querySelector('.fl-node__label')!),
      // the whole word, or its last word where the whole is wider than a small card (data-state-words)
      word: [...el.querySelectorAll('.fl-node__health')].map(visibleText).join(''),
      inside: (() => {
        const r = el.getBoundingClientRect();
        return r.left >= canvas.left - 1 && r.right <= canvas.right + 1 && r.top >= canvas.top - 1 && r.bottom <= canvas.bottom + 1;
      })(),
      under: chrome.filter((c) => overlaps(el.getBoundingClientRect(), c.box)).map((c) => c.what),
    }));
    return { zoom, tier: document.querySelector('.fl-canvas')!.getAttribute('data-detail'), texts, nodes };
  });
}

/** A pattern matching the name a card's shown name was cut from: leading "…" dropped, a word ending in "…" cut there. */
function partOf(shownName: string): RegExp {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = shownName.replace(/^…\u2060?/, '').trim().split(/\s+/);
  return new RegExp(words.map((w) => (w.endsWith('…') ? `${escape(w.slice(0, -1))}\\S*` : escape(w))).join('\\s+'));
}

describe('legibility at fit view (semantic zoom)', () => {
  const chromium = useChromium();

  for (const setting of SETTINGS) {
    it(`${setting.name}: every visible node and link text ≥ ${setting.targetPx} px; each node shows its name and state`, { timeout: 60_000 }, async () => {
      const { page, pageErrors } = await chromium.newPage({ viewport: setting.viewport }, { console: true });
      for (const id of SCENARIOS) {
        await page.goto(inject('appUrl') + setting.query(id));
        const ids = (builtin(id).scenario as { nodes: { id: string }[] }).nodes.map((n) => n.id);
        // the scenario's own nodes (a page reused from the last scenario shows that one's first)
        await page.locator(`.react-flow__node[data-id="${ids[ids.length - 1]}"]`).waitFor({ timeout: 30_000 });
        await settled(page);
        const m = await measure(page);
        const where = `${id} in the ${setting.name} (zoom ${m.zoom.toFixed(3)}, tier ${m.tier})`;
        expect(m.texts.length, where).toBeGreaterThan(0);
        const small = m.texts.filter((t) => t.px < setting.targetPx - 0.01);
        expect(small, `${where}: text below ${setting.targetPx} px`).toEqual([]);
        expect(m.nodes.map((n) => n.id).sort(), where).toEqual([...ids].sort());
        for (const node of m.nodes) {
          expect(node.inside, `${where}: ${node.id} is inside the fitted canvas`).toBe(true);
          expect(node.under, `${where}: ${node.id} is clear of the zoom buttons and the minimap`).toEqual([]);
          expect(node.word, `${where}: ${node.id} shows a state word`).not.toBe('');
          // the shown name is the name, or the part of it that tells it apart ("…keep the last known good keys"),
          // its words whole or cut at their end with "…" ("Publish…")
          expect(node.shownName.replace(/[…\u2060]/g, '').trim(), `${where}: ${node.id} shows its name`).not.toBe('');
          expect(node.name, `${where}: ${node.id}'s shown name "${node.shownName}" is part of its name`).toMatch(partOf(node.shownName));
        }
        expect(await splitWords(page), `${where}: words broken across lines`).toEqual([]);
        expect(await cardOverlaps(page), `${where}: cards covering one another`).toEqual([]);
        // names that would look the same when cut differ in what is shown
        const shownNames = m.nodes.map((n) => n.shownName);
        expect(new Set(shownNames).size, `${where}: shown names differ`).toBe(shownNames.length);
        console.log(`legibility: ${where}: smallest ${m.texts[0].px.toFixed(1)} px ("${m.texts[0].text}", ${m.texts[0].where}); ${m.texts.length} texts`);
      }
      expect(pageErrors).toEqual([]);
    });
  }

  it('present mode lets a small graph fill the room\'s screen: two cards are zoomed past the editor\'s 1.25 cap', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await chromium.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${inject('appUrl')}?present&scenario=retry-storm`);
    await page.locator('.react-flow__node[data-id="server"]').waitFor({ timeout: 30_000 });
    await settled(page);
    const m = await measure(page);
    expect(m.zoom).toBeGreaterThan(1.3);
    for (const node of m.nodes) expect(node.inside, `${node.id} inside the canvas at zoom ${m.zoom}`).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  // The key-removal story's cards change as it plays (clients "rejected again 0.3/s", validators
  // "rejecting K1 · 100%"): a card whose state line wrapped grew over the one below it. At
  // moments before, at and after K1's removal (30:00), in the blog's embed and on a phone.
  // On the phone the same playback also carries portrait.e2e.ts's checks of this story (merged here
  // so that it plays once; each of its assertions kept): laid out top to bottom over most of the
  // frame's height, readable (no text below 11 px either) a minute before the fault, 30 s after
  // and 10 minutes after, and the key set saying "key missing".
  const PORTRAIT_MOMENTS = [29, 30.5, 40];
  for (const viewport of [{ width: 700, height: 450 }, { width: 390, height: 844 }]) {
    const phone = viewport.width === PHONE.width && viewport.height === PHONE.height;
    const title = `key-removal-2021 playing in a ${viewport.width}×${viewport.height} embed: no card covers another, no word is broken, at any of five moments`
      + (phone ? '; top to bottom over most of the frame\'s height, readable before, at and after its fault' : '');
    it(title, { timeout: phone ? 120_000 : 90_000 }, async () => {
      const { page, pageErrors } = await chromium.newPage({ viewport });
      await page.goto(`${inject('appUrl')}?embed&scenario=key-removal-2021`);
      await page.waitForFunction(() => (window as unknown as { __faultline?: unknown }).__faultline !== undefined, undefined, { timeout: 30_000 });
      await settled(page);
      if (phone) {
        // portrait's first checks
        const f = await fill(page);
        expect(f.flow).toBe('down');
        // left to right, key-removal's cards took 31% of the canvas's height
        expect(f.heightShare, `key-removal-2021: share of the canvas's height`).toBeGreaterThan(0.75);
      }
      const moments = [10, 31, 35, 40, 60];
      const all = phone ? [...new Set([...moments, ...PORTRAIT_MOMENTS])].sort((a, b) => a - b) : moments;
      for (const minutes of all) {
        await page.waitForFunction(
          (ms) => (window as unknown as { __faultline: { useRunStore: { getState(): { simulatedMs: number } } } }).__faultline.useRunStore.getState().simulatedMs >= ms,
          minutes * 60_000,
          { timeout: 60_000, polling: 100 },
        );
        if (moments.includes(minutes)) {
          const at = `${viewport.width}×${viewport.height} at ${((await runState(page)).simulatedMs / 60_000).toFixed(1)} min`;
          expect(await cardOverlaps(page), `${at}: cards covering one another`).toEqual([]);
          expect(await splitWords(page), `${at}: words broken across lines`).toEqual([]);
          // the key set's "key missing" ran 25 px past its card's right edge in the 700×450 embed
          expect(await textsOutsideCards(page), `${at}: text past its card's edge`).toEqual([]);
        }
        if (phone && PORTRAIT_MOMENTS.includes(minutes)) await readable(page, `key-removal-2021 at ${minutes.toFixed(1)} min`);
        if (phone && minutes === PORTRAIT_MOMENTS[PORTRAIT_MOMENTS.length - 1]) {
          // the story is on screen: the key set lost K1, and says so inside its card
          const keyset = page.locator('.react-flow__node[data-id="jwks"]');
          await expect.poll(() => keyset.locator('[data-live="health-word"]').textContent()).toBe('key missing');
        }
      }
      // the story did play into the trouble these moments are about: a client's users sign in again
      expect(await page.locator('.react-flow__node[data-id="users-teams-like"] [data-live="health-word"]').textContent()).not.toBe('ok');
      expect(pageErrors).toEqual([]);
    });
  }
});
