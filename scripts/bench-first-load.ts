/**
 * `npm run bench:first-load` (and part of `npm run bench`): what a reader waits for before the
 * embed shows its graph, beside the editor, in headless Chromium — measured, not asserted.
 * Builds the app, serves it gzipped (as a static host does) and opens, in turns, the embed
 * (`?embed&scenario=key-removal-2021`) and the editor on the same scenario, each several times,
 * on the local network and on a throttled phone-like one. For each load: the gzipped JavaScript
 * fetched before the first node was on screen, the time from navigation to the first node, and
 * to the first live frame (a card painted with a state other than idle: the embed plays by
 * itself; the editor is told to play as soon as its worker is ready), and the page's JavaScript
 * fetched before that frame (workers excluded: the embed's live stage shows here). Prints a Markdown table
 * for docs/performance.md ("First load").
 *
 * `-- --baseline <dist>` measures a second build (e.g. an older commit's `npm run build`) in the
 * same turns, side by side.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const SCENARIO = 'key-removal-2021';
/** A phone on a middling mobile connection (Chrome's "Slow 4G" preset's figures). */
const PHONE_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CONDITIONS = [
  { name: 'local', network: null },
  { name: 'slow 4G', network: PHONE_NETWORK },
] as const;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** A static host that gzips (level 9, cached), so a throttled network carries what a real one would. */
function serveGzipped(dir: string): Promise<{ url: string; gzipBytes: (path: string) => number; close: () => void }> {
  const cache = new Map<string, Buffer>();
  const gzipped = (file: string) => cache.get(file) ?? (cache.set(file, gzipSync(readFileSync(file), { level: 9 })), cache.get(file)!);
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    const file = join(dir, path === '' ? 'index.html' : path);
    if (!file.startsWith(dir + sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
    res.end(gzipped(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${address.port}/`,
        gzipBytes: (path) => gzipped(join(dir, normalize(path).replace(/^([/\\])+/, ''))).length,
        close: () => server.close(),
      });
    }),
  );
}

interface Load {
  firstNodeMs: number;
  liveFrameMs: number;
  jsBeforeFirstNodeBytes: number;
  /** The page's scripts (workers excluded) requested before the first live frame: the embed's live stage included. */
  jsBeforeLiveFrameBytes: number;
}

/**
 * In the page, from navigation: when the first node card is in the document (the embed's still
 * picture or a canvas card) and when a card is first painted with a live state; measured at the
 * next animation frame after the DOM change, so the figure includes the frame it shows in.
 */
const PAGE_PROBE = `(() => {
  const marks = (window.__firstLoad = { firstNodeMs: null, liveFrameMs: null });
  const at = (key) => requestAnimationFrame(() => { if (marks[key] === null) marks[key] = performance.now(); });
  const check = () => {
    if (marks.firstNodeMs === null && document.querySelector('[data-still] .fl-picture-node, .react-flow__node')) at('firstNodeMs');
    if (marks.liveFrameMs === null && document.querySelector('.fl-node[data-health]:not([data-health="idle"])')) at('liveFrameMs');
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-health'] });
})();`;

async function measure(browser: Browser, site: { url: string; gzipBytes: (path: string) => number }, mode: 'embed' | 'editor', network: (typeof CONDITIONS)[number]['network']): Promise<Load> {
  const context = await browser.newContext({ viewport: mode === 'embed' ? { width: 700, height: 450 } : { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(PAGE_PROBE);
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  const scripts: { path: string; atMs: number }[] = [];
  const started = Date.now();
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push({ path: new URL(request.url()).pathname, atMs: Date.now() - started });
  });
  try {
    await page.goto(`${site.url}?${mode === 'embed' ? 'embed&' : ''}scenario=${SCENARIO}`);
    await page.waitForFunction(() => (window as unknown as { __firstLoad: { firstNodeMs: number | null } }).__firstLoad.firstNodeMs !== null, null, { timeout: 120_000 });
    const firstNodeMs = await page.evaluate(() => (window as unknown as { __firstLoad: { firstNodeMs: number } }).__firstLoad.firstNodeMs);
    const beforeFirstNode = [...new Set(scripts.filter((s) => s.atMs <= firstNodeMs).map((s) => s.path))];
    if (mode === 'editor') {
      // the editor does not play by itself: Play as soon as the worker has the scenario
      const playable = () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim().endsWith('Play') && !b.disabled);
      await page.waitForFunction(playable, null, { timeout: 120_000 });
      await page.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith('Play') && !b.disabled)!.click());
    }
    await page.waitForFunction(() => (window as unknown as { __firstLoad: { liveFrameMs: number | null } }).__firstLoad.liveFrameMs !== null, null, { timeout: 120_000 });
    const liveFrameMs = await page.evaluate(() => (window as unknown as { __firstLoad: { liveFrameMs: number } }).__firstLoad.liveFrameMs);
    const pageBytes = (paths: string[]) => paths.filter((p) => !p.includes('.worker-')).reduce((sum, p) => sum + site.gzipBytes(p), 0);
    const beforeLiveFrame = [...new Set(scripts.filter((s) => s.atMs <= liveFrameMs).map((s) => s.path))];
    return { firstNodeMs, liveFrameMs, jsBeforeFirstNodeBytes: pageBytes(beforeFirstNode), jsBeforeLiveFrameBytes: pageBytes(beforeLiveFrame) };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (values: number[]) => `${Math.round(median(values))} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;

const baselineIndex = process.argv.indexOf('--baseline');
const builds: { name: string; dir: string }[] = [{ name: 'this build', dir: join(root, 'node_modules', '.cache', 'faultline-bench-first-load') }];
if (baselineIndex > 0) builds.push({ name: 'baseline', dir: process.argv[baselineIndex + 1] });

const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'production'; // React's production build, as `npm run build` makes it
await build({ root, logLevel: 'warn', build: { outDir: builds[0].dir, emptyOutDir: true } });
process.env.NODE_ENV = nodeEnv;
const sites = await Promise.all(builds.map((b) => serveGzipped(b.dir)));
const browser = await chromium.launch({
  executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const loadBefore = loadavg()[0];
const results = new Map<string, Load[]>();
try {
  // in turns: each run measures every build, mode and network once, so a busy moment lands on all
  for (let run = 0; run < RUNS; run++) {
    for (const condition of CONDITIONS) {
      for (const [i, site] of sites.entries()) {
        for (const mode of ['embed', 'editor'] as const) {
          const key = `${builds[i].name}|${mode}|${condition.name}`;
          const load = await measure(browser, site, mode, condition.network);
          results.set(key, [...(results.get(key) ?? []), load]);
          console.error(`run ${run + 1}/${RUNS} ${key}: first node ${Math.round(load.firstNodeMs)} ms, live ${Math.round(load.liveFrameMs)} ms, ${kb(load.jsBeforeFirstNodeBytes)} / ${kb(load.jsBeforeLiveFrameBytes)}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  for (const site of sites) site.close();
}

console.log(`First load, ${SCENARIO}, median of ${RUNS} runs (min–max), ms from navigation (${new Date().toISOString().slice(0, 10)}; ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GB; load ${loadBefore.toFixed(1)} → ${loadavg()[0].toFixed(1)})`);
console.log('');
console.log('| build | mode | network | JS before first node (gzip) | page JS before first live frame (gzip) | first node, ms | first live frame, ms |');
console.log('|---|---|---|---:|---:|---:|---:|');
for (const [key, loads] of results) {
  const [name, mode, network] = key.split('|');
  console.log(`| ${name} | ${mode} | ${network} | ${kb(median(loads.map((l) => l.jsBeforeFirstNodeBytes)))} | ${kb(median(loads.map((l) => l.jsBeforeLiveFrameBytes)))} | ${ms(loads.map((l) => l.firstNodeMs))} | ${ms(loads.map((l) => l.liveFrameMs))} |`);
}
