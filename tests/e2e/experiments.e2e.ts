// Experiments in the browser: the toolbar opens the panel, the S4 sweep runs on the Web Worker
// pool to 100%, the plot is drawn, the table shows the collapse probability rising with trigger
// length — the same numbers as the runs in this Node process (so the browser's pool, whatever its
// number of workers, gives the CLI's results) — and Cancel stops a second run part-way.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planExperiment, runTask, summarise } from '../../src/experiments';
import { findBuiltinExperiment } from '../../src/scenarios/experiments';
import { useChromium, type AppPage } from './browser.ts';
import { canvasInk } from './editor-support.ts';

const S4 = 's4-collapse';

/** The panel's table: trigger length (s) → mean of `collapsed` across seeds (the probability). */
async function tableRows(page: Page): Promise<{ x: number; p: number }[]> {
  const table = page.getByRole('table', { name: /collapse probability/ });
  return table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll('th, td')].map((c) => Number(c.textContent));
      return { x: cells[0], p: cells[1] };
    }),
  );
}

/** The drawn pixels of the sweep's plot. */
const plotInk = (page: Page): Promise<number> => canvasInk(page.locator('.fl-experiments-figure canvas'));

describe('experiments in the browser', () => {
  const chromium = useChromium();

  /** Opens the panel from the toolbar, or with `?experiments` in the URL. */
  async function openPanel(via: 'toolbar' | 'url'): Promise<AppPage> {
    const app = await chromium.open(via === 'url' ? '?experiments' : '');
    if (via === 'toolbar') await app.page.getByRole('button', { name: 'Experiments' }).click();
    const dialog = app.page.getByRole('dialog', { name: 'Experiments' });
    await dialog.getByRole('heading', { name: 'Experiments' }).waitFor();
    await dialog.getByLabel('Experiment', { exact: true }).selectOption(S4);
    return app;
  }

  it('runs S4 to 100% on the worker pool, plots it, and the collapse probability rises with trigger length', async () => {
    const { page, pageErrors } = await openPanel('toolbar');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: 'Sweep progress' });
    await progress.waitFor();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'finished in' }).count(), { timeout: 45_000, interval: 250 }).toBe(1);
    expect(await progress.getAttribute('value')).toBe('260');
    expect(await progress.getAttribute('max')).toBe('260');
    await expect.poll(() => page.getByRole('status').filter({ hasText: '260 of 260 runs (100%)' }).count()).toBe(1);
    expect(await page.locator('.fl-experiments-read').innerText()).toMatch(/the cliff is a probability/);

    // the plot: uPlot's canvas with ink on it, labelled with its axes
    await expect.poll(() => page.locator('.fl-experiments-figure canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await plotInk(page)).toBeGreaterThan(1_000);
    expect(await page.getByRole('img', { name: /collapse probability against trigger length/ }).count()).toBe(1);

    // the numbers: 2 s never collapses, 8 s always does, and in between the probability rises
    await page.getByText('The plotted numbers as a table').click();
    const rows = await tableRows(page);
    expect(rows.map((r) => r.x)).toEqual([2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8]);
    expect(rows[0].p).toBe(0);
    expect(rows.at(-1)!.p).toBe(1);
    for (let i = 1; i < rows.length; i++) expect(rows[i].p).toBeGreaterThanOrEqual(rows[i - 1].p);
    expect(rows.some((r) => r.p > 0 && r.p < 1)).toBe(true); // a probability, not a threshold

    // deterministic: the same runs in this process, one at a time, give the same probabilities
    const planned = planExperiment(structuredClone(findBuiltinExperiment(S4)!.document));
    if (!planned.ok) throw new Error('S4 does not plan');
    const here = summarise(planned.plan, planned.plan.tasks.map((_, i) => runTask(planned.plan, i)));
    expect(rows.map((r) => r.p)).toEqual(here.summary.map((s) => Number(s.outcomes['collapsed(clients)'].mean.toPrecision(4))));
    expect(pageErrors).toEqual([]);
    if (process.env.FAULTLINE_SCREENSHOT) await page.screenshot({ path: process.env.FAULTLINE_SCREENSHOT });
  }, 90_000);

  it('?experiments opens the panel; cancel stops a run part-way and keeps the finished runs', async () => {
    const { page, pageErrors } = await openPanel('url');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: 'Sweep progress' });
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const cancelled = page.getByRole('status').filter({ hasText: /^Cancelled after \d+ of 260 runs/ });
    await cancelled.waitFor({ timeout: 5_000 });
    const done = Number(/after (\d+) of/.exec(await cancelled.innerText())![1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(260);
    // Run is offered again and nothing moves on after the cancel
    await page.getByRole('button', { name: 'Run', exact: true }).waitFor();
    await page.waitForTimeout(500);
    expect(Number(await progress.getAttribute('value'))).toBe(done);
    expect(pageErrors).toEqual([]);
  }, 60_000);
  it('runs the S8 experiment too: recovery time follows the key-set refresh interval', async () => {
    const { page } = await openPanel('url');
    const dialog = page.getByRole('dialog', { name: 'Experiments' });
    await dialog.getByLabel('Experiment', { exact: true }).selectOption('s8-recovery');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'finished in' }).count(), { timeout: 45_000, interval: 250 }).toBe(1);
    expect(await plotInk(page)).toBeGreaterThan(1_000);
    await page.getByText('The plotted numbers as a table').click();
    const rows = await page.getByRole('table', { name: /time to recover/ }).locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => Number(c.textContent))),
    );
    // interval (min) → median minutes to recover: a cache that never re-fetches recovers at its
    // next scheduled refresh, within one interval of the restore
    expect(rows.map((r) => r[0])).toEqual([1, 2, 5, 10, 15, 20, 25, 30]);
    for (const [interval, median] of rows) {
      expect(median).toBeGreaterThan(interval * 0.8);
      expect(median).toBeLessThanOrEqual(interval);
    }
  });
});
