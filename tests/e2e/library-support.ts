// Helpers for the library and guide tests: open the library, open a built-in from it, wait for its graph.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { builtinScenarios, type BuiltinScenario } from '../../src/scenarios/index.ts';

export function builtin(id: string): BuiltinScenario {
  const found = builtinScenarios.find((b) => b.id === id);
  if (!found) throw new Error(`no built-in ${id}`);
  return found;
}

export const nodeIdsOf = (b: BuiltinScenario): string[] => (b.scenario as { nodes: { id: string }[] }).nodes.map((n) => n.id);

export const libraryDialog = (page: Page) => page.getByRole('dialog', { name: 'Scenario library' });

/** Opens the library unless it is open. `?library` opens it by itself once the editor (loaded after
 * the page) has started, so it may open between the check and the click: then the dialog covers
 * the button, the click gives way, and the next round sees the dialog. */
export async function openLibrary(page: Page): Promise<void> {
  const dialog = libraryDialog(page);
  const button = page.getByRole('button', { name: 'Library', exact: true });
  await expect
    .poll(async () => {
      if (await dialog.isVisible()) return true;
      await button.click({ timeout: 2_000 }).catch(() => {});
      return dialog.isVisible();
    }, { timeout: 30_000 })
    .toBe(true);
  await dialog.locator('.fl-library-card').first().waitFor();
}

/** Opens a built-in from the library (by click, or by tap on a touch screen) and waits for every node on the canvas. */
export async function openFromLibrary(page: Page, b: BuiltinScenario, how: 'click' | 'tap' = 'click'): Promise<void> {
  await openLibrary(page);
  const open = libraryDialog(page).getByRole('button', { name: `Open ${b.title}`, exact: true });
  await open.scrollIntoViewIfNeeded();
  if (how === 'tap') await open.tap();
  else await open.click();
  await libraryDialog(page).waitFor({ state: 'hidden' });
  await expectNodesOnCanvas(page, nodeIdsOf(b));
}

export async function expectNodesOnCanvas(page: Page, ids: readonly string[]): Promise<void> {
  const shownIds = () => page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')).sort());
  await page
    .waitForFunction(
      (wanted) => {
        const shown = new Set([...document.querySelectorAll('.react-flow__node')].map((n) => n.getAttribute('data-id')));
        return shown.size === wanted.length && wanted.every((id) => shown.has(id));
      },
      ids,
      { timeout: 15_000 },
    )
    .catch(() => undefined); // the assertion below says what is missing
  expect(await shownIds()).toEqual([...ids].sort());
}

/** The simulated clock in ms, read from the run controls ("1:02:03" or "12:03.4"). */
export async function clockMs(page: Page): Promise<number> {
  const text = (await page.locator('[aria-label="Simulated time"]').evaluate((el) => el.firstChild?.textContent ?? '')).trim();
  const parts = text.split(':').map(Number);
  const seconds = parts.length === 3 ? parts[0] * 3600 + parts[1] * 60 + parts[2] : parts[0] * 60 + parts[1];
  return Math.round(seconds * 1000);
}
