// Screenshots and measurements of the charts panel on the two outage stories, at the sizes people
// use (src/ui/charts/README.md, "Before and after"):
//   NODE_ENV=production npx vite build --outDir .tmp/dist
//   node --import tsx scripts/chart-shots.ts .tmp/dist <label> [out dir, default /work/shots/charts]
// Each story is played at Max to a fixed moment (the worker's pause-at), then the page, the charts
// panel (as clipped, and unclipped) and the fault timeline are saved; one line per page gives the
// charts in order, the first plot's width, the window it shows and its pixels per simulated minute.
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const [dist, label = 'shot', out = '/work/shots/charts'] = process.argv.slice(2);
if (!dist) throw new Error('usage: node --import tsx scripts/chart-shots.ts <built app dir> [label] [out dir]');
mkdirSync(out, { recursive: true });

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer((req, res) => {
  let path = join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  if (!existsSync(path)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(path));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
const browser = await chromium.launch({
  executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// The page's handle for tests and the console (src/store/run-store.ts). The CSP refuses eval:
// conditions to wait for are functions, not strings.
type Handle = { __faultline?: { useRunStore: { getState(): { status: string } } } };
const paused = () => (window as unknown as Handle).__faultline?.useRunStore.getState().status === 'paused';

const stories = [
  { id: 'key-removal-2021', pauseMs: 35 * 60_000 },
  { id: 'mfa-outage-2019', pauseMs: 15 * 60_000 },
];
const sizes = [
  { name: '1440x900', width: 1440, height: 900, query: '' },
  { name: '1280x720-present', width: 1280, height: 720, query: '&present' },
  { name: '390x844', width: 390, height: 844, query: '' },
];

/** Plays at Max until the clock stands at `pauseMs` (the guide may stop it earlier: go on). */
async function playTo(page: Page, pauseMs: number): Promise<void> {
  await page.evaluate(`window.__faultline.runActions.setSpeed('max')`);
  for (let i = 0; i < 10; i++) {
    if (((await page.evaluate(`window.__faultline.useRunStore.getState().simulatedMs`)) as number) >= pauseMs) return;
    await page.evaluate(`(async () => { const f = window.__faultline; await f.runActions.setPauseAt(${pauseMs}); await f.runActions.play(); })()`);
    await page.waitForFunction(paused, null, { timeout: 60_000 });
  }
}

const lines: string[] = [];
for (const story of stories) {
  for (const size of sizes) {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height } });
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${url}?scenario=${story.id}${size.query}`);
    await page.getByRole('heading', { name: 'Faultline' }).waitFor();
    await page.waitForFunction(paused, null, { timeout: 20_000 });
    await playTo(page, story.pauseMs);
    await page.waitForTimeout(1500); // the last poll and draw
    const base = `${out}/${label}-${story.id}-${size.name}`;
    await page.screenshot({ path: `${base}.png` });
    const charts = page.locator('.fl-bottom__charts');
    if (await charts.isVisible()) {
      await charts.scrollIntoViewIfNeeded();
      await charts.screenshot({ path: `${base}-charts.png` });
    }
    const timeline = page.locator('.fl-bottom__timeline');
    if (await timeline.isVisible()) await timeline.screenshot({ path: `${base}-timeline.png` });
    // Every chart, unclipped by the bottom panel's scroll box (style writes: the CSP refuses a <style>).
    await page.evaluate(() => {
      for (const el of document.querySelectorAll<HTMLElement>('.fl-bottom, .fl-bottom__panels, .fl-bottom__charts')) {
        el.style.setProperty('overflow', 'visible', 'important');
        el.style.setProperty('max-height', 'none', 'important');
      }
    });
    await page.waitForTimeout(300);
    if (await charts.isVisible()) await page.locator('.fl-charts').screenshot({ path: `${base}-charts-all.png` });
    const figures = await page.locator('.fl-chart').evaluateAll((els) =>
      els.map((el) => ({
        id: (el as HTMLElement).dataset.chart,
        plotPx: Math.round(el.querySelector('.u-over')?.getBoundingClientRect().width ?? 0),
        xMin: (el as HTMLElement).dataset.xMin,
        xMax: (el as HTMLElement).dataset.xMax,
      })),
    );
    const durationMs = (await page.evaluate(`window.__faultline.useRunStore.getState().durationMs`)) as number;
    const first = figures[0];
    // Before issue 12 the figures had no data-x-*: the window was the whole run.
    const spanS = first?.xMin !== undefined ? Number(first.xMax) - Number(first.xMin) : durationMs / 1000;
    lines.push(`${story.id} ${size.name}: charts ${figures.map((f) => f.id).join(', ')}; first plot ${first?.plotPx} px over ${spanS} s = ${first ? ((first.plotPx / spanS) * 60).toFixed(2) : '–'} px per minute`);
    await context.close();
  }
}
console.log(lines.join('\n'));
await browser.close();
server.close();
