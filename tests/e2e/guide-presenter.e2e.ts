// Presenter mode (a room watching the canvas) and the guide's markdown rendered inert. Apart from
// guide.e2e.ts, whose step pauses are timed and run alone: these run beside other files.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY } from '../../src/store/graph/autosave.ts';
import { useChromium } from './browser.ts';
import { builtin, expectNodesOnCanvas, openFromLibrary } from './library-support.ts';
import { chooseFromMenu } from './toolbar-support.ts';

const chromium = useChromium();
const guide = (page: Page) => page.getByRole('complementary', { name: 'Guide' });
const stepTitle = (page: Page) => page.locator('#fl-guide-step-title');

describe('presenter mode', () => {
  it('presenter mode hides the palette and the inspector, shows the guide; Escape leaves it', async () => {
    const { page, pageErrors } = await chromium.open('?library');
    await openFromLibrary(page, builtin('mfa-outage-2019'));
    await guide(page).getByRole('button', { name: 'Close guide' }).click();
    const palette = page.getByRole('navigation', { name: 'Components' });
    await palette.waitFor();
    const fontBefore = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await chooseFromMenu(page, 'View', 'Present');
    await palette.waitFor({ state: 'hidden' });
    await guide(page).waitFor(); // presenting a guided scenario shows its guide
    expect(await page.locator('.fl-inspector').isVisible()).toBe(false);
    expect(await page.getByRole('group', { name: 'Run controls' }).isVisible()).toBe(true);
    // the room watches the canvas: the charts make way for it (docs/legibility.md)
    expect(await page.locator('.fl-bottom__charts').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'File', exact: true }).isVisible()).toBe(false);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBeGreaterThan(fontBefore);
    await page.keyboard.press('Escape');
    await page.locator('.fl-inspector').waitFor();
    expect(await page.getByRole('button', { name: 'Leave presenter mode' }).count()).toBe(0);
    expect(await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize))).toBe(fontBefore);
    expect(pageErrors).toEqual([]);
  });

  it('a link opened in presenter mode: the "Opened … from the link" notice waits until presenting ends', async () => {
    const { page } = await chromium.open('?present&scenario=mfa-outage-2019');
    await page.getByRole('button', { name: 'Leave presenter mode' }).waitFor();
    const opened = page.getByRole('status', { includeHidden: true }).filter({ hasText: 'from the link' });
    await expect.poll(() => opened.count()).toBe(1);
    expect(await opened.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Leave presenter mode' }).click();
    await expect.poll(() => opened.isVisible()).toBe(true);
  });

  it('?present opens in presenter mode with the guide; the visible button leaves it', async () => {
    const { page } = await chromium.open('?present');
    await page.getByRole('button', { name: 'Leave presenter mode' }).waitFor();
    await guide(page).waitFor(); // the default scenario (checkout) has a guide
    expect(await page.locator('.fl-inspector').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Leave presenter mode' }).click();
    await page.locator('.fl-inspector').waitFor();
  });
});

describe('hostile markdown', () => {
  it('renders <script>, onerror= and javascript: in a description and a guide text inert; safe links open in a new tab', async () => {
    const { page, pageErrors } = await chromium.open();
    const attack = [
      'Plain **bold** text.',
      '<script>window.__pwned = 1</script>',
      '<img src=x onerror="window.__pwned = 2">',
      '[run me](javascript:window.__pwned=3) and [docs](https://example.com/docs)',
      '<a href="javascript:window.__pwned=4" onclick="window.__pwned=5">raw link</a>',
    ].join('\n\n');
    const document = {
      format: 'faultline.scenario/v1', name: 'Hostile guide', duration: '1m', description: attack,
      nodes: [{ id: 'users', kind: 'client', rate: 5, target: 'api' }, { id: 'api', kind: 'service', label: '<img src=x onerror="window.__pwned=6">' }],
      links: [{ id: 'users-api', from: 'users', to: 'api' }],
      faults: [],
      guide: [{ at: 0, title: '<b>Start</b>', text: attack }],
    };
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [AUTOSAVE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), document })] as const);
    await page.reload();
    await expectNodesOnCanvas(page, ['users', 'api']);
    await chooseFromMenu(page, 'View', 'Guide');
    await guide(page).waitFor();
    await guide(page).getByText('About this scenario').click();
    expect(await stepTitle(page).textContent(), 'a title is text, not markup').toBe('<b>Start</b>');

    const rendered = guide(page).locator('.fl-markdown');
    expect(await rendered.count()).toBe(2); // the description and the step's text
    for (const block of await rendered.all()) {
      expect(await block.locator('strong').textContent()).toBe('bold');
      expect(await block.locator('script, img, [onerror], [onclick]').count()).toBe(0);
      const text = await block.textContent();
      expect(text, 'raw HTML shows as text').toContain('<script>window.__pwned = 1</script>');
      expect(text).toContain('<img src=x onerror="window.__pwned = 2">');
      expect(await block.locator('a[href^="javascript" i]').count()).toBe(0);
      const safe = block.getByRole('link', { name: 'docs' });
      expect(await safe.getAttribute('href')).toBe('https://example.com/docs');
      expect(await safe.getAttribute('target')).toBe('_blank');
      expect(await safe.getAttribute('rel')).toBe('noopener noreferrer');
      await block.getByText('run me').click();
      await block.getByText('raw link').click();
    }
    expect(await page.locator('.react-flow__node[data-id="api"]').innerText()).toContain('<img src=x onerror="window.__pwned=6">');
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
