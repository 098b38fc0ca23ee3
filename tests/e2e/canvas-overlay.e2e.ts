// A big graph's live state is drawn on one canvas overlay, and its node DOM is left alone while it
// runs; a small graph keeps its DOM readouts (src/ui/canvas/overlay/).
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { layeredGraph } from '../../src/scenarios/generated.ts';
import { useChromium } from './browser.ts';
import { chooseFromMenu } from './toolbar-support.ts';

/** Opens the editor with `document` restored from the autosave slot, as a person's graph would be. */
async function openWithGraph(chromium: ReturnType<typeof useChromium>, document: Record<string, unknown> | null): Promise<{ page: Page; pageErrors: string[] }> {
  const app = await chromium.newPage({ viewport: { width: 1400, height: 900 } }, { console: true });
  if (document) await app.page.context().addInitScript((text) => localStorage.setItem('faultline.editor.document', text), JSON.stringify({ savedAt: new Date().toISOString(), document }));
  await app.page.goto(inject('appUrl'));
  await app.page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
  return app;
}

async function play(page: Page): Promise<void> {
  const button = page.getByRole('button', { name: 'Play', exact: true });
  await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
  await button.click();
}

/**
 * Pixels the overlay adds to the canvas: a screenshot with it against one with it hidden. (Its
 * bitmap cannot be read back: the element hands its drawing to an OffscreenCanvas.)
 */
async function overlayPixels(page: Page): Promise<number> {
  const area = page.locator('.react-flow');
  const overlay = page.locator('.fl-live-overlay');
  const shown = (await area.screenshot()).toString('base64');
  await overlay.evaluate((canvas: HTMLElement) => (canvas.style.visibility = 'hidden'));
  const hidden = (await area.screenshot()).toString('base64');
  await overlay.evaluate((canvas: HTMLElement) => (canvas.style.visibility = ''));
  return page.evaluate(async ([a, b]) => {
    const pixels = async (base64: string) => {
      const image = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
      const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
      context.drawImage(image, 0, 0);
      return context.getImageData(0, 0, image.width, image.height).data;
    };
    const [withOverlay, without] = await Promise.all([pixels(a), pixels(b)]);
    let differing = 0;
    for (let i = 0; i < withOverlay.length; i += 4) if (withOverlay[i] !== without[i] || withOverlay[i + 1] !== without[i + 1] || withOverlay[i + 2] !== without[i + 2]) differing++;
    return differing;
  }, [shown, hidden] as const);
}

describe('canvas overlay', () => {
  const chromium = useChromium();

  it('a 250-node graph running at 1× is drawn on the overlay and its readouts are not written', async () => {
    const { page, pageErrors } = await openWithGraph(chromium, layeredGraph(250));
    await chooseFromMenu(page, 'View', 'Fit view');
    await play(page);
    await expect.poll(() => overlayPixels(page), { timeout: 30_000 }).toBeGreaterThan(1000);

    const clock = page.getByRole('timer', { name: 'Simulated time' });
    const clockBefore = await clock.textContent();
    // Count writes into live readouts (elements marked data-live, or inside one) for a while.
    await page.evaluate(() => {
      const seen = { writes: 0 };
      (window as unknown as { readoutWrites: typeof seen }).readoutWrites = seen;
      new MutationObserver((records) => {
        for (const r of records) {
          const element = r.target instanceof Element ? r.target : r.target.parentElement;
          if (element?.closest('[data-live]')) seen.writes++;
        }
      }).observe(document.querySelector('.react-flow__viewport')!, { subtree: true, attributes: true, characterData: true, childList: true });
    });
    await expect.poll(() => clock.textContent(), { timeout: 30_000 }).not.toBe(clockBefore);
    await page.waitForTimeout(1500); // past at least one more sample
    expect(await page.evaluate(() => (window as unknown as { readoutWrites: { writes: number } }).readoutWrites.writes)).toBe(0);
    expect(await page.locator('.fl-node[data-health]:not([data-health="idle"])').count()).toBe(0);

    // A theme change restarts the overlay with the new colours: it goes on drawing.
    await chooseFromMenu(page, 'View', 'Dark theme');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await expect.poll(() => overlayPixels(page), { timeout: 30_000 }).toBeGreaterThan(1000);
    expect(pageErrors).toEqual([]);
  });

  it('while a big graph runs, nothing on the page is moved, re-inserted or restyled — the playheads are drawn on canvases at the clock', async () => {
    // In Chromium each moved or re-inserted element re-layerizes the whole page (20–60 ms with
    // 1,000 nodes: docs/performance.md); text and canvases do not.
    const { page, pageErrors } = await openWithGraph(chromium, layeredGraph(250));
    await chooseFromMenu(page, 'View', 'Fit view');
    await play(page);
    await expect.poll(() => page.locator('.fl-chart').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000); // past the charts' first data
    const changes = await page.evaluate(async () => {
      const counts = { childList: 0, style: 0, text: 0, where: [] as string[] };
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'characterData') counts.text++;
          else if (r.type === 'childList' || r.attributeName === 'style') {
            if (r.type === 'childList') counts.childList++;
            else counts.style++;
            const element = r.target instanceof Element ? r.target : r.target.parentElement;
            counts.where.push(`${r.type} ${r.attributeName ?? ''} ${element?.className ?? ''}`);
          }
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      await new Promise((done) => setTimeout(done, 2500));
      observer.disconnect();
      return counts;
    });
    expect(changes.where).toEqual([]);
    expect(changes.text).toBeGreaterThan(5); // the clock and the readouts did change meanwhile

    // Where each playhead's line is drawn: the column of its canvas with paint in it, as a share of the width.
    const lineAt = (selector: string) =>
      page.locator(selector).first().evaluate((canvas: HTMLCanvasElement) => {
        const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        const row = Math.floor(height / 2);
        for (let x = 0; x < width; x++) if (data[(row * width + x) * 4 + 3] > 0) return (x + 1) / width; // the line's centre is 1 px to its right (2 px wide)
        return NaN;
      });
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: 'Run progress' });
    await expect.poll(async () => page.locator('.fl-track-playhead').evaluate((e) => e.tagName)).toBe('CANVAS');
    const share = await progress.evaluate((p: HTMLProgressElement) => p.value / p.max);
    const trackWidthPx = await page.locator('.fl-track-playhead').evaluate((c: HTMLCanvasElement) => c.width);
    await expect.poll(() => lineAt('.fl-track-playhead')).toBeCloseTo(share, 1);
    expect(Math.abs((await lineAt('.fl-track-playhead')) - share) * trackWidthPx).toBeLessThan(3); // within 3 device px (the bar's step included)
    expect(await lineAt('.fl-chart-playhead')).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('the 5-node checkout keeps its DOM readouts and has no overlay', async () => {
    const { page, pageErrors } = await openWithGraph(chromium, null);
    await play(page);
    await expect.poll(() => page.locator('.fl-node[data-health="ok"], .fl-node[data-health="strained"], .fl-node[data-health="failing"]').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator('.fl-live-overlay').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
