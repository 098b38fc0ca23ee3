// A link taken down live (the timeline's "inject now") turns to its down state on the canvas,
// and back when it comes up — without touching the scenario's own faults.
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { linkOnCanvas, openEditor } from './editor-support.ts';

describe('live faults on the canvas', () => {
  const chromium = useChromium();

  it('a link injected down shows dashed, says DOWN, and stops flowing; up restores it', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    const link = linkOnCanvas(page, 'lb-api-1');
    const state = link.locator('.fl-link');
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await play.click();
    await expect.poll(() => state.getAttribute('data-health'), { timeout: 15_000 }).toBe('ok');
    await expect.poll(() => link.locator('[data-live="flow"]').getAttribute('data-flowing'), { timeout: 15_000 }).toBe('true');

    await link.click();
    await page.getByRole('button', { name: 'Down lb-api-1 now' }).click();
    await expect.poll(() => state.getAttribute('data-health'), { timeout: 10_000 }).toBe('down');
    expect(await link.locator('[data-live="condition"]').textContent()).toBe('DOWN');
    expect(await link.locator('.fl-link__base').evaluate((p) => getComputedStyle(p).strokeDasharray)).not.toBe('none');
    await expect.poll(() => link.locator('[data-live="flow"]').getAttribute('data-flowing'), { timeout: 10_000 }).toBe(null);

    await page.getByRole('button', { name: 'Up lb-api-1 now' }).click();
    await expect.poll(() => state.getAttribute('data-health'), { timeout: 10_000 }).toBe('ok');
    expect(pageErrors).toEqual([]);
  });
});
