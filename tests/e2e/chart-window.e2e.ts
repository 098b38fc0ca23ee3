// The charts people read, in Chromium: on the 15.5 h key-removal story the charts' window (uPlot's
// x scale, as the page holds it) follows the playhead — the last 10 minutes — and "Whole run"
// widens it to the run; the fault timeline's ticks fall on nice steps; when the guide highlights
// a validator, the first chart is its tokens, with legends that tell the lines apart.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { canvasInk } from './editor-support.ts';
import { builtin, openFromLibrary } from './library-support.ts';

const chromium = useChromium();
const MINUTE_S = 60;
const RUN_S = 930 * MINUTE_S;

type Faultline = {
  useRunStore: { getState(): { status: string; simulatedMs: number } };
  runActions: { setPauseAt(ms: number | null): Promise<void>; setSpeed(speed: 'max'): Promise<void>; play(): Promise<void> };
};

/** Plays at Max until the worker pauses exactly at `minutes`. */
async function playTo(page: Page, minutes: number): Promise<void> {
  await page.evaluate(async (ms) => {
    const f = (window as unknown as { __faultline: Faultline }).__faultline;
    await f.runActions.setSpeed('max');
    await f.runActions.setPauseAt(ms);
    await f.runActions.play();
  }, minutes * 60_000);
  await page.waitForFunction(
    (ms) => {
      const s = (window as unknown as { __faultline: Faultline }).__faultline.useRunStore.getState();
      return s.status === 'paused' && s.simulatedMs === ms;
    },
    minutes * 60_000,
    { timeout: 45_000 },
  );
}

/** The x scale of a chart as uPlot holds it (seconds), once it equals `wanted`. */
async function waitForWindow(page: Page, chart: string, wanted: [number, number]): Promise<[number, number]> {
  const figure = page.locator(`.fl-chart[data-chart="${chart}"]`);
  const read = async (): Promise<[number, number]> => [Number(await figure.getAttribute('data-x-min')), Number(await figure.getAttribute('data-x-max'))];
  await expect.poll(read, { timeout: 10_000 }).toEqual(wanted);
  return read();
}

const chartOrder = (page: Page) => page.locator('.fl-charts-board .fl-chart').evaluateAll((figures) => figures.map((f) => (f as HTMLElement).dataset.chart));

describe('the charts’ window', () => {
  it('follows the playhead over the last 10 minutes; "Whole run" widens it to 15.5 h and back', async () => {
    const { page, pageErrors } = await chromium.open('?scenario=key-removal-2021');
    await page.waitForFunction(() => (window as unknown as { __faultline: Faultline }).__faultline.useRunStore.getState().status === 'paused');
    const wholeRun = page.getByRole('button', { name: 'Whole run' });
    expect(await wholeRun.getAttribute('aria-pressed')).toBe('false');

    await playTo(page, 35);
    expect(await waitForWindow(page, 'system-goodput', [25 * MINUTE_S, 35 * MINUTE_S])).toEqual([1500, 2100]);
    // the first 35 minutes now span the chart: about 60 px a minute, not 0.6
    const plotWidthPx = await page.locator('.fl-chart[data-chart="system-goodput"] .u-over').evaluate((el) => el.getBoundingClientRect().width);
    expect(plotWidthPx / 10).toBeGreaterThan(40);
    expect(await canvasInk(page.locator('.fl-chart[data-chart="system-goodput"] canvas'))).toBeGreaterThan(1_000);

    await wholeRun.click();
    expect(await wholeRun.getAttribute('aria-pressed')).toBe('true');
    await waitForWindow(page, 'system-goodput', [0, RUN_S]);
    await waitForWindow(page, 'system-attempts', [0, RUN_S]);

    await wholeRun.click();
    await waitForWindow(page, 'system-goodput', [25 * MINUTE_S, 35 * MINUTE_S]);

    // the window moves on with the playhead
    await playTo(page, 45);
    await waitForWindow(page, 'system-goodput', [35 * MINUTE_S, 45 * MINUTE_S]);

    // the fault timeline marks the run with the same rule: whole hours on nice steps, never sixths (2h 35m)
    const ticks = await page.locator('.fl-track-axis span').allTextContents();
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const hours = ticks.map((t) => Number(/^(\d+)h$/.exec(t)?.[1]));
    const stepH = hours[1] - hours[0];
    expect([1, 2, 3, 6, 12]).toContain(stepH);
    expect(hours).toEqual(hours.map((_, i) => i * stepH));
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("puts a highlighted validator's tokens first, each line with its own colour, dash and marker in the legend", async () => {
    const { page, pageErrors } = await chromium.open('?library');
    await openFromLibrary(page, builtin('key-removal-2021'));
    const guide = page.getByRole('complementary', { name: 'Guide' });
    await guide.waitFor();
    // 0:00 — the guide highlights the identity provider and the key set: services' charts
    await expect.poll(() => chartOrder(page), { timeout: 10_000 }).toEqual(['queue', 'latency', 'throughput', 'drops']);

    // the guide would stop at its own steps and reveals (30:00, 34:00): let this test pick the moment
    await guide.getByLabel('Pause at each step').uncheck();
    await playTo(page, 35); // the step "the 5-minute group is fully broken": teams-like, its fetch link, jwks
    await expect.poll(() => page.locator('.fl-charts-subject').textContent(), { timeout: 10_000 }).toContain('teams-like');
    await expect.poll(async () => (await chartOrder(page)).slice(0, 2), { timeout: 10_000 }).toEqual(['auth', 'rejecting']);

    const tokens = page.locator('.fl-chart[data-chart="auth"]');
    expect(await tokens.locator('figcaption').textContent()).toBe('Tokens accepted / rejected (per s)');
    const legend = await tokens.locator('.u-legend .u-series').evaluateAll((rows) =>
      rows.slice(1).map((row) => ({
        label: row.querySelector('.u-label')?.textContent,
        colour: row.querySelector('svg line')?.getAttribute('stroke'),
        dash: row.querySelector('svg line')?.getAttribute('stroke-dasharray') ?? 'solid',
        marker: row.querySelector('svg path')?.getAttribute('d'),
      })),
    );
    expect(legend.map((l) => l.label)).toEqual(['teams-like accepted', 'teams-like rejected']);
    expect(legend[0].colour).not.toBe(legend[1].colour);
    expect(legend[0].marker).not.toBe(legend[1].marker);
    expect(legend[0].dash).toBe('solid');
    expect(legend[1].dash).not.toBe('solid');
    // the colours are the theme's Okabe–Ito slots (theme.css), not uPlot's defaults
    expect(legend.map((l) => l.colour)).toEqual(['#0072b2', '#d55e00']);
    await waitForWindow(page, 'auth', [25 * MINUTE_S, 35 * MINUTE_S]);
    expect(await canvasInk(tokens.locator('canvas'))).toBeGreaterThan(1_000);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
