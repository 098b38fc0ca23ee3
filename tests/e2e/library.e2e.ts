// The scenario library: every built-in opens from it onto the canvas without an error; on a
// 360 px touch screen it fits (no sideways scroll) and opens by tap; canvas pictures export as
// SVG and PNG with a hostile label kept as text.
import { describe, expect, inject, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { AUTOSAVE_KEY } from '../../src/store/graph/autosave.ts';
import { readDownload, useChromium } from './browser.ts';
import { builtin, expectNodesOnCanvas, libraryDialog, openFromLibrary, openLibrary } from './library-support.ts';
import { chooseFromMenu } from './toolbar-support.ts';

const chromium = useChromium();

describe('the scenario library', () => {
  it('opens every built-in scenario onto the canvas, with no page error', async () => {
    const { page, pageErrors } = await chromium.open('?library');
    await openLibrary(page);
    expect(await libraryDialog(page).locator('.fl-library-card').count()).toBe(builtinScenarios.length);
    expect(await libraryDialog(page).locator('img.fl-library-card__preview').count()).toBe(builtinScenarios.length);
    for (const b of builtinScenarios) await openFromLibrary(page, b);
    expect(await page.locator('.react-flow__node[data-id="aad"]').count(), 'the last one opened is not the first').toBe(0);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('filters cards by tag', async () => {
    const { page } = await chromium.open('?library');
    await openLibrary(page);
    await libraryDialog(page).getByRole('button', { name: 'incident', exact: true }).click();
    const expected = builtinScenarios.filter((b) => b.tags.includes('incident')).map((b) => b.id);
    const shown = await libraryDialog(page).locator('.fl-library-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-scenario')));
    expect(shown).toEqual(expected);
    expect(shown.length).toBeLessThan(builtinScenarios.length);
  });

  it('fits a 360 px touch screen in one column and opens a scenario by tap', async () => {
    const { page, pageErrors } = await chromium.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(inject('appUrl') + '?library');
    await openLibrary(page);
    const layout = await page.evaluate(() => {
      const cards = [...document.querySelectorAll('.fl-library-card')].map((c) => c.getBoundingClientRect());
      const dialog = document.querySelector('.fl-library-dialog')!;
      return {
        pageScrollWidth: document.scrollingElement!.scrollWidth,
        dialogOverflow: dialog.scrollWidth - dialog.clientWidth,
        lefts: new Set(cards.map((r) => Math.round(r.left))).size,
        widest: Math.max(...cards.map((r) => r.right)),
      };
    });
    expect(layout.pageScrollWidth).toBeLessThanOrEqual(360);
    expect(layout.dialogOverflow).toBeLessThanOrEqual(0);
    expect(layout.lefts, 'one column').toBe(1);
    expect(layout.widest).toBeLessThanOrEqual(360);
    const openButton = libraryDialog(page).getByRole('button', { name: `Open ${builtin('mfa-outage-2019').title}`, exact: true });
    await openButton.scrollIntoViewIfNeeded();
    expect((await openButton.boundingBox())!.height, 'a large tap target').toBeGreaterThanOrEqual(44);
    await openFromLibrary(page, builtin('mfa-outage-2019'), 'tap');
    expect(pageErrors).toEqual([]);
  });
});

const HOSTILE_LABEL = '<img src=x onerror="window.__pwned=1">';

describe('canvas pictures', () => {
  it('export SVG and PNG; a hostile label stays text on the canvas and in the SVG', async () => {
    const { page, pageErrors } = await chromium.open();
    const document = {
      format: 'faultline.scenario/v1', name: 'Hostile', duration: '1m',
      nodes: [{ id: 'users', kind: 'client', rate: 5, target: 'api', position: { x: 0, y: 0 } }, { id: 'api', kind: 'service', label: HOSTILE_LABEL, position: { x: 300, y: 0 } }],
      links: [{ id: 'users-api', from: 'users', to: 'api' }],
      faults: [],
    };
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [AUTOSAVE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), document })] as const);
    await page.reload();
    await expectNodesOnCanvas(page, ['users', 'api']);
    const card = page.locator('.react-flow__node[data-id="api"]');
    expect(await card.innerText()).toContain(HOSTILE_LABEL);
    expect(await card.locator('img').count()).toBe(0);

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), chooseFromMenu(page, 'File', 'Export SVG')]);
    expect(svgDownload.suggestedFilename()).toBe('hostile.svg');
    const svg = (await readDownload(svgDownload)).toString('utf8');
    expect(svg).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(svg).not.toContain('<img');
    expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('parsererror').length, svg)).toBe(0);
    expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelectorAll('g.fl-picture-node').length, svg)).toBe(2);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), chooseFromMenu(page, 'File', 'Export PNG')]);
    expect(pngDownload.suggestedFilename()).toBe('hostile.png');
    const png = await readDownload(pngDownload);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const widthPx = png.readUInt32BE(16);
    expect(widthPx, 'twice the drawing width (2 cards + gap + margins)').toBeGreaterThan(2 * 400);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
