// The built app as a static site: served from a deep sub-path by a plain file server, it opens,
// runs a scenario and loads its lazy chunks without a 404, a page error or a request to any
// other origin (it works offline); and each mode's first JavaScript stays within its size budget.
// It serves the e2e global setup's production build (as `npm run build` makes it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, formatReport, INITIAL_JS_BUDGET_BYTES, overBudget } from '../../scripts/build-report.ts';
import { useChromium } from './browser.ts';
import { E2E_BUILD_DIR, serveStatic, type StaticSite } from './static-server.ts';
import { setSpeed } from './toolbar-support.ts';

const BASE_PATH = '/some/deep/path/';

interface RunStoreHandle {
  __faultline: { useRunStore: { getState(): { simulatedMs: number; status: string } } };
}

describe('the static site', () => {
  const chromium = useChromium();
  let site: StaticSite;
  beforeAll(async () => {
    site = await serveStatic(E2E_BUILD_DIR, BASE_PATH);
  });
  afterAll(async () => {
    await site.close();
  });

  it("keeps each mode's first JavaScript within budget (embed 120 KB, its live stage 250 KB, editor 300 KB gzipped), with charts and rare panels in lazy chunks", () => {
    const report = buildReport(site.dir);
    console.log(formatReport(report));
    expect(overBudget(report)).toEqual([]);
    const embed = report.modes.find((m) => m.mode === 'embed')!;
    const editor = report.modes.find((m) => m.mode === 'editor')!;
    expect(embed.gzipBytes).toBeLessThanOrEqual(120 * 1024);
    expect(editor.gzipBytes).toBeLessThanOrEqual(INITIAL_JS_BUDGET_BYTES);
    // the embed's first load is its own: not the editor's start, not the live stage
    expect(embed.files.join(' ')).not.toMatch(/start-editor|start-live-embed/);
    expect(editor.files.join(' ')).not.toMatch(/start-embed/);
    // the embed's live stage (before its first live frame) has its own budget: 250 KB, no zod (the build checks modules)
    const live = report.modes.find((m) => m.mode === 'embed-live')!;
    expect(live.files.join(' ')).toMatch(/start-live-embed/);
    expect(live.gzipBytes).toBeGreaterThan(embed.gzipBytes);
    expect(live.gzipBytes).toBeLessThanOrEqual(250 * 1024);
    expect(report.initial.map((c) => c.file)).toContainEqual(expect.stringMatching(/^assets\/index-.*\.js$/));
    const lazy = report.lazy.map((c) => c.file).join(' ');
    expect(lazy).toMatch(/uPlot/);
    expect(lazy).toMatch(/ExperimentsPanel/);
    expect(report.workers.map((c) => c.file)).toContainEqual(expect.stringMatching(/^assets\/simulation\.worker-.*\.js$/));
    expect(report.initial.map((c) => c.file).join(' ')).not.toMatch(/uPlot|ExperimentsPanel|\.worker-/);
  });

  it('opens from a deep sub-path, runs a scenario and opens a lazy panel, all from its own origin', async () => {
    const { page, pageErrors } = await chromium.newPage({}, { console: true });
    const requested: string[] = [];
    page.context().on('request', (request) => requested.push(request.url()));
    await page.goto(site.url);
    await page.getByRole('heading', { name: 'Faultline' }).waitFor();
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await setSpeed(page, '100×');
    await play.click();
    const simulatedMs = () => page.evaluate(() => (window as unknown as RunStoreHandle).__faultline.useRunStore.getState().simulatedMs);
    await expect.poll(simulatedMs, { timeout: 20_000 }).toBeGreaterThan(5_000);

    await page.getByRole('button', { name: 'Experiments' }).click();
    await page.getByRole('dialog', { name: 'Experiments' }).getByRole('heading', { name: 'Experiments' }).waitFor();

    const served = site.requests.map((r) => r.path);
    expect(served).toContainEqual(expect.stringMatching(/^\/some\/deep\/path\/assets\/simulation\.worker-.*\.js$/));
    expect(served).toContainEqual(expect.stringMatching(/^\/some\/deep\/path\/assets\/ExperimentsPanel-.*\.js$/));
    expect(served).toContainEqual(expect.stringMatching(/^\/some\/deep\/path\/assets\/uPlot\.esm-.*\.js$/));
    expect(served).toContainEqual(expect.stringMatching(/^\/some\/deep\/path\/assets\/index-.*\.css$/));
    expect(site.requests.filter((r) => r.status !== 200)).toEqual([]);
    const foreign = requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== site.origin);
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('opens the embed mode from the sub-path too (its lazy chunk)', async () => {
    const { page, pageErrors } = await chromium.newPage();
    const before = site.requests.length;
    await page.goto(`${site.url}?embed&scenario=s1-mm1`);
    await expect.poll(() => site.requests.slice(before).some((r) => /assets\/start-embed-.*\.js$/.test(r.path)), { timeout: 15_000 }).toBe(true);
    expect(site.requests.slice(before).filter((r) => r.status !== 200)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('serves the example host page from the sub-path, and its frame loads the embed from there', async () => {
    const { page, pageErrors } = await chromium.newPage();
    const before = site.requests.length;
    await page.goto(`${site.url}examples/embed.html`);
    const frame = page.frameLocator('#faultline');
    await expect.poll(() => frame.locator('#root *').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // the browser's own /favicon.ico probe (the example page names no icon) is outside the site
    const served = site.requests.slice(before).filter((r) => r.path !== '/favicon.ico');
    expect(served.map((r) => r.path)).toEqual(expect.arrayContaining([`${BASE_PATH}examples/embed.html`, `${BASE_PATH}examples/embed.js`, BASE_PATH]));
    expect(served.filter((r) => r.status !== 200)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
