// A calm first screen (issue 12): one toolbar row at 1280 px, File and View menus by keyboard and
// axe-clean, a minimap that never covers a node at fit view, New clears the last run, an empty canvas invites rather than complains, the inspector
// starts a new selection at its top, keyboard-added nodes land in free space, the scenario's story
// is rendered with a way into its guide, and live injection sits on the selected node.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { builtin, nodeIdsOf } from './library-support.ts';
import { useChromium } from './browser.ts';
import { nodeOnCanvas, openEditor, seriousAxeViolations } from './editor-support.ts';
import { chooseFromMenu, setSpeed } from './toolbar-support.ts';
import { RUN_STATUS_TEXT } from '../../src/ui/run/format-run.ts';

/** Rows of the toolbar's direct children: an item starts a new row when it begins below the
 * bottom of every item of the row before (items of one row differ in height and top by a few px). */
const rowsOfToolbar = (page: Page) =>
  page.locator('.fl-toolbar > *').evaluateAll((items) => {
    const boxes = items.filter((el) => el.getClientRects().length > 0).map((el) => el.getBoundingClientRect()).sort((a, b) => a.top - b.top);
    let rows = 0;
    let rowBottom = -Infinity;
    for (const box of boxes) {
      if (box.top >= rowBottom) {
        rows += 1;
        rowBottom = box.bottom;
      } else rowBottom = Math.max(rowBottom, box.bottom);
    }
    return rows;
  });

describe('the toolbar', () => {
  const chromium = useChromium();

  for (const [width, height] of [[1280, 720], [1440, 900]]) {
    it(`is one row at ${width}×${height}`, async () => {
      const { page, pageErrors } = await openEditor(chromium.browser);
      await page.setViewportSize({ width, height });
      expect(await rowsOfToolbar(page)).toBe(1);
      expect((await page.locator('.fl-toolbar').boundingBox())!.height).toBeLessThan(60);
      // every status the run passes through, the longest word included, keeps the one row (on a
      // slow machine the test met "Loading…", which wrapped it)
      for (const [status, word] of Object.entries(RUN_STATUS_TEXT)) {
        await page.locator('.fl-run-status').evaluate((el, [s, w]) => { el.dataset.status = s; el.textContent = w; }, [status, word]);
        expect(await rowsOfToolbar(page), status).toBe(1);
      }
      expect(pageErrors).toEqual([]);
    });
  }

  it('File and View open, move and close by keyboard, and the open menu is axe-clean', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser, { colorScheme: 'light' });
    const file = page.getByRole('button', { name: 'File', exact: true });
    await file.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'File' });
    await menu.waitFor();
    expect(await file.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Download');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Export PNG');
    await page.keyboard.press('ArrowDown'); // wraps to the first
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('New');
    expect(await seriousAxeViolations(page, '.fl-toolbar')).toEqual([]);
    await page.keyboard.press('Escape');
    expect(await menu.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('File');

    // View: ArrowDown opens on the first item; Dark theme is a checkbox item chosen with Enter
    const view = page.getByRole('button', { name: 'View', exact: true });
    await view.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('menu', { name: 'View' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Fit view');
    await page.keyboard.press('ArrowDown'); // Minimap
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Dark theme');
    expect(await page.getByRole('menuitemcheckbox', { name: 'Dark theme' }).getAttribute('aria-checked')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByRole('menu', { name: 'View' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('New clears the last run: clock, summary and charts start empty, and Undo brings the graph back', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await setSpeed(page, 'Max');
    await play.click();
    await page.locator('.fl-run-status[data-status="finished"]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('summary-goodput').textContent()).not.toBe('–');

    await chooseFromMenu(page, 'File', 'New');
    await expect.poll(() => page.getByRole('timer', { name: 'Simulated time' }).textContent()).toBe('0:00.0 / 0:00.0');
    expect(await page.locator('.fl-run-status').textContent()).toBe('Nothing to run yet');
    await expect.poll(() => page.getByTestId('summary-goodput').textContent()).toBe('–');
    expect(await page.locator('.fl-bottom__charts canvas').count()).toBe(0);
    expect(await page.locator('.react-flow__node').count()).toBe(0);

    // an empty canvas is a start, not an error
    await page.getByText('Drag a component here').waitFor();
    expect(await page.locator('.fl-validation').textContent()).toBe('Empty canvas');
    expect(await page.getByText(/problem/).count()).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await nodeOnCanvas(page, 'api-1').waitFor();
    await expect.poll(() => page.getByRole('timer', { name: 'Simulated time' }).textContent()).toBe('0:00.0 / 3:00.0');
    expect(pageErrors).toEqual([]);
  });

  it('a node added by keyboard lands in free space near the centre, never on another', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await chooseFromMenu(page, 'File', 'New');
    const add = page.getByRole('button', { name: 'Add Service' });
    for (let i = 0; i < 4; i++) {
      await add.focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(4);
    const boxes = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap).toBe(false);
      }
    }
    expect(pageErrors).toEqual([]);
  });

  it('on a 390 px phone the canvas starts in the first screen; the components scroll sideways and each still adds', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await page.setViewportSize({ width: 390, height: 844 });
    const list = page.locator('.fl-palette ul');
    expect(await list.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true); // one row, more beyond the edge
    const canvasTop = (await page.locator('.fl-main').boundingBox())!.y;
    expect(canvasTop).toBeLessThan(300); // four rows of components put it at ~370 px
    const before = await page.locator('.react-flow__node').count();
    const last = page.getByRole('button', { name: 'Add Key set' });
    await last.focus(); // scrolls the row to it, as a keyboard or a swipe would
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(before + 1);
    expect(pageErrors).toEqual([]);
  });

  it('the inspector starts each new selection at its top, and offers live injection for the selected node', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await page.setViewportSize({ width: 1280, height: 720 });
    await nodeOnCanvas(page, 'api-1').click();
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    await inspector.getByRole('heading', { name: /api-1/ }).waitFor();
    await inspector.evaluate((el) => (el.scrollTop = el.scrollHeight));
    expect(await inspector.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
    await nodeOnCanvas(page, 'api-2').click();
    await inspector.getByRole('heading', { name: /api-2/ }).waitFor();
    expect(await inspector.evaluate((el) => el.scrollTop)).toBe(0);

    // Inject now is on the node's own panel, in view at its top, and injects into the run
    const crash = inspector.getByRole('button', { name: 'Crash api-2 now' });
    expect(await crash.isVisible()).toBe(true);
    await expect.poll(() => crash.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await page.locator('.fl-track-injected').count()).toBe(0);
    await crash.click();
    await expect.poll(() => page.locator('.fl-track-injected').count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it('the scenario panel shows the description rendered, with a way into the guide and to edit it', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    const inspector = page.getByRole('complementary', { name: 'Inspector' });
    // checkout's description says **1 minute**: rendered, not shown as asterisks
    await inspector.locator('.fl-scenario-story__text strong', { hasText: '1 minute' }).waitFor();
    expect(await inspector.getByText('**1 minute**').count()).toBe(0);
    expect(await inspector.getByLabel('Description (markdown)').count()).toBe(0);
    await inspector.getByRole('button', { name: 'Edit description' }).click();
    expect(await inspector.getByLabel('Description (markdown)').inputValue()).toContain('**1 minute**');
    await inspector.getByRole('button', { name: 'Start the guided story' }).click();
    await page.getByRole('complementary', { name: 'Guide' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});

const builtinNodeCount = (id: string) => nodeIdsOf(builtin(id)).length;

/** Nodes whose box meets the minimap's or the zoom buttons' box. */
const nodesUnderCanvasControls = (page: Page) =>
  page.evaluate(() => {
    const boxes = (selector: string) => [...document.querySelectorAll(selector)].map((e) => e.getBoundingClientRect());
    const floating = [...boxes('.react-flow__minimap'), ...boxes('.react-flow__controls')];
    const meets = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return [...document.querySelectorAll('.react-flow__node')].filter((n) => floating.some((f) => meets(n.getBoundingClientRect(), f))).map((n) => n.getAttribute('data-id'));
  });

describe('the minimap', () => {
  const chromium = useChromium();

  for (const [id, width, height] of [['mfa-outage-2019', 1440, 900], ['mfa-outage-2019', 1280, 720], ['key-removal-2021', 1440, 900], ['key-removal-2021', 1280, 720]] as const) {
    it(`never covers a node of ${id} at fit view, ${width}×${height} (also after the link's notice opens above the canvas)`, async () => {
      const { page, pageErrors } = await chromium.newPage({ viewport: { width, height } });
      await page.goto(`${inject('appUrl')}?scenario=${id}`);
      await page.getByRole('button', { name: 'Back to my graph' }).waitFor(); // the notice: the canvas got shorter
      await expect.poll(() => page.locator('.react-flow__node').count()).toBe(builtinNodeCount(id));
      expect(await page.locator('.react-flow__minimap').count()).toBe(1);
      // the fit settles within a few frames (a refit after the resize and after cards grow)
      await expect.poll(() => nodesUnderCanvasControls(page), { timeout: 5_000 }).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }

  it('is hidden from the View menu, stays hidden after a reload, and never shows in presenter mode', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    expect(await page.locator('.react-flow__minimap').count()).toBe(1);
    await chooseFromMenu(page, 'View', 'Minimap');
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await chooseFromMenu(page, 'View', 'Minimap');
    expect(await page.locator('.react-flow__minimap').count()).toBe(1);
    await chooseFromMenu(page, 'View', 'Present');
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
