// Compare in the browser: open the built-in retry storm, open Compare from the toolbar, choose
// "retries → none", run both sides in workers; the table shows B's success rate far above A's,
// the overlaid charts are drawn, axe finds nothing serious, the dialog fits 360 px, there are no
// page errors; a typed edit shows the parser's message; Cancel stops a long comparison, and A
// follows the document on the canvas.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { canvasInk, seriousAxeViolations } from './editor-support.ts';
import { openBuiltin } from './toolbar-support.ts';

/** Opens a built-in from the library, then the Compare dialog, and chooses a change in it. */
async function openCompare(page: Page, builtinId: string, change: string): Promise<Locator> {
  await openBuiltin(page, builtinId);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare' });
  await dialog.getByRole('heading', { name: /Compare: what if we had/ }).waitFor();
  await dialog.getByLabel('Change', { exact: true }).selectOption({ label: change });
  return dialog;
}

/** A row of the numbers table as its cells' text: [metric, A, B, difference]. */
async function tableRow(page: Page, metric: string): Promise<string[]> {
  const row = page.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: metric, exact: true }) });
  return row.locator('th, td').allInnerTexts();
}

const percent = (text: string): number => Number(text.replace('%', ''));

/** The drawn pixels of one overlaid chart. */
const chartInk = (page: Page, chartId: string): Promise<number> => canvasInk(page.locator(`.fl-compare-chart[data-chart="${chartId}"] canvas`));

describe('compare in the browser', () => {
  const chromium = useChromium();

  it('retry-storm against "retries → none": B succeeds far more often than A, and the charts are drawn', async () => {
    const { page, pageErrors } = await chromium.open();
    const dialog = await openCompare(page, 'retry-storm', 'clients: retries 1 → none');
    expect(await dialog.locator('.fl-compare-diff code').allInnerTexts()).toEqual(['nodes[clients].retry.attempts: 2 → 1']);
    expect(await dialog.getByText('Same traffic in A and B (common random numbers).').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Run A and B' }).click();
    await dialog.getByRole('table').or(dialog.getByRole('alert')).waitFor({ timeout: 30_000 });
    expect(await dialog.getByRole('alert').allInnerTexts()).toEqual([]); // a failed run says why here

    const [, a, b] = await tableRow(page, 'clients: success rate after the fault');
    expect(percent(b)).toBeGreaterThan(percent(a) + 50);
    const [, recoveredA, recoveredB] = await tableRow(page, 'clients: recovered after the fault ends');
    expect(recoveredA).toBe('never');
    expect(recoveredB).toMatch(/^\d+(\.\d+)? s$/);
    expect(await dialog.locator('.fl-compare-reading').innerText()).toMatch(/With the change, the success rate of clients after the fault at 20s is \d+% instead of \d+%\./);

    await expect.poll(() => page.locator('.fl-compare-chart canvas').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    expect(await chartInk(page, 'succeeded')).toBeGreaterThan(1_000);
    expect(await chartInk(page, 'in-system')).toBeGreaterThan(1_000);
    expect(await dialog.getByRole('figure', { name: /clients: successes per second/ }).count()).toBe(1);

    expect(await seriousAxeViolations(page, 'dialog[open]')).toEqual([]);

    // narrow screens: the dialog does not scroll sideways; only the table's own box may
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => dialog.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(pageErrors).toEqual([]);
    if (process.env.FAULTLINE_SCREENSHOT) await page.screenshot({ path: process.env.FAULTLINE_SCREENSHOT, fullPage: true });
  });

  it('a typed edit the format rejects shows the parser\'s message and cannot be run', async () => {
    const { page, pageErrors } = await chromium.open();
    const dialog = await openCompare(page, 'retry-storm', 'Your own edit: a field path and a value…');
    await dialog.getByLabel('Field path').fill('nodes.server.workers');
    await dialog.getByLabel('Value (JSON)').fill('-3');
    await expect.poll(() => dialog.getByRole('alert').innerText()).toBe('nodes[1].workers: expected a whole number ≥ 1 or "unbounded", got -3');
    expect(await dialog.getByRole('button', { name: 'Run A and B' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Value (JSON)').fill('8');
    await expect.poll(() => dialog.getByRole('button', { name: 'Run A and B' }).isDisabled()).toBe(false);
    expect(await dialog.locator('.fl-compare-diff code').allInnerTexts()).toEqual(['nodes[server].workers: unbounded → 8']);
    expect(pageErrors).toEqual([]);
  });

  it('Cancel stops a long comparison part-way and shows no results', async () => {
    const { page, pageErrors } = await chromium.open();
    const dialog = await openCompare(page, 'key-removal-2021', 'xbox-like: keepLastKnownGood on');
    await dialog.getByRole('button', { name: 'Run A and B' }).click();
    const progressA = dialog.getByRole('progressbar', { name: 'A: as is, progress' });
    await expect.poll(async () => Number(await progressA.getAttribute('value')), { timeout: 20_000, interval: 100 }).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByText('Cancelled: neither run is shown.').waitFor();
    expect(await dialog.getByRole('table').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: 'Run A and B' }).isEnabled()).toBe(true);

    // A follows the canvas: close, open another built-in, reopen — its own fixes are offered
    await dialog.getByRole('button', { name: 'Close' }).click();
    await openBuiltin(page, 'retry-storm');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await expect.poll(() => dialog.getByLabel('Change', { exact: true }).evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe('Built-in fix: Retry storm — fixed: no retries');
    expect(await dialog.getByText('Cancelled: neither run is shown.').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
