// A blog read on a phone (390×844, portrait): the embed lays the graph out top to bottom
// (src/store/graph/frame-layout.ts), so it fills the frame instead of a thin strip across its
// middle (key-removal's five columns used a third of the height, at zoom 0.25). Every built-in:
// laid out downwards, cards apart, every text ≥ 11 px and inside its card; the two outage stories
// also while they play, before, at and after their faults (key-removal's in legibility.e2e.ts, in
// the same playback as its five moments on a phone); the frame turned sideways goes back to left
// to right; the editor keeps its layout in a portrait window.
import { describe, expect, inject, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { useChromium } from './browser.ts';
import { nodeIdsOf } from './library-support.ts';
import { fill, PHONE, readable, settled } from './portrait-support.ts';

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

  // key-removal-2021 playing at 390×844 is checked in legibility.e2e.ts, in the same playback as
  // its five moments on a phone (every assertion of this file's test kept there): one story, once.
  it('mfa-outage-2019 playing at 390×844: the graph covers most of the frame\'s height, readable before, at and after its fault', { timeout: 120_000 }, async () => {
    const id = 'mfa-outage-2019';
    const { page, pageErrors } = await chromium.newPage({ viewport: PHONE });
    await page.goto(`${inject('appUrl')}?embed&scenario=${id}`);
    await page.waitForFunction(() => (window as unknown as { __faultline?: unknown }).__faultline !== undefined, undefined, { timeout: 30_000 });
    await settled(page);
    const f = await fill(page);
    expect(f.flow).toBe('down');
    expect(f.heightShare, `${id}: share of the canvas's height`).toBeGreaterThan(0.75);
    const faultMs = 10 * 60_000;
    for (const ms of [faultMs - 60_000, faultMs + 30_000, faultMs + 10 * 60_000]) {
      await page.waitForFunction(
        (at) => (window as unknown as { __faultline: { useRunStore: { getState(): { simulatedMs: number } } } }).__faultline.useRunStore.getState().simulatedMs >= at,
        ms,
        { timeout: 60_000, polling: 100 },
      );
      await readable(page, `${id} at ${(ms / 60_000).toFixed(1)} min`);
    }
    expect(pageErrors).toEqual([]);
  });

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
