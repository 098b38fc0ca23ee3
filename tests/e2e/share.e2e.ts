// Share links: a changed graph survives the trip through a link exactly; ?scenario= opens a
// built-in; a mangled link is named in a notice and the autosaved graph stays.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './browser.ts';
import { editApi2AndAddExternal, nodeIds, nodeOnCanvas, openEditor, setField } from './editor-support.ts';
import { downloadedDocument, openShareDialog } from './share-support.ts';
import mfaOutage from '../../src/scenarios/s7-mfa-outage.json';

const CHECKOUT_IDS = ['shoppers', 'lb', 'api-1', 'api-2', 'db'];

async function dragNode(page: Page, id: string, dx: number, dy: number): Promise<void> {
  const box = await nodeOnCanvas(page, id).boundingBox();
  if (!box) throw new Error(`${id} is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + dx, box.y + 8 + dy, { steps: 8 });
  await page.mouse.up();
}

describe('share links', () => {
  const chromium = useChromium();

  it('a link carries the changed graph exactly: fields, seed, duration, a new node and moved positions', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await editApi2AndAddExternal(page);
    const transform = () => nodeOnCanvas(page, 'db').evaluate((n) => (n as HTMLElement).style.transform);
    const laidOut = await transform();
    await dragNode(page, 'db', 90, 60);
    await expect.poll(transform).not.toBe(laidOut); // a real move, which the link must carry
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await setField(page, 'Seed', '4242');
    await setField(page, 'Duration', '7m');
    const original = await downloadedDocument(page);
    expect(original).toMatchObject({ duration: '7m' });
    expect(JSON.stringify(original)).toMatch(/"seed":"?4242/);

    const dialog = await openShareDialog(page);
    const link = await dialog.getByRole('textbox', { name: 'Link to this graph' }).inputValue();
    expect(link.startsWith(inject('appUrl'))).toBe(true);
    expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);
    // Changed: no short form, and the embed snippet carries the same hash.
    expect(await dialog.getByRole('textbox', { name: 'Short link (the built-in, unchanged)' }).count()).toBe(0);
    expect(await dialog.getByRole('textbox', { name: 'Embed snippet' }).inputValue()).toContain(`?embed${link.slice(link.indexOf('#'))}`);

    const shared = await chromium.open(link.slice(inject('appUrl').length)); // a new context: no autosave
    await expect.poll(() => nodeIds(shared.page)).toContain('external');
    expect(await downloadedDocument(shared.page)).toEqual(original);
    await shared.page.getByRole('status').filter({ hasText: 'from the link' }).waitFor();
    expect(shared.page.url()).not.toContain('#s=');
    // Loaded on top of what was there: Undo goes back to it.
    await shared.page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => nodeIds(shared.page)).toEqual(CHECKOUT_IDS);
    expect(pageErrors).toEqual([]);
    expect(shared.pageErrors).toEqual([]);
  });

  it('?scenario=mfa-outage-2019 opens that built-in with its short link; its full link pasted into an open tab opens too', async () => {
    const { page, pageErrors } = await chromium.open('?scenario=mfa-outage-2019');
    const expectedIds = mfaOutage.nodes.map((n) => n.id);
    await expect.poll(() => nodeIds(page)).toEqual(expectedIds);
    expect(page.url()).not.toContain('scenario=');
    const dialog = await openShareDialog(page);
    expect(await dialog.getByRole('textbox', { name: 'Short link (the built-in, unchanged)' }).inputValue()).toBe(`${inject('appUrl')}?scenario=mfa-outage-2019`);
    expect(await dialog.getByRole('textbox', { name: 'Embed snippet' }).inputValue()).toContain('?embed&amp;scenario=mfa-outage-2019');
    expect(await dialog.getByRole('textbox', { name: 'Or as an element (<faultline-embed>)' }).inputValue()).toMatch(
      new RegExp(`^<script src="${inject('appUrl')}faultline-embed\\.js"></script>\n<faultline-embed scenario="mfa-outage-2019" title="[^"]+"></faultline-embed>$`),
    );
    if (process.env.FAULTLINE_SHOTS) await dialog.screenshot({ path: `${process.env.FAULTLINE_SHOTS}/share-dialog-element.png` });
    const link = await dialog.getByRole('textbox', { name: 'Link to this graph' }).inputValue();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // A link pasted into a tab that is already open (only the hash changes: no reload).
    const other = await openEditor(chromium.browser);
    expect(await nodeIds(other.page)).toEqual(CHECKOUT_IDS);
    await other.page.evaluate((hash) => (window.location.hash = hash), link.slice(link.indexOf('#')));
    await expect.poll(() => nodeIds(other.page)).toEqual(expectedIds);
    expect(pageErrors).toEqual([]);
    expect(other.pageErrors).toEqual([]);
  });

  it('a mangled link names its problem and keeps the autosaved graph, with nothing to undo', async () => {
    const { page } = await openEditor(chromium.browser);
    await page.getByRole('button', { name: 'Add External API' }).click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('faultline.editor.document') ?? '')).toContain('"external"');
    const before = await nodeIds(page);
    await page.goto(`${inject('appUrl')}#s=q1ZKVLIy1FF$KSrJSyji8MicnX6kWAA`);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: "the link's scenario is not valid base64url at character 12" }).waitFor();
    expect(await nodeIds(page)).toEqual(before);
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  });

  it('a link opened over an autosaved graph keeps that graph: the Library offers it back after a reload', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await page.getByRole('button', { name: 'Add External API' }).click();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('faultline.editor.document') ?? '')).toContain('"external"');
    const mine = await nodeIds(page);
    await page.goto(`${inject('appUrl')}?scenario=mm1`);
    await expect.poll(() => nodeIds(page)).toEqual(['users', 'api']);
    await page.getByRole('button', { name: 'Back to my graph' }).waitFor();
    // the link's graph is autosaved over the person's; a reload (or another tab) no longer has Undo
    await expect.poll(() => page.evaluate(() => localStorage.getItem('faultline.editor.document') ?? '')).not.toContain('"external"');
    await page.reload();
    await expect.poll(() => nodeIds(page)).toEqual(['users', 'api']);
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const kept = page.getByRole('region', { name: 'Your graphs before a link' });
    expect(await kept.innerText()).toContain(`${mine.length} nodes`);
    await kept.getByRole('button', { name: 'Open it' }).first().click();
    await expect.poll(() => nodeIds(page)).toEqual(mine);
    expect(pageErrors).toEqual([]);
  });
});
