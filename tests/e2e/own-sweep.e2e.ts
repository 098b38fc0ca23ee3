// Sweeping your own scenario in the browser (issue 12, Deliver 5): "Sweep this…" beside
// checkout's (at 90 s) api-1 Workers field — reached and pressed from the keyboard — opens Experiments with
// that field chosen; a bad value is refused by name; 1, 2, 8 workers × 1 seed run on the worker
// pool; the table has one row per value with p99 falling as workers grow (the same numbers as the
// same runs in Node); File › Download carries the experiment and the CLI's loader and parser plan
// it; a file with another experiment preloads the panel; axe finds nothing serious.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planExperiment, runTask, summarise } from '../../src/experiments';
import { readDocument } from '../../src/cli/load';
import { useChromium } from './browser.ts';
import { nodeOnCanvas, seriousAxeViolations, setField } from './editor-support.ts';
import { downloadFrom } from './share-support.ts';
import { chooseFromMenu, openBuiltin } from './toolbar-support.ts';

const PATH = 'nodes[api-1].workers';

describe('sweeping the scenario on the canvas', () => {
  const chromium = useChromium();

  it('Sweep this… on a field, a small sweep, one row per value, a download the CLI plans, a file that preloads the panel', async () => {
    const { page, pageErrors } = await chromium.open();
    await openBuiltin(page, 'checkout');
    // 90 s instead of 3 min keeps the six runs (three here, three in Node) cheap; api-1 still crashes at 1:00
    await setField(page, 'Duration', '90s');
    await nodeOnCanvas(page, 'api-1').click();

    // keyboard: Tab from the Workers box reaches "Sweep this…", Enter opens Experiments with the field chosen
    await page.getByRole('textbox', { name: 'Workers (jobs at once)' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => [document.activeElement?.textContent, document.activeElement?.getAttribute('title')])).toEqual([
      'Sweep this…',
      `Sweep Workers (jobs at once), ${PATH}, over a list of values in Experiments`,
    ]);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Experiments' });
    await dialog.getByLabel('Field').waitFor();
    expect(await dialog.getByRole('radio', { name: 'the scenario on the canvas' }).isChecked()).toBe(true);
    expect(await dialog.getByLabel('Field').inputValue()).toBe(PATH);
    const values = dialog.getByLabel('Values, separated by commas');
    expect(await values.inputValue()).toBe('4, 8, 16'); // half, as it is, double

    // a value that is not a number is refused by name, and nothing runs
    await values.fill('1, two');
    await dialog.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => dialog.getByRole('alert').innerText()).toMatch(/Values: "two" is not a number or a duration/);
    expect(await dialog.getByRole('progressbar').count()).toBe(0);

    await values.fill('1, 2, 8');
    await dialog.getByLabel('Seeds').fill('1');
    await dialog.getByLabel('Metrics', { exact: true }).fill('p99(api-1)');
    await dialog.getByRole('button', { name: 'Run', exact: true }).press('Enter');
    await expect.poll(() => dialog.getByRole('status').filter({ hasText: 'finished in' }).count(), { timeout: 30_000, interval: 250 }).toBe(1);
    expect(await dialog.getByRole('progressbar', { name: 'Sweep progress' }).getAttribute('value')).toBe('3');

    // one row per value; more workers on the server that crashes → a lower p99 there
    const rows = await dialog.getByRole('table', { name: /Sweep results/ }).locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => Number(c.textContent))),
    );
    expect(rows.map((r) => r[0])).toEqual([1, 2, 8]);
    expect(rows[0][1]).toBeGreaterThan(rows[1][1]);
    expect(rows[1][1]).toBeGreaterThan(rows[2][1]);
    expect(await dialog.locator('.fl-experiments-figure canvas').count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page, '.fl-experiments-dialog')).toEqual([]);

    // the download carries the experiment; the CLI's loader and parser plan the same runs, which give the same numbers
    await dialog.getByRole('button', { name: 'Close' }).click();
    const saved = await downloadFrom(page, 'Download');
    const file = join(tmpdir(), `own-sweep-${process.pid}.json`);
    await writeFile(file, saved.text);
    const read = await readDocument(file, () => undefined, 'built-in experiment', []);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect((read.doc as { experiment: unknown }).experiment).toEqual({ vary: { path: PATH, values: [1, 2, 8] }, seeds: 1, collect: ['p99(api-1)'] });
    const planned = planExperiment(read.doc);
    if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
    const here = summarise(planned.plan, planned.plan.tasks.map((_, i) => runTask(planned.plan, i)));
    expect(rows.map((r) => r[1])).toEqual(here.summary.map((s) => Number(s.outcomes['p99(api-1)'].median.toPrecision(4))));

    // a file with an experiment of its own preloads the panel
    const other = JSON.parse(saved.text) as Record<string, unknown>;
    other.experiment = { vary: { path: 'nodes[db].workers', range: { from: 4, to: 16, step: 4 } }, seeds: [3, 5], collect: ['utilization(db)'] };
    await chooseFromMenu(page, 'File', 'New');
    await page.getByLabel('Scenario file').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
    await nodeOnCanvas(page, 'db').waitFor();
    await page.getByRole('button', { name: 'Experiments', exact: true }).click();
    await expect.poll(() => dialog.getByLabel('Field').inputValue()).toBe('nodes[db].workers');
    expect(await dialog.getByLabel('from').inputValue()).toBe('4');
    expect(await dialog.getByLabel('step').inputValue()).toBe('4');
    expect(await dialog.getByLabel('Seeds').inputValue()).toBe('3, 5');
    expect(await dialog.getByLabel('Metrics', { exact: true }).inputValue()).toBe('utilization(db)');
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
