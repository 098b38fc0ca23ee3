// Every panel's error boundary (issue 17, finding 3): a panel that throws shows its message in its
// place, the rest of the app works, Try again brings the panel back — in the editor, the guide, a
// dialog and the embed. Apart from hostile-panels.e2e.ts, whose checks bound the page's answer
// time and run alone: these run beside other files.
// FAULTLINE_SHOTS=<dir> saves screenshots of a panel's error state.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { shootDesktopAndPhone } from './shots-support.ts';
import { chooseFromMenu } from './toolbar-support.ts';

const chromium = useChromium();
const guide = (page: Page) => page.getByRole('complementary', { name: 'Guide' });

const breakPanel = (page: Page, id: string) => page.evaluate((name) => (window as unknown as { __faultlineBreakPanel(n: string): void }).__faultlineBreakPanel(name), id);
const panelError = (page: Page, id: string) => page.locator(`[role="alert"][data-panel="${id}"]`);

describe('an error boundary around every panel', () => {
  // what shows when each panel is there (and healthy)
  const editorPanels: [id: string, name: string, healthy: string][] = [
    ['toolbar', 'The toolbar', '.fl-toolbar'],
    ['notices', 'The notices', '.fl-notices'],
    ['palette', 'The palette', '.fl-palette'],
    ['canvas', 'The canvas', '.react-flow__node[data-id="lb"]'],
    ['inspector', 'The inspector', '.fl-inspector'],
    ['summary', 'The summary', '.fl-summary'],
    ['charts', 'The charts', '.fl-charts'],
    ['timeline', 'The fault timeline', '.fl-timeline'],
  ];

  it('a panel that throws shows its message in its place; the other panels work; Try again brings it back', async () => {
    const { page } = await chromium.open(); // the built-in checkout
    await page.locator('.react-flow__node[data-id="lb"]').waitFor();
    for (const [id, name, healthy] of editorPanels) {
      await breakPanel(page, id);
      const alert = panelError(page, id);
      await alert.waitFor();
      expect(await alert.locator('.fl-panel-error__title').innerText()).toBe(`${name} stopped working.`);
      expect(await alert.locator('.fl-panel-error__message').innerText()).toBe(`${id} was broken on purpose (__faultlineBreakPanel)`);
      expect(await page.locator(healthy).count(), `${id} is replaced by its message`).toBe(0);
      // every other panel is still there
      for (const [otherId, , otherHealthy] of editorPanels) {
        if (otherId !== id) expect(await page.locator(otherHealthy).count(), `${otherId} while ${id} is broken`).toBeGreaterThan(0);
      }
      if (id === 'inspector') await shootDesktopAndPhone(page, 'panel-error-inspector');
      await alert.getByRole('button', { name: 'Try again' }).click();
      await page.locator(healthy).first().waitFor({ state: 'attached' }); // the notices bar is empty, so hidden
      expect(await panelError(page, id).count()).toBe(0);
    }
    // and the editor still edits
    await page.locator('.react-flow__node[data-id="lb"]').click();
    await page.getByLabel('Label', { exact: true }).fill('after the boundaries');
    await page.getByLabel('Label', { exact: true }).press('Enter');
    await expect.poll(() => page.locator('.react-flow__node[data-id="lb"] .fl-node__label').innerText()).toBe('after the boundaries');
  });

  it('the guide and a dialog: the message shows inside them, with a way out', async () => {
    const { page } = await chromium.open();
    await chooseFromMenu(page, 'View', 'Guide');
    await guide(page).waitFor();
    await breakPanel(page, 'guide');
    await panelError(page, 'guide').waitFor();
    expect(await guide(page).count()).toBe(0);
    await shootDesktopAndPhone(page, 'panel-error-guide');
    await panelError(page, 'guide').getByRole('button', { name: 'Close guide' }).click();
    expect(await panelError(page, 'guide').count()).toBe(0);
    await chooseFromMenu(page, 'View', 'Guide');
    await guide(page).waitFor();

    await page.getByRole('button', { name: 'Library', exact: true }).click();
    const library = page.getByRole('dialog', { name: 'Scenario library' });
    await library.locator('.fl-library-card').first().waitFor();
    await breakPanel(page, 'library');
    const alert = library.locator('[role="alert"][data-panel="library"]');
    await alert.waitFor();
    expect(await alert.locator('.fl-panel-error__title').innerText()).toBe('The Library dialog stopped working.');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await library.locator('.fl-library-card').first().waitFor();
  });

  it('the embed: a broken view says so, status and controls stay, Try again restores the graph', async () => {
    const { page } = await chromium.open('?embed&autoplay=off&controls=full');
    await page.locator('.react-flow__node').first().waitFor();
    await breakPanel(page, 'embed-canvas');
    await panelError(page, 'embed-canvas').waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Play' }).count()).toBeGreaterThan(0);
    await panelError(page, 'embed-canvas').getByRole('button', { name: 'Try again' }).click();
    await page.locator('.react-flow__node').first().waitFor();
  });
});
