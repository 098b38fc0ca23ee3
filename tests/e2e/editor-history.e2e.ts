// Undo/redo for edits, and the autosave: a reload keeps the graph; an unreadable autosave is
// reported and the editor still opens.
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { editApi2AndAddExternal, nodeIds, nodeOnCanvas, openEditor, setField } from './editor-support.ts';
import { chooseFromMenu } from './toolbar-support.ts';

describe('history and autosave', () => {
  const chromium = useChromium();

  it('undoes and redoes adds and a rename, from the keyboard and the toolbar', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await chooseFromMenu(page, 'File', 'New');
    await page.getByRole('button', { name: 'Add Client' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add Database' }).click();
    await expect.poll(() => nodeIds(page)).toEqual(['client', 'database']);
    await setField(page, 'Id', 'orders-db');
    await expect.poll(() => nodeIds(page)).toEqual(['client', 'orders-db']);

    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeIds(page)).toEqual(['client', 'database']);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeIds(page)).toEqual(['client']);
    await page.getByRole('button', { name: 'Redo' }).click();
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => nodeIds(page)).toEqual(['client', 'orders-db']);
    // Undo past "New" brings back the scenario that was open before it.
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => nodeIds(page)).toEqual(['shoppers', 'lb', 'api-1', 'api-2', 'db']);
    expect(pageErrors).toEqual([]);
  });

  it('a reload keeps the graph, its positions and its edits', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await editApi2AndAddExternal(page);
    const before = await nodeOnCanvas(page, 'external').evaluate((n) => (n as HTMLElement).style.transform);
    await page.reload();
    await nodeOnCanvas(page, 'external').waitFor();
    expect(await nodeIds(page)).toEqual(['shoppers', 'lb', 'api-1', 'api-2', 'db', 'external']);
    expect(await nodeOnCanvas(page, 'external').evaluate((n) => (n as HTMLElement).style.transform)).toBe(before);
    await nodeOnCanvas(page, 'api-2').click();
    expect(await page.getByLabel('Workers (jobs at once)', { exact: true }).inputValue()).toBe('3');
    expect(pageErrors).toEqual([]);
  });

  it('an unreadable autosave is reported, the editor opens the built-in scenario, and the text is kept aside', async () => {
    const { page } = await openEditor(chromium.browser);
    await page.evaluate(() => localStorage.setItem('faultline.editor.document', '{"savedAt":"2026-01-01","document":{"format":"faultl'));
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'could not be opened' }).waitFor();
    expect(await nodeIds(page)).toEqual(['shoppers', 'lb', 'api-1', 'api-2', 'db']);
    expect(await page.evaluate(() => localStorage.getItem('faultline.editor.document.unreadable'))).toContain('faultl');
  });
});
