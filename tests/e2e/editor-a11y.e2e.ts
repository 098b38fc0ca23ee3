// Accessibility: no critical or serious axe-core violations (light, dark, with the inspector
// open and while running; presenter mode; the library); the palette and the canvas work from the
// keyboard.
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { nodeOnCanvas, openEditor, seriousAxeViolations } from './editor-support.ts';
import { chooseFromMenu } from './toolbar-support.ts';

describe('accessibility of the editor', () => {
  const chromium = useChromium();

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has no critical or serious axe-core violations in the ${colorScheme} theme, idle, inspecting and running`, async () => {
      const { page, pageErrors } = await openEditor(chromium.browser, { colorScheme });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await nodeOnCanvas(page, 'api-1').click();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(2500);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  }

  it('has no critical or serious violations in presenter mode with the guide, nor in the library', async () => {
    const { page, pageErrors } = await chromium.open('?present');
    await page.getByRole('button', { name: 'Leave presenter mode' }).waitFor();
    await page.locator('.fl-guide').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Leave presenter mode' }).click();
    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await page.locator('dialog[open] .fl-library-card').first().waitFor();
    expect(await seriousAxeViolations(page, 'dialog[open]')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('adds from the palette with Enter, selects a node with the keyboard and moves it with the arrow keys', async () => {
    const { page } = await openEditor(chromium.browser);
    await page.getByRole('button', { name: 'Add Service' }).focus();
    await page.keyboard.press('Enter');
    const added = nodeOnCanvas(page, 'service');
    await added.waitFor();
    expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('service');

    const x = async () => Number(/translate\(([-\d.]+)px/.exec((await added.evaluate((n) => (n as HTMLElement).style.transform)) ?? '')?.[1]);
    const before = await x();
    await nodeOnCanvas(page, 'db').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Id', { exact: true }).inputValue()).toBe('db');
    await added.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('Id', { exact: true }).inputValue()).toBe('service');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(x).toBe(before + 15);
    await page.keyboard.press('Control+z');
    await expect.poll(x).toBe(before + 10);
  });

  it('the theme toggle switches to dark and is remembered', async () => {
    const { page } = await openEditor(chromium.browser, { colorScheme: 'light' });
    await chooseFromMenu(page, 'View', 'Dark theme');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('button', { name: 'View', exact: true }).click();
    expect(await page.getByRole('menuitemcheckbox', { name: 'Dark theme' }).getAttribute('aria-checked')).toBe('true');
  });
});
