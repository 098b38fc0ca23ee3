// Alerts in the browser (issue 13, Deliver 3 and 6): while an alert fires, its link or node shows a
// bell on the canvas; the fault timeline and the charts mark each firing beside the faults.
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { openBuiltin, setSpeed } from './toolbar-support.ts';

const SHOTS = '/work/shots/monitor';

/** The clock of the live frame the canvas is painted from. */
const liveClockMs = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __faultline?: { liveMetrics: { get(): { values: Float64Array | null } } } }).__faultline?.liveMetrics.get().values?.[0] ?? -1);

describe('alerts on the canvas and the timeline', () => {
  const chromium = useChromium();

  it('redundant-links: bells on both cables, alert marks on the timeline and the charts; none before the run', { timeout: 240_000 }, async () => {
    const { page, pageErrors } = await chromium.open();
    await page.locator('.react-flow__node').first().waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await openBuiltin(page, 'redundant-links');
    const bell = (id: string) => page.locator(`.react-flow__edge[data-id="${id}"] [data-live="alert-bell"]`);
    // before the run: no bell, no alert mark
    expect(await bell('cable-1').getAttribute('data-firing')).toBeNull();
    expect(await page.locator('.fl-track-alert').count()).toBe(0);

    await setSpeed(page, 'Max');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    // they flicker while the cables hover near 70%: read the bells at the end, where both fire
    await expect.poll(() => liveClockMs(page), { timeout: 120_000, interval: 250 }).toBe(3_600_000);
    await expect.poll(() => bell('cable-2').getAttribute('data-firing'), { timeout: 10_000, interval: 100 }).toBe('1');
    await expect.poll(() => bell('cable-1').getAttribute('data-firing'), { timeout: 10_000, interval: 100 }).toBe('1');
    expect(await bell('cable-2').isVisible()).toBe(true);
    expect(await bell('cable-2').getAttribute('aria-label')).toBe('alert firing');
    // the link to building A carries no alert
    expect(await bell('building-a-lan-1').getAttribute('data-firing')).toBeNull();
    expect(await bell('building-a-lan-1').isVisible()).toBe(false);

    // the timeline: one mark per firing, the first of cable-2's at 22:40 of the 60-minute axis
    await expect.poll(() => page.locator('.fl-track-alert[aria-label^="cable-2 above 70%"]').count(), { timeout: 60_000, interval: 250 }).toBeGreaterThanOrEqual(1);
    const first = page.locator('.fl-track-alert[aria-label^="cable-2 above 70%"]').first();
    expect(await first.getAttribute('aria-label')).toMatch(/^cable-2 above 70% \(ticket\) fired at 22m 40s,/);
    const lane = await page.locator('.fl-track-lane').boundingBox();
    const mark = await first.boundingBox();
    expect(lane && mark).toBeTruthy();
    const shareOfAxis = (mark!.x - lane!.x) / lane!.width;
    expect(shareOfAxis).toBeGreaterThan((22 * 60 + 40) / 3600 - 0.01);
    expect(shareOfAxis).toBeLessThan((22 * 60 + 40) / 3600 + 0.01);
    // the page says where the alerts fired on each chart too
    const charts = page.locator('.fl-charts-board .fl-chart');
    if ((await charts.count()) > 0) {
      await expect.poll(() => charts.first().getAttribute('data-alert-firings'), { timeout: 30_000 }).not.toBe('0');
    }
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/redundant-links-1440.png` });
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: `${SHOTS}/redundant-links-1280.png` });
    expect(pageErrors).toEqual([]);
  });

  it('mfa-outage-2019-monitoring: the sign-in client rings at the end (its SLO burn is still firing)', { timeout: 300_000 }, async () => {
    const { page, pageErrors } = await chromium.open();
    await page.locator('.react-flow__node').first().waitFor();
    await page.setViewportSize({ width: 1440, height: 900 });
    await openBuiltin(page, 'mfa-outage-2019-monitoring');
    const bell = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] [data-live="alert-bell"]`);
    expect(await bell('users').getAttribute('data-firing')).toBeNull();
    // the probe is drawn where it looks: a mark on Apple push's card, named; no other card has one
    const probeMarks = page.locator('.react-flow__node .fl-node__probe');
    expect(await probeMarks.count()).toBe(1);
    expect(await page.locator('.react-flow__node[data-id="apns"] .fl-node__probe').getAttribute('aria-label')).toBe('Probed every 10m by apns-probe, via mfa-service');
    expect(await probeMarks.isVisible()).toBe(true);
    await setSpeed(page, 'Max');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => bell('users').getAttribute('data-firing'), { timeout: 240_000, interval: 250 }).toBe('1');
    expect(await bell('users').isVisible()).toBe(true);
    // three alerts, each marked on the timeline where it fired (the probe's first page at 56:00)
    await expect.poll(() => page.locator('.fl-track-alert[aria-label^="APNs probe failing"]').count(), { timeout: 240_000, interval: 500 }).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.fl-track-alert[aria-label^="APNs probe failing"]').first().getAttribute('aria-label')).toMatch(/fired at 56m,/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/mfa-monitoring-1440.png` });
    expect(pageErrors).toEqual([]);
  });
});
