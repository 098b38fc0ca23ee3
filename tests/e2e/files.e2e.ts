// Files: a malformed scenario (from the file input or dropped on the page) lists every problem
// with its path and leaves the graph and its history alone; a valid file opens; Download
// re-imports to the same document; Download CSV has one row per simulated sample.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { nodeIds, nodeOnCanvas, openEditor, setField } from './editor-support.ts';
import { downloadedDocument, downloadFrom, dropFile } from './share-support.ts';
import checkout from '../../src/scenarios/checkout.json';
import mfaOutage from '../../src/scenarios/s7-mfa-outage.json';
import { chooseFromMenu } from './toolbar-support.ts';

/** The checkout scenario with three independent mistakes, each at its own path. */
function malformedScenario(): string {
  const doc = structuredClone(checkout) as Record<string, unknown> & { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };
  doc.duration = 'soon';
  doc.nodes[4] = { ...doc.nodes[4], workers: -3 };
  doc.links[0] = { ...doc.links[0], to: 'nowhere' };
  return JSON.stringify(doc);
}
const EXPECTED_PATHS = ['duration', 'nodes[4].workers', 'links[0].to'];

async function expectRefused(page: Page, fileName: string, closeWith: 'button' | 'Escape' = 'button'): Promise<void> {
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${fileName.replace('.', '\\.')} was not opened: \\d+ problems$`) });
  await dialog.waitFor();
  const problems = await dialog.getByRole('list', { name: 'Problems' }).getByRole('listitem').allTextContents();
  for (const path of EXPECTED_PATHS) expect(problems.some((p) => p.startsWith(`${path}: `)), `${path} in ${problems.join(' | ')}`).toBe(true);
  if (closeWith === 'button') await dialog.getByRole('button', { name: 'Close' }).click();
  else await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

/** An edit after the load, so the history has exactly one step we can check. */
async function editOnce(page: Page): Promise<{ before: unknown; after: unknown }> {
  const before = await downloadedDocument(page);
  await nodeOnCanvas(page, 'api-2').click();
  await setField(page, 'Workers (jobs at once)', '3');
  const after = await downloadedDocument(page);
  expect(after).not.toEqual(before);
  return { before, after };
}

describe('scenario files', () => {
  const chromium = useChromium();

  it('a malformed file from the file input lists every problem and changes nothing, history included', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    const { before, after } = await editOnce(page);
    await page.getByLabel('Scenario file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(malformedScenario()) });
    await expectRefused(page, 'broken.json');
    expect(await downloadedDocument(page)).toEqual(after);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await downloadedDocument(page)).toEqual(before); // the edit, not an import, was the last step
    expect(pageErrors).toEqual([]);
  });

  it('a malformed file dropped on the page does the same (Escape closes the list, Open anyway is undoable); a node drag shows no file hint', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    const { after } = await editOnce(page);
    const ids = await nodeIds(page);
    await dropFile(page, 'dropped.json', malformedScenario());
    await expectRefused(page, 'dropped.json', 'Escape');
    expect(await nodeIds(page)).toEqual(ids);
    expect(await downloadedDocument(page)).toEqual(after);

    const hintShown = await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('application/x-faultline-kind', 'service');
      window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      return document.querySelector('.fl-file-drop') !== null;
    });
    expect(hintShown).toBe(false);

    // "Open anyway" loads an editable file as one undoable step, to fix it in the editor.
    await dropFile(page, 'dropped.json', malformedScenario());
    await page.getByRole('button', { name: 'Open anyway to fix it' }).click();
    expect(await downloadedDocument(page)).toMatchObject({ duration: 'soon' });
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await downloadedDocument(page)).toEqual(after);
    expect(pageErrors).toEqual([]);
  });

  it('a valid file opens (dropped), and Download re-imports to the same document', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await dropFile(page, 'mfa.json', JSON.stringify(mfaOutage));
    await expect.poll(() => nodeIds(page)).toEqual(mfaOutage.nodes.map((n) => n.id));
    const saved = await downloadFrom(page, 'Download');
    expect(saved.name).toMatch(/\.json$/);
    // The saved file names its schema first, for editors (docs/format.md, "Editor support").
    expect(saved.text.startsWith('{\n  "$schema": "https://faultline.dev/schema/scenario/v1.json",\n')).toBe(true);
    await chooseFromMenu(page, 'File', 'New');
    await expect.poll(() => nodeIds(page)).toEqual([]);
    await page.getByLabel('Scenario file').setInputFiles({ name: saved.name, mimeType: 'application/json', buffer: Buffer.from(saved.text) });
    await expect.poll(() => nodeIds(page)).toEqual(mfaOutage.nodes.map((n) => n.id));
    expect(await downloadedDocument(page)).toEqual(JSON.parse(saved.text));
    expect(pageErrors).toEqual([]);
  });

  it('Download CSV has the CLI columns and one row per simulated sample', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    const step = page.getByRole('button', { name: 'Step', exact: true });
    await expect.poll(() => step.isEnabled()).toBe(true);
    for (let i = 0; i < 3; i++) {
      await step.click();
      await expect.poll(() => page.getByRole('timer', { name: 'Simulated time' }).textContent()).toMatch(new RegExp(`^0:0${i + 1}\\.0 `));
    }
    const csv = await downloadFrom(page, 'Download CSV');
    expect(csv.name).toBe('checkout-under-a-crash-metrics.csv');
    const [header, ...rows] = csv.text.trimEnd().split('\n');
    const columns = header.split(',');
    expect(columns[0]).toBe('t_ms');
    expect(columns).toEqual(expect.arrayContaining(['nodes.db.completed', 'clients.shoppers.succeeded', 'links.shoppers-lb.sent']));
    expect(rows.map((r) => Number(r.split(',')[0]))).toEqual([1000, 2000, 3000]);
    for (const row of rows) expect(row.split(',')).toHaveLength(columns.length);
    expect(pageErrors).toEqual([]);
  });
});
