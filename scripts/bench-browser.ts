/**
 * `npm run bench:browser` (and the second half of `npm run bench`): the simulation worker in
 * headless Chromium, measured (not asserted). Builds the app, opens it, loads each scenario the
 * way a person does (Open file…), runs it at 'max' from the run controls, and reports events
 * per second and the longest main-thread task while it ran. Prints a Markdown table for
 * docs/performance.md ("Browser: worker").
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { findBuiltin } from '../src/scenarios/index.ts';
import { layeredGraph } from '../src/scenarios/generated.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'node_modules', '.cache', 'faultline-bench');

interface Case {
  name: string;
  warmUp: unknown;
  measured: unknown;
}

const mm1 = (duration: string) => ({ ...(findBuiltin('mm1')!.scenario as object), duration });
const ONLY = process.argv[2];
const ALL_CASES: Case[] = [
  { name: 'S1 M/M/1, 1.25 M requests', warmUp: mm1('12h'), measured: mm1('43.4h') },
  { name: '200-node layered graph, 5 min', warmUp: layeredGraph(200, 300, '20s'), measured: layeredGraph(200, 300, '5m') },
];
/** `npm run bench:browser -- s1` or `-- graph` runs one case. */
const CASES = ALL_CASES.filter((c) => !ONLY || (ONLY === 's1' ? c.name.startsWith('S1') : c.name.includes('graph')));

interface Result {
  name: string;
  view: string;
  events: number;
  wallMs: number;
  longestTaskMs: number;
  longTasksOver50: number;
  finished: boolean;
}

/** What the page's debug handle (src/store/run-store.ts) offers the benchmark. */
interface PageHandle {
  liveMetrics: { get(): { values: Float64Array | null; layout: { nodeIds: string[] } | null } };
  useRunStore: { getState(): { status: string; runId: number } };
}

async function openScenario(page: Page, doc: unknown): Promise<void> {
  const nodes = (doc as { nodes: unknown[] }).nodes.length;
  await page.getByLabel('Scenario file').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction(
    (count) => {
      const f = (window as unknown as { __faultline: PageHandle }).__faultline;
      return f.liveMetrics.get().layout?.nodeIds.length === count && f.useRunStore.getState().status === 'paused';
    },
    nodes,
    { timeout: 30_000 },
  );
}

/** Plays at 'max' until the run finishes; measures in the page, so no CDP round trip is timed. */
async function runAtMax(page: Page, timeoutMs: number, hideApp = false): Promise<Omit<Result, 'name' | 'view'>> {
  await page.getByLabel('Speed', { exact: true }).selectOption('max'); // the run controls' speed select (RUN_SPEEDS)
  if (hideApp) await page.evaluate(() => document.getElementById('root')!.style.setProperty('display', 'none'));
  return page.evaluate(async (limitMs) => {
    const f = (window as unknown as { __faultline: PageHandle }).__faultline;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const play = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim().endsWith('Play'));
    const started = performance.now();
    play?.click();
    let finished = false;
    while (performance.now() - started < limitMs) {
      if (f.useRunStore.getState().status === 'finished') {
        finished = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const wallMs = performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100)); // the last live frame
    observer.disconnect();
    const events = f.liveMetrics.get().values?.[1] ?? 0;
    return { events, wallMs, longestTaskMs: Math.max(0, ...tasks), longTasksOver50: tasks.filter((t) => t > 50).length, finished };
  }, timeoutMs);
}

/**
 * `editor` is what a person sees: the canvas painting the graph while the worker runs. `worker`
 * hides the app (display: none) so the figure is the worker's own, without the main thread's
 * rendering competing for the same two cores.
 */
async function measure(browser: Browser, url: string, c: Case, view: 'editor' | 'worker'): Promise<Result> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
  await openScenario(page, c.warmUp);
  await runAtMax(page, 60_000); // JIT warm-up, as the Node benchmark does
  await openScenario(page, c.measured);
  const result = await runAtMax(page, 120_000, view === 'worker');
  await context.close();
  return { name: c.name, view, ...result };
}

await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
const address = server.httpServer.address();
if (address === null || typeof address === 'string') throw new Error('vite preview did not bind a TCP port');
const browser = await chromium.launch({
  executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const loadBefore = loadavg();
try {
  const results: Result[] = [];
  for (const c of CASES) {
    for (const view of ['editor', 'worker'] as const) results.push(await measure(browser, `http://127.0.0.1:${address.port}/`, c, view));
  }
  const fmt = (n: number, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, ${browser.version()} (headless)`);
  console.log('');
  console.log(`Load average before: ${loadBefore.map((l) => l.toFixed(2)).join(', ')}`);
  console.log('');
  console.log("| run at 'max' | page | events | wall | events/s | longest main-thread task | tasks > 50 ms |");
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const note = r.finished ? '' : ' (did not finish)';
    console.log(`| ${r.name}${note} | ${r.view} | ${fmt(r.events / 1e6, 2)} M | ${fmt(r.wallMs / 1000, 2)} s | ${fmt(r.events / (r.wallMs / 1000) / 1e6, 2)} M | ${fmt(r.longestTaskMs, 0)} ms | ${r.longTasksOver50} |`);
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
