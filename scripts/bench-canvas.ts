/**
 * `npm run bench:canvas`: how smooth the canvas is while a large graph runs — a measurement, not
 * a test (docs/performance.md, "Browser: canvas"). Builds the app, serves it with `vite preview`,
 * opens it in Debian's headless chromium with a generated layered graph in the autosave slot
 * (so it opens exactly as a person's restored graph would, laid out by dagre), fits it into view,
 * plays at 1× and records for `--seconds` (default 10):
 *
 * - frame times (requestAnimationFrame deltas): p50, p95, max, and frames per second;
 * - the longest main-thread task and tasks over 50 ms per second (PerformanceObserver "longtask");
 * - main-thread time per wall second in script, style and layout (Chrome's Performance metrics);
 * - the live painter's output: frames in which it wrote to the canvas, and DOM writes, per second
 *   (0 from 200 nodes on: those graphs draw their live state on one canvas overlay, src/ui/canvas/overlay/);
 * - the run's clock: simulated seconds per wall second over the window (1.00 = keeps real time at
 *   1×), read from the run controls' clock (tenths of a second), and the worker's events/s.
 *
 * Usage: node --import tsx scripts/bench-canvas.ts [--sizes 0,300,1000] [--seconds 10] [--rounds 1]
 *   [--before <dir>] [--reduced-motion] [--paused] [--screenshot] [--trace]
 * `--trace`: also records a Chromium trace of the window and prints where the main thread's time
 * went (scripts/trace-breakdown.ts); tracing costs time itself, so its fps are not comparable.
 * (size 0 = the built-in checkout scenario, 5 nodes: the baseline for this machine and browser)
 * `--before <dir>`: another checkout of the app (e.g. `git archive <commit> | tar -x -C <dir>`, with a
 * node_modules link) built and measured too, interleaved with this tree (before, after, before, …),
 * so a change is compared under the same load.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import react from '@vitejs/plugin-react';
import { build, preview } from 'vite';
import { layeredGraph } from '../src/scenarios/generated.ts';
import { traceBreakdown } from './trace-breakdown.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const sizes = argument('sizes', '0,300,1000').split(',').map(Number);
const seconds = Number(argument('seconds', '10'));
const reducedMotion = process.argv.includes('--reduced-motion');
const rounds = Number(argument('rounds', '1'));
const beforeRoot = argument('before', '');

interface CanvasFigures {
  nodes: number;
  /** Nodes in the DOM after fit view (React Flow renders only what is on screen). */
  drawnNodes: number;
  links: number;
  framesPerSec: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  longestTaskMs: number;
  /** Main-thread tasks over 50 ms per second: steadier under load than the single longest one. */
  longTasksPerSec: number;
  scriptMsPerSec: number;
  styleLayoutMsPerSec: number;
  paintsPerSec: number;
  domWritesPerSec: number;
  simulatedSec: number;
  /** Simulated seconds per wall second over the window: 1.00 keeps real time at 1×. */
  clockRate: number;
  /** The worker's events per second at the window's end (the run controls' readout). */
  eventsPerSec: number;
}

/** "730 k events/s" or "1.2 M events/s" → events per second. */
function parseRate(text: string): number {
  const match = /([\d.,]+)\s*([kM]?)/.exec(text);
  if (!match) return NaN;
  return Number(match[1].replace(/,/g, '')) * (match[2] === 'M' ? 1e6 : match[2] === 'k' ? 1e3 : 1);
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Chrome's cumulative main-thread timings (seconds), read twice through one session. */
async function metricsReader(page: Page): Promise<() => Promise<Record<string, number>>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return async () => {
    const { metrics: list } = await session.send('Performance.getMetrics');
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
}

async function measure(url: string, nodeCount: number): Promise<CanvasFigures> {
  const browser = await chromium.launch({
    executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    // 0 nodes: no seeding, the built-in checkout scenario (5 nodes) — the baseline row.
    const graph = nodeCount > 0 ? layeredGraph(nodeCount) : null;
    // tsx compiles this file with esbuild's keepNames, which wraps the functions handed to
    // page.evaluate in a `__name(…)` helper that only exists in Node: give the page a no-op one.
    await context.addInitScript('globalThis.__name = (fn) => fn;');
    if (graph) {
      await context.addInitScript((text) => {
        if (!sessionStorage.getItem('bench-seeded')) {
          localStorage.setItem('faultline.editor.document', text);
          sessionStorage.setItem('bench-seeded', '1');
        }
      }, JSON.stringify({ savedAt: new Date().toISOString(), document: graph }));
    }
    const page = await context.newPage();
    if (reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(url);
    const nodes = page.locator('.react-flow__node');
    await nodes.first().waitFor({ timeout: 60_000 });
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await play.waitFor();
    for (let i = 0; i < 600 && !(await play.isEnabled()); i++) await page.waitForTimeout(100);
    await page.getByRole('button', { name: 'View', exact: true }).click();
    await page.getByRole('menu', { name: 'View' }).getByRole('menuitem', { name: 'Fit view', exact: true }).click();
    await page.waitForTimeout(1000);
    const drawn = await nodes.count();
    if (!process.argv.includes('--paused')) await play.click();
    await page.waitForTimeout(2000); // past the first samples: every readout has a number
    if (process.argv.includes('--screenshot')) await page.screenshot({ path: join(root, '.tmp', `bench-canvas-${nodeCount}.png`) }); // .tmp/ is git-ignored

    const metrics = await metricsReader(page);
    const tracing = process.argv.includes('--trace');
    if (tracing) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8', 'blink.user_timing'] });
    const before = await metrics();
    const recorded = await page.evaluate(async (durationMs) => {
      const frames: number[] = [];
      let longest = 0;
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          longest = Math.max(longest, entry.duration);
          longTasks++;
        }
      });
      observer.observe({ type: 'longtask' });
      // What the live painter writes into the canvas: batches (one per painted frame) and writes.
      let paints = 0;
      let writes = 0;
      const clock = document.querySelector('[aria-label="Simulated time"]');
      // The run's clock in ms, from its text ("1:02.3": tenths; the progress bar moves in steps of
      // 1/1000 of the run, too coarse over a 10 s window).
      const clockMs = (): number => {
        const match = /(\d+):(\d+(?:\.\d)?)/.exec(clock?.textContent ?? '');
        return match ? (Number(match[1]) * 60 + Number(match[2])) * 1000 : NaN;
      };
      const simulatedStartMs = clockMs();
      const mutations = new MutationObserver((records) => {
        paints++;
        writes += records.length;
      });
      const viewport = document.querySelector('.react-flow__viewport');
      if (viewport) mutations.observe(viewport, { subtree: true, characterData: true, childList: true, attributes: true });
      const startedAt = performance.now();
      await new Promise<void>((done) => {
        let last = performance.now();
        const tick = (now: number) => {
          frames.push(now - last);
          last = now;
          if (now - startedAt < durationMs) requestAnimationFrame(tick);
          else done();
        };
        requestAnimationFrame(tick);
      });
      observer.disconnect();
      mutations.disconnect();
      const simulatedText = clock?.textContent ?? '';
      const wallMs = performance.now() - startedAt;
      const clockRate = (clockMs() - simulatedStartMs) / wallMs;
      const eventsText = document.querySelector('[aria-label="Events per second"]')?.textContent ?? '';
      return { frames: frames.slice(1), longest, longTasks, paints, writes, wallMs, simulatedText, clockRate, eventsText };
    }, seconds * 1000);
    const after = await metrics();
    if (tracing) printBreakdown(nodeCount, JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    const sorted = [...recorded.frames].sort((a, b) => a - b);
    const wallSec = recorded.wallMs / 1000;
    const delta = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000 / wallSec;
    const clock = /(\d+):(\d+)(?::(\d+))?\.?(\d)?/.exec(recorded.simulatedText);
    return {
      nodes: graph ? (graph.nodes as unknown[]).length : 5,
      drawnNodes: drawn,
      links: await page.locator('.react-flow__edge').count(),
      framesPerSec: recorded.frames.length / wallSec,
      frameP50Ms: quantile(sorted, 0.5),
      frameP95Ms: quantile(sorted, 0.95),
      frameMaxMs: sorted[sorted.length - 1],
      longestTaskMs: recorded.longest,
      longTasksPerSec: recorded.longTasks / wallSec,
      scriptMsPerSec: delta('ScriptDuration'),
      styleLayoutMsPerSec: delta('RecalcStyleDuration') + delta('LayoutDuration'),
      paintsPerSec: recorded.paints / wallSec,
      domWritesPerSec: recorded.writes / wallSec,
      simulatedSec: clock ? Number(clock[1]) * 60 + Number(clock[2]) : NaN,
      clockRate: recorded.clockRate,
      eventsPerSec: parseRate(recorded.eventsText),
    };
  } finally {
    await browser.close();
  }
}

function printBreakdown(nodeCount: number, events: Parameters<typeof traceBreakdown>[0]): void {
  const b = traceBreakdown(events);
  const perSec = (ms: number) => `${(ms / (b.windowMs / 1000)).toFixed(1)} ms/s`;
  console.error(`\ntrace, ${nodeCount} nodes, ${(b.windowMs / 1000).toFixed(1)} s`);
  console.error('threads:', b.threadsMs.slice(0, 6).map(([n, ms]) => `${n} ${perSec(ms)}`).join('; '));
  console.error('main thread, self time:\n' + b.selfMs.slice(0, 25).map(([n, ms]) => `  ${n}: ${perSec(ms)}`).join('\n'));
  console.error('script entered:\n' + b.scriptMs.slice(0, 15).map(([n, ms]) => `  ${n}: ${perSec(ms)}`).join('\n'));
  console.error(`tasks > 50 ms: ${b.longTasks.length}\n` + b.longTasks.slice(0, 12).map((t) => `  ${t.durationMs.toFixed(1)} ms: ${t.inside}`).join('\n'));
}

/** Builds the app in `tree` and serves it; the URL and a way to stop the server. */
async function serve(tree: string, name: string): Promise<{ url: string; close: () => void }> {
  const outDir = join(root, 'node_modules', '.cache', `faultline-bench-canvas-${name}`);
  // A traced build keeps its names, so the breakdown can say which function the script time went
  // to: unminified, it is over the first-load budget, so it is built without the config's plugins.
  const traced = process.argv.includes('--trace');
  await build({
    root: tree,
    logLevel: 'warn',
    ...(traced ? { configFile: false, plugins: [react()], base: './', worker: { format: 'es' as const } } : {}),
    build: { outDir, emptyOutDir: true, ...(traced ? { minify: false } : {}) },
  });
  const server = await preview({ root: tree, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not bind a TCP port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.httpServer.close() };
}

const trees = beforeRoot ? [{ label: 'before', ...(await serve(beforeRoot, 'before')) }, { label: 'after', ...(await serve(root, 'after')) }] : [{ label: '', ...(await serve(root, 'after')) }];
const rows: (CanvasFigures & { label: string })[] = [];
try {
  for (let round = 0; round < rounds; round++) {
    for (const size of sizes) {
      for (const tree of trees) {
        const figures = await measure(tree.url, size);
        const label = [tree.label, rounds > 1 ? `round ${round + 1}` : ''].filter(Boolean).join(', ');
        rows.push({ ...figures, label });
        console.error(`measured ${size}${label ? ` (${label})` : ''}: ${JSON.stringify(figures)}`);
      }
    }
  }
} finally {
  for (const tree of trees) tree.close();
}

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');
console.log(`Command: \`npm run bench:canvas\` — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, headless chromium, 1600×1000 viewport, ${seconds} s at 1× after 2 s of warm-up (load average ${loadavg()[0].toFixed(1)}).\n`);
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');
console.log('| graph | nodes / links drawn | simulated s per wall s | worker events/s | fps | frame p50 | frame p95 | frame max | longest task | long tasks/s | script ms/s | style+layout ms/s | painted frames/s | DOM writes/s |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const r of rows) {
  const graph = `${r.nodes <= 5 ? 'checkout (baseline)' : `layered, ${r.nodes} nodes`}${r.label ? `, ${r.label}` : ''}`;
  console.log(`| ${graph} | ${r.drawnNodes} / ${r.links} | ${f2(r.clockRate)} | ${Number.isFinite(r.eventsPerSec) ? `${(r.eventsPerSec / 1e6).toFixed(2)} M` : '–'} | ${f1(r.framesPerSec)} | ${f1(r.frameP50Ms)} ms | ${f1(r.frameP95Ms)} ms | ${f1(r.frameMaxMs)} ms | ${r.longestTaskMs > 0 ? `${f1(r.longestTaskMs)} ms` : 'none > 50 ms'} | ${f1(r.longTasksPerSec)} | ${f1(r.scriptMsPerSec)} | ${f1(r.styleLayoutMsPerSec)} | ${f1(r.paintsPerSec)} | ${Math.round(r.domWritesPerSec)} |`);
}
