/**
 * What a built app (dist/) costs on first load: the JavaScript index.html loads before any
 * interaction — its module scripts, modulepreloads and their static imports — gzipped; each
 * mode's first load (the entry plus the mode's start chunk: first-load.ts) against its budget;
 * then the lazy chunks. `npx tsx scripts/build-report.ts [dir]` after `npm run build`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIRST_LOAD_BUDGETS, firstLoad, formatFirstLoad, type FirstLoad } from './first-load.ts';

/** Issue 6: initial JavaScript ≤ 300 KB gzipped (the editor's first load: first-load.ts). */
export const INITIAL_JS_BUDGET_BYTES = FIRST_LOAD_BUDGETS.find((b) => b.mode === 'editor')!.budgetGzipBytes;

export interface ChunkSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BuildReport {
  initial: ChunkSize[];
  initialGzipBytes: number;
  /** Each mode's JavaScript before its first node: the entry, the mode's start chunk and their static imports. */
  modes: FirstLoad[];
  /** Chunks the page imports on demand (dynamic import()). */
  lazy: ChunkSize[];
  /** Web Worker scripts: their own threads, fetched when a worker starts. */
  workers: ChunkSize[];
  /** Scripts outside assets/ (public/, e.g. the example host page's own script): not the app's. */
  other: ChunkSize[];
  css: ChunkSize[];
}

const SCRIPT_SRC = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;
/** `import … from "./x.js"` and `import "./x.js"` (not `import("./x.js")`, which is lazy). */
const STATIC_IMPORT = /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

function sizeOf(dir: string, file: string): ChunkSize {
  const body = readFileSync(join(dir, file));
  return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

function listFiles(dir: string, under = ''): string[] {
  return readdirSync(join(dir, under)).flatMap((name) => {
    const path = posix.join(under, name);
    return statSync(join(dir, path)).isDirectory() ? listFiles(dir, path) : [path];
  });
}

/** Paths relative to `dir`, of the JS index.html loads at once, with every static import they pull in. */
export function initialScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(SCRIPT_SRC), ...html.matchAll(MODULE_PRELOAD)].map((m) => posix.normalize(m[1]));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file), 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) queue.push(posix.join(posix.dirname(file), m[1]));
  }
  return [...seen];
}

function staticImportsOf(dir: string, file: string): string[] {
  const code = readFileSync(join(dir, file), 'utf8');
  return [...code.matchAll(STATIC_IMPORT)].map((m) => posix.join(posix.dirname(file), m[1]));
}

export function buildReport(dir: string): BuildReport {
  const initialFiles = initialScripts(dir);
  const initial = initialFiles.map((file) => sizeOf(dir, file));
  const files = listFiles(dir);
  const graph = { entries: initialFiles, staticImports: (file: string) => staticImportsOf(dir, file), gzipBytes: (file: string) => sizeOf(dir, file).gzipBytes };
  const chunkFile = (name: string) => files.find((f) => new RegExp(`^assets/${name}-[\\w-]+\\.js$`).test(f));
  const modes = FIRST_LOAD_BUDGETS.map((budget) => firstLoad(graph, budget, budget.chunkNames.map(chunkFile)));
  const scripts = files.filter((f) => f.endsWith('.js') && !initialFiles.includes(f));
  const isWorker = (f: string) => /\.worker-[\w-]+\.js$/.test(f);
  const sizes = (list: string[]) => list.map((f) => sizeOf(dir, f)).sort((a, b) => b.gzipBytes - a.gzipBytes);
  return {
    initial: sizes(initialFiles),
    initialGzipBytes: initial.reduce((sum, c) => sum + c.gzipBytes, 0),
    modes,
    lazy: sizes(scripts.filter((f) => f.startsWith('assets/') && !isWorker(f))),
    workers: sizes(scripts.filter(isWorker)),
    other: sizes(scripts.filter((f) => !f.startsWith('assets/'))),
    css: sizes(files.filter((f) => f.endsWith('.css'))),
  };
}

/** The modes whose first load is over its budget. */
export const overBudget = (report: BuildReport): FirstLoad[] => report.modes.filter((m) => m.gzipBytes > m.budgetGzipBytes);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatReport(report: BuildReport): string {
  const row = (c: ChunkSize) => `  ${c.file.padEnd(48)} ${kb(c.bytes).padStart(10)} ${kb(c.gzipBytes).padStart(10)} gz`;
  return [
    "First load, by mode (JavaScript before the first node; the embed's live stage: before its first live frame):",
    ...report.modes.map((m) => `  ${formatFirstLoad(m)}`),
    `Initial JavaScript (index.html's own): ${kb(report.initialGzipBytes)} gzipped`,
    ...report.initial.map(row),
    'Lazy chunks (loaded on demand):',
    ...report.lazy.map(row),
    'Workers (own threads):',
    ...report.workers.map(row),
    'Other scripts (public/, not the app):',
    ...report.other.map(row),
    'CSS:',
    ...report.css.map(row),
  ].join('\n');
}

if (process.argv[1] !== undefined && relative(process.argv[1], new URL(import.meta.url).pathname) === '') {
  const report = buildReport(process.argv[2] ?? 'dist');
  console.log(formatReport(report));
  if (overBudget(report).length > 0) process.exitCode = 1;
}
