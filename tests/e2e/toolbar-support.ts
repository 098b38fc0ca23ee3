// The toolbar as a person uses it: menus (File, View) and the speed select.
import type { Page } from 'playwright-core';
import { builtin, openFromLibrary } from './library-support.ts';

/** Opens a toolbar menu ("File", "View") and chooses an item by its visible name. */
export async function chooseFromMenu(page: Page, menu: 'File' | 'View', item: string): Promise<void> {
  await page.getByRole('button', { name: menu, exact: true }).click();
  const list = page.getByRole('menu', { name: menu });
  await list.getByRole('menuitem', { name: item, exact: true }).or(list.getByRole('menuitemcheckbox', { name: item, exact: true })).click();
}

/** The run's speed, by its label as shown: "1×", "10×", "100×", "Max". */
export async function setSpeed(page: Page, label: string): Promise<void> {
  await page.getByLabel('Speed', { exact: true }).selectOption({ label });
}

/**
 * Opens a built-in from the Library (the toolbar's way now that the picker is gone) and closes
 * the guide the Library opens with it, so the layout is the plain editor's.
 */
export async function openBuiltin(page: Page, id: string): Promise<void> {
  const b = builtin(id);
  await openFromLibrary(page, b);
  const guide = (b.scenario as { guide?: unknown[] }).guide;
  if (!Array.isArray(guide) || guide.length === 0) return;
  // the guide panel loads lazily: wait for it, or its pause-at would stop the run at its first step
  const close = page.getByRole('button', { name: 'Close guide' });
  await close.click();
  await close.waitFor({ state: 'detached' });
}
