// The embed's first frame (issue 16): its graph — every node's name and state word — is on
// screen while the simulation worker's script is still held back on the network, with none of
// the editor's or the live stage's heavy chunks needed for it; when the worker arrives the
// still picture gives way to the live canvas, which comes alive.
import { describe, expect, inject, it } from 'vitest';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { useChromium } from './browser.ts';

const POLL = { timeout: 30_000 };
const WORKER_SCRIPT = /\/assets\/simulation\.worker-[\w-]+\.js$/;

interface StillNode {
  id: string;
  texts: string[];
}

describe('the embed before its worker', () => {
  const chromium = useChromium();

  for (const [width, height] of [
    [700, 450],
    [390, 844],
  ] as const) {
    it(`draws key-removal-2021's nodes with names and state words at ${width}×${height} while the worker is held, then comes alive`, async () => {
      const { page, pageErrors } = await chromium.newPage({ viewport: { width, height } }, { console: true });
      const scenario = findBuiltin('key-removal-2021')!.scenario as { nodes: { id: string; label?: string }[] };
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let workerRequested = false;
      let workerServed = false;
      await page.context().route(WORKER_SCRIPT, async (route) => {
        workerRequested = true;
        await held;
        await route.continue();
        workerServed = true;
      });
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });

      await page.goto(`${inject('appUrl')}?embed&scenario=key-removal-2021`);
      await page.locator('[data-still] .fl-picture-node').first().waitFor(POLL);
      // the page has asked for the worker (the live stage starts at once) and not got it
      await expect.poll(() => workerRequested, POLL).toBe(true);
      const still = await page.locator('[data-still] .fl-picture-node').evaluateAll((groups) =>
        groups.map((g) => ({ id: g.getAttribute('data-id') ?? '', texts: [...g.querySelectorAll('text')].map((t) => t.textContent ?? '') })),
      );
      expect(workerServed).toBe(false);
      expect(still.map((n: StillNode) => n.id).sort()).toEqual(scenario.nodes.map((n) => n.id).sort());
      for (const node of still) {
        const label = scenario.nodes.find((n) => n.id === node.id)!.label ?? node.id;
        // the name (cut at its end, or its distinct tail on a small screen) and the state word
        const shown = node.texts[0].replace(/^…\u2060?/, '').replace(/…$/, '');
        expect(shown.length).toBeGreaterThanOrEqual(4);
        expect(label).toContain(shown);
        expect(node.texts.at(-1)).toBe('IDLE');
      }
      // on screen and legible: inside the viewport, the name's text at least 8 px tall
      const box = await page.locator('[data-still] .fl-picture-node').first().boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      const namePx = await page.locator('[data-still] .fl-picture-node text').first().evaluate((t) => t.getBoundingClientRect().height);
      expect(namePx).toBeGreaterThanOrEqual(8);
      // the live canvas is not there yet, and no editor chunk was fetched
      expect(await page.locator('.react-flow__node').count()).toBe(0);
      expect(scripts.filter((s) => /start-editor|ExperimentsPanel|ComparePanel/.test(s))).toEqual([]);

      release();
      await expect.poll(() => page.locator('.react-flow__node').count(), POLL).toBe(scenario.nodes.length);
      await page.locator('[data-still]').waitFor({ state: 'detached', ...POLL });
      expect(workerServed).toBe(true);
      // alive: the clock runs and the cards are painted with a state other than idle
      await expect.poll(() => page.locator('.fl-node[data-health]:not([data-health="idle"])').count(), POLL).toBeGreaterThan(0);
      await expect.poll(() => page.getByRole('timer', { name: 'Simulated time' }).textContent(), POLL).not.toMatch(/^0:00\.0 /);
      expect(pageErrors).toEqual([]);
    });
  }

  // Frames a blog on a phone gives an embed whose height is set (390×520) and frames only just
  // portrait: the still picture chose top to bottom for its taller canvas and the live canvas,
  // shorter by the caption and a row of controls, swapped to left to right at the handover
  // (28 of 30 such frames across three built-ins, before). The picture now chooses for the live
  // canvas's room, and the live canvas keeps what is shown unless another draws clearly larger.
  for (const [scenario, width, height] of [
    ['key-removal-2021', 390, 520],
    ['key-removal-2021', 440, 560],
    ['checkout', 420, 560],
  ] as const) {
    it(`${scenario} at ${width}×${height}: the live canvas shows the layout the still picture showed, and keeps it`, async () => {
      const { page, pageErrors } = await chromium.newPage({ viewport: { width, height } }, { console: true });
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { flowsSeen: string[] }).flowsSeen = seen;
        new MutationObserver(() => {
          const still = document.querySelector('[data-still] [data-flow]')?.getAttribute('data-flow');
          const live = document.querySelector('.fl-canvas')?.getAttribute('data-flow');
          const now = `still:${still ?? '-'} live:${live ?? '-'}`;
          if (seen.at(-1) !== now) seen.push(now);
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-flow'] });
      });
      await page.goto(`${inject('appUrl')}?embed&scenario=${scenario}`);
      await expect.poll(() => page.locator('.react-flow__node').count(), POLL).toBeGreaterThan(0);
      await expect.poll(() => page.locator('[data-still]').count(), POLL).toBe(0);
      const seen = await page.evaluate(() => (window as unknown as { flowsSeen: string[] }).flowsSeen);
      const stillFlows = new Set(seen.flatMap((s) => /still:(\w+)/.exec(s)?.[1] ?? []).filter((f) => f !== '-'));
      const liveFlows = new Set(seen.flatMap((s) => /live:(\w+)/.exec(s)?.[1] ?? []).filter((f) => f !== '-'));
      expect(stillFlows.size, seen.join(' → ')).toBe(1);
      expect([...liveFlows], seen.join(' → ')).toEqual([...stillFlows]);
      expect(pageErrors).toEqual([]);
    });
  }
});
