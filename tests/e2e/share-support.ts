// Helpers for the share and file tests: read what a download button saves, open a file.
import type { Page } from 'playwright-core';
import { readDownload } from './browser.ts';
import { chooseFromMenu } from './toolbar-support.ts';

/** Chooses a download in the File menu ("Download", "Download CSV") and returns the saved file's name and text. */
export async function downloadFrom(page: Page, item: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), chooseFromMenu(page, 'File', item)]);
  return { name: download.suggestedFilename(), text: (await readDownload(download)).toString('utf8') };
}

/** The current document, as "Download" saves it. */
export async function downloadedDocument(page: Page): Promise<unknown> {
  return JSON.parse((await downloadFrom(page, 'Download')).text) as unknown;
}

/** Drops a file on the page the way a file manager does (a drop event carrying a File). */
export async function dropFile(page: Page, fileName: string, text: string): Promise<void> {
  await page.evaluate(
    ([name, body]) => {
      const data = new DataTransfer();
      data.items.add(new File([body], name, { type: 'application/json' }));
      const target = document.querySelector('.react-flow__pane') ?? document.body;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [fileName, text] as const,
  );
}

/** Opens the toolbar's Share dialog and waits for its link; returns the dialog. */
export async function openShareDialog(page: Page) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this scenario' });
  await dialog.getByRole('textbox', { name: 'Link to this graph' }).waitFor();
  return dialog;
}
