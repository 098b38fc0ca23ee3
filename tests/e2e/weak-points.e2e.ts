// Weak points in the browser: the Experiments dialog's "weak points" mode, on the scenario on the
// canvas (checkout, the editor's first scenario); Run tries every single failure on the sweeps' Web Worker
// pool to 100%; the ranked table equals the same analysis run in this Node process, row for row; the
// canvas is tinted by impact (a class per node and link, the word in each element's name); Clear
// the tint removes it. Screenshots at 1440×900 and 1280×720 go to $FAULTLINE_SHOTS when set.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { planSingleFailures, rankWeakPoints, runFailureTask } from '../../src/experiments';
import { findBuiltin } from '../../src/scenarios';
import { useChromium } from './browser.ts';
import { downloadedDocument, dropFile } from './share-support.ts';

const SHOTS = process.env.FAULTLINE_SHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name) });
}

/** The table's rows: rank, component, goodput lost, impact. */
function tableRows(page: Page): Promise<string[][]> {
  return page.getByRole('table', { name: 'Weak points, worst first' }).locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent ?? '')),
  );
}

/** The impact class of a node or an edge on the canvas ('' when untinted). */
function impactOf(page: Page, kind: 'node' | 'edge', id: string): Promise<string> {
  return page.locator(`.react-flow__${kind}[data-id="${id}"]`).evaluate((el) => [...el.classList].find((c) => c.startsWith('fl-impact--')) ?? '');
}

describe('weak points in the browser', () => {
  const chromium = useChromium();

  /** `?experiments`, then the "weak points" mode. */
  async function openWeakPoints(page: Page): Promise<void> {
    const dialog = page.getByRole('dialog', { name: 'Experiments' });
    await dialog.getByRole('heading', { name: 'Experiments' }).waitFor();
    await dialog.getByRole('radio', { name: 'weak points: every single failure' }).check();
    await dialog.getByRole('heading', { name: 'Weak points' }).waitFor();
  }

  it('ranks every single failure of the canvas scenario as Node does, and tints the canvas by impact', async () => {
    const { page, pageErrors } = await chromium.open('?experiments');
    await page.setViewportSize({ width: 1440, height: 900 });
    const dialog = page.getByRole('dialog', { name: 'Experiments' });
    await openWeakPoints(page);
    // the defaults, from the scenario's 3 min: a third and a sixth of the run
    expect(await dialog.getByLabel('Fail at').getAttribute('placeholder')).toBe('1m');
    expect(await dialog.getByLabel('For', { exact: true }).getAttribute('placeholder')).toBe('30s');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: '10 of 10 runs (100%)' }).count(), { timeout: 60_000, interval: 250 }).toBe(1);

    // the same analysis in Node: the same order, the same numbers
    const planned = planSingleFailures(structuredClone(findBuiltin('checkout')!.scenario), {});
    if (!planned.ok) throw new Error('checkout does not plan');
    const here = rankWeakPoints(planned.plan, planned.plan.tasks.map((_, i) => runFailureTask(planned.plan, i)));
    const rows = await tableRows(page);
    expect(rows.map((r) => [r[0], r[1], r[3], r[8]])).toEqual(here.ranked.map((p) => [String(p.rank), p.id, Math.round(p.goodputLost).toLocaleString('en-US'), p.impact]));
    expect(rows.map((r) => r[7])).toEqual(here.ranked.map(() => '–')); // no alerts defined
    expect(await dialog.locator('caption').innerText()).toContain('no alerts defined');
    expect(await dialog.getByRole('note').innerText()).toBe('The canvas is tinted by impact: close this dialog to see it.');
    // the table fits the dialog: no column cut off at the right
    const fits = await dialog.locator('.fl-weak-points__table').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(fits).toBe(true);
    await shot(page, 'weak-points-panel-1440x900.png');

    // the canvas: each component tinted by its band, its name saying so
    await dialog.getByRole('button', { name: 'Close' }).click();
    for (const p of here.ranked) expect(await impactOf(page, p.kind === 'link' ? 'edge' : 'node', p.id)).toBe(`fl-impact--${p.impact}`);
    expect(await impactOf(page, 'node', 'shoppers')).toBe(''); // a client is not tried
    const lb = here.ranked.find((p) => p.id === 'lb')!;
    expect(await page.locator('.react-flow__node[data-id="lb"]').getAttribute('aria-label')).toContain(`weak point: ${lb.impact} impact`);
    // the tag is drawn under the card, in the band's colour
    const tag = await page.locator('.react-flow__node[data-id="lb"]').evaluate((el) => {
      const after = getComputedStyle(el, '::after');
      return { content: after.content, background: after.backgroundColor };
    });
    expect(tag.content).toBe(`"${lb.impact} impact"`);
    expect(tag.background).not.toBe('rgba(0, 0, 0, 0)');
    await shot(page, 'weak-points-canvas-1440x900.png');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, 'weak-points-canvas-1280x720.png');

    // Clear the tint: every class gone (the dialog kept the panel and its table)
    await page.getByRole('button', { name: 'Experiments' }).click();
    await dialog.getByRole('heading', { name: 'Weak points' }).waitFor();
    expect(await tableRows(page)).toEqual(rows);
    await shot(page, 'weak-points-panel-1280x720.png');
    await dialog.getByRole('button', { name: 'Clear the tint' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await page.locator('.react-flow__node.fl-impact, .react-flow__edge.fl-impact').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('names a bad duration in the form\'s words and runs nothing; on a phone the form fits the screen', async () => {
    const { page, pageErrors } = await chromium.open('?experiments');
    await page.setViewportSize({ width: 390, height: 844 });
    const dialog = page.getByRole('dialog', { name: 'Experiments' });
    await openWeakPoints(page);
    await dialog.getByLabel('Fail at').fill('soon');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe('Fail at: expected a duration such as "5m" or "30s", got "soon"');
    expect(await dialog.getByRole('progressbar').count()).toBe(0);
    // 390 px: labels above their fields, nothing wider than the dialog
    const form = await dialog.locator('.fl-weak-points').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(form.scroll).toBeLessThanOrEqual(form.client);
    const [label, field] = await Promise.all([dialog.getByText('Fail at', { exact: true }).boundingBox(), dialog.getByLabel('Fail at').boundingBox()]);
    expect(field!.y).toBeGreaterThan(label!.y + label!.height - 1);
    await shot(page, 'weak-points-panel-390x844.png');
    expect(pageErrors).toEqual([]);
  }, 60_000);

  it('a built-in analysis runs on its own scenario, then opens it on the canvas, tinted', async () => {
    const { page, pageErrors } = await chromium.open('?experiments');
    const dialog = page.getByRole('dialog', { name: 'Experiments' });
    await openWeakPoints(page);
    await dialog.getByLabel('Scenario', { exact: true }).selectOption('checkout-weak-points');
    expect(await dialog.locator('.fl-experiments-read').last().innerText()).toMatch(/^How to read this: Each row is one component failed alone/);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: '10 of 10 runs (100%)' }).count(), { timeout: 60_000, interval: 250 }).toBe(1);
    // a built-in's results do not tint the canvas until its scenario is on it
    expect(await page.locator('.react-flow__node.fl-impact').count()).toBe(0);
    const rows = await tableRows(page);
    await dialog.getByRole('button', { name: 'Open checkout on the canvas, tinted' }).click();
    await dialog.getByRole('button', { name: 'Close' }).click();
    const db = rows.find((r) => r[1] === 'db')!;
    expect(await impactOf(page, 'node', 'db')).toBe(`fl-impact--${db[8]}`);
    expect(await page.locator('.react-flow__node.fl-impact, .react-flow__edge.fl-impact').count()).toBe(rows.length);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('Cancel stops an analysis part-way and ranks only the components whose runs finished', async () => {
    // Checkout run for 30 minutes instead of three: each run takes about a second, so Cancel lands
    // while runs are left. On the three-minute scenario a fast machine could finish all ten
    // between the first progress and the click (seen once in seven suite runs), and no
    // "Cancelled after" ever came.
    const { page, pageErrors } = await chromium.open('');
    const long = { ...(structuredClone(findBuiltin('checkout')!.scenario) as object), duration: '30m' };
    await dropFile(page, 'checkout-30m.json', JSON.stringify(long));
    await expect.poll(async () => (await downloadedDocument(page)) as { duration?: string }).toMatchObject({ duration: '30m' });
    await page.getByRole('button', { name: 'Experiments' }).click();
    const dialog = page.getByRole('dialog', { name: 'Experiments' });
    await openWeakPoints(page);
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    const progress = dialog.getByRole('progressbar', { name: 'Sweep progress' });
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    const status = await dialog.getByRole('status').filter({ hasText: /^Cancelled after/ }).innerText();
    const done = Number(/^Cancelled after (\d+) of 10 runs/.exec(status)?.[1]);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(10);
    expect(status).toMatch(/; the table ranks the components whose runs finished\.$/);
    // the baseline is run 0: every ranked component has its own finished run beside it
    expect((await tableRows(page)).length).toBeLessThanOrEqual(done - 1);
    expect(await dialog.getByRole('button', { name: 'Run', exact: true }).isEnabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
