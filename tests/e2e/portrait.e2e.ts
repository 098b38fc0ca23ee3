// A blog read on a phone (390×844, portrait): the embed lays the graph out top to bottom
// (src/store/graph/frame-layout.ts), so it fills the frame instead of a thin strip across its
// middle (key-removal's five columns used a third of the height, at zoom 0.25). Every built-in:
// laid out downwards, cards apart, every text ≥ 11 px and inside its card; the two outage stories
// also while they play, before, at and after their faults; the frame turned sideways goes back
// to left to right; the editor keeps its layout in a portrait window.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { useChromium } from './browser.ts';
import { cardOverlaps, splitWords, textsBelow, textsOutsideCards } from './canvas-text-support.ts';
import { nodeIdsOf } from './library-support.ts';

const PHONE = { width: 390, height: 844 };

interface Fill {
  flow: string | null;
  zoom: number;
  /** The cards' bounding box's share of the canvas's width and height. */
  widthShare: number;
  heightShare: number;
  /** Handles by side, over all cards. */
  sides: Record<string, number>;
}

function fill(page: Page): Promise<Fill> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cards = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const left = Math.min(...cards.map((r) => r.left)), right = Math.max(...cards.map((r) => r.right));
    const top = Math.min(...cards.map((r) => r.top)), bottom = Math.max(...cards.map((r) => r.bottom));
    const sides: Record<string, number> = {};
    for (const side of ['left', 'right', 'top', 'bottom']) sides[side] = document.querySelectorAll(`.react-flow__node .react-flow__handle-${side}`).length;
    return {
      flow: document.querySelector('.fl-canvas')!.getAttribute('data-flow'),
      zoom: new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a,
      widthShare: (right - left) / canvas.width,
      heightShare: (bottom - top) / canvas.height,
      sides,
    };
  });
}

/** Every card has its state word and the fit has settled (the same transform twice, 300 ms apart). */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const words = [...document.querySelectorAll('.react-flow__node [data-live="health-word"]')];
    return words.length > 0 && words.every((w) => (w.textContent ?? '') !== '') && document.querySelector('[data-still]') === null;
  }, undefined, { timeout: 30_000 });
  const transform = () => page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
  let before = await transform();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    const now = await transform();
    if (now === before) return;
    before = now;
  }
}

async function readable(page: Page, where: string): Promise<void> {
  expect(await cardOverlaps(page), `${where}: cards covering one another`).toEqual([]);
  expect(await textsBelow(page, 11), `${where}: text below 11 px`).toEqual([]);
  expect(await textsOutsideCards(page), `${where}: text past its card's edge`).toEqual([]);
  expect(await splitWords(page), `${where}: words broken across lines`).toEqual([]);
}

describe('a portrait phone: the embed top to bottom', () => {
  const chromium = useChromium();

  it('every built-in at 390×844: laid out downwards with handles top and bottom, filling the frame, readable', { timeout: 240_000 }, async () => {
    const { page, pageErrors } = await chromium.newPage({ viewport: PHONE });
    for (const builtin of builtinScenarios) {
      await page.goto(`${inject('appUrl')}?embed&autoplay=off&scenario=${builtin.id}`);
      const ids = nodeIdsOf(builtin);
      await page.locator(`.react-flow__node[data-id="${ids[ids.length - 1]}"]`).waitFor({ timeout: 30_000 });
      await settled(page);
      const f = await fill(page);
      const where = `${builtin.id} (zoom ${f.zoom.toFixed(2)}, ${(f.widthShare * 100).toFixed(0)}% × ${(f.heightShare * 100).toFixed(0)}% of the canvas)`;
      expect(f.flow, where).toBe('down');
      expect(f.sides.left + f.sides.right, `${where}: no handle on a card's side`).toBe(0);
      expect(f.sides.bottom, `${where}: every card has its outgoing handle at the bottom`).toBe(ids.length);
      // the graph fills the frame one way or the other, or is at the fit's largest zoom (1.1)
      expect(Math.max(f.widthShare, f.heightShare) > 0.8 || f.zoom >= 1.09, where).toBe(true);
      await readable(page, where);
      console.log(`portrait: ${where}`);
    }
    expect(pageErrors).toEqual([]);
  });

  for (const id of ['key-removal-2021', 'mfa-outage-2019'] as const) {
    it(`${id} playing at 390×844: the graph covers most of the frame's height, readable before, at and after its fault`, { timeout: 120_000 }, async () => {
      const { page, pageErrors } = await chromium.newPage({ viewport: PHONE });
      await page.goto(`${inject('appUrl')}?embed&scenario=${id}`);
      await page.waitForFunction(() => (window as unknown as { __faultline?: unknown }).__faultline !== undefined, undefined, { timeout: 30_000 });
      await settled(page);
      const f = await fill(page);
      expect(f.flow).toBe('down');
      // left to right, key-removal's cards took 31% of the canvas's height
      expect(f.heightShare, `${id}: share of the canvas's height`).toBeGreaterThan(0.75);
      const faultMs = id === 'key-removal-2021' ? 30 * 60_000 : 10 * 60_000;
      for (const ms of [faultMs - 60_000, faultMs + 30_000, faultMs + 10 * 60_000]) {
        await page.waitForFunction(
          (at) => (window as unknown as { __faultline: { useRunStore: { getState(): { simulatedMs: number } } } }).__faultline.useRunStore.getState().simulatedMs >= at,
          ms,
          { timeout: 60_000, polling: 100 },
        );
        await readable(page, `${id} at ${(ms / 60_000).toFixed(1)} min`);
      }
      if (id === 'key-removal-2021') {
        // the story is on screen: the key set lost K1, and says so inside its card
        const keyset = page.locator('.react-flow__node[data-id="jwks"]');
        await expect.poll(() => keyset.locator('[data-live="health-word"]').textContent()).toBe('key missing');
      }
      expect(pageErrors).toEqual([]);
    });
  }

  it('turned sideways the frame goes back to left to right, and turned back, top to bottom again; the positions are the layouts\' own', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await chromium.newPage({ viewport: PHONE });
    await page.goto(`${inject('appUrl')}?embed&autoplay=off&scenario=checkout`);
    await page.locator('.react-flow__node').first().waitFor({ timeout: 30_000 });
    await settled(page);
    expect((await fill(page)).flow).toBe('down');
    await page.setViewportSize({ width: 844, height: 390 });
    await expect.poll(async () => (await fill(page)).flow).toBe('across');
    await settled(page);
    const across = await fill(page);
    expect(across.sides.top + across.sides.bottom).toBe(0);
    expect(across.widthShare).toBeGreaterThan(0.5);
    await readable(page, 'checkout at 844×390');
    await page.setViewportSize(PHONE);
    await expect.poll(async () => (await fill(page)).flow).toBe('down');
    await settled(page);
    await readable(page, 'checkout back at 390×844');
    expect(pageErrors).toEqual([]);
  });

  it('the 700×450 embed keeps left to right; the editor in a portrait window keeps the layout it saves', { timeout: 60_000 }, async () => {
    const { page, pageErrors } = await chromium.newPage({ viewport: { width: 700, height: 450 } });
    await page.goto(`${inject('appUrl')}?embed&autoplay=off&scenario=key-removal-2021`);
    await page.locator('.react-flow__node[data-id="jwks"]').waitFor({ timeout: 30_000 });
    await settled(page);
    const embed = await fill(page);
    expect(embed.flow).toBe('across');
    expect(embed.sides.right).toBe(12);
    await page.setViewportSize(PHONE);
    await page.goto(`${inject('appUrl')}?scenario=key-removal-2021`);
    await page.locator('.react-flow__node[data-id="jwks"]').waitFor({ timeout: 30_000 });
    const editor = await fill(page);
    expect(editor.flow).toBeNull(); // the editor's canvas has no portrait layout
    expect(editor.sides.top + editor.sides.bottom).toBe(0);
    expect(editor.sides.right).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });
});
