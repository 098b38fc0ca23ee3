/**
 * What each mode costs before it shows its first node: the JavaScript of the page's entry and of
 * the mode's start chunk (src/ui/main.tsx imports one per mode), with every static import they
 * pull in — gzipped, against the mode's budget (issue 16; docs/performance.md, "First load").
 * The embed's live stage (start-embed.ts's dynamic import of start-live-embed.tsx) has a budget of
 * its own: all the page's JavaScript before the embed's first live frame, which must not carry
 * zod (the worker validates). The editor's later dynamic imports (its panels) are not counted in
 * its figure, but no chunk the editor's page ever loads (statically or dynamically) may carry zod
 * or the parser: its workers validate (docs/performance.md, "Validation shipped twice").
 * Used by the build (firstLoadBudget: a build over a budget fails) and by build-report.ts on a
 * built folder.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface ModeBudget {
  mode: 'embed' | 'embed-live' | 'editor';
  /** The moment the figure counts up to. */
  before: 'first node' | 'first live frame';
  /** The start modules whose chunks the load begins from (main.tsx's dynamic import, then each later stage's), as paths from the project root. */
  startModules: readonly string[];
  /** Each start chunk's file name starts `assets/<chunkName>-`, in the order of `startModules`. */
  chunkNames: readonly string[];
  budgetGzipBytes: number;
  /** Modules (rollup's ids) the load must not contain; the build fails naming the chunk that has one. */
  forbiddenModules?: ForbiddenModules;
}

export interface ForbiddenModules {
  pattern: RegExp;
  why: string;
  /** 'page': in no chunk the page loads at all — the load's chunks and every chunk they import dynamically, later (default: the load only). */
  scope?: 'load' | 'page';
}

/** zod and the scenario parser's own modules: what the workers validate with, which a page must not ship again. */
const VALIDATOR_MODULES = /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]scenario[\\/](?:parse|nodes|zod|header|semantic)\.ts$/;

/**
 * Issue 16: the embed's first JavaScript ≤ 120 KB gzipped; the editor's ≤ 300 KB (issue 6). The
 * embed's live stage: 226 KB measured once zod left it (276 KB with zod and the parser,
 * 2026-12-06), budget 250 KB — room for small growth, not for the validator to come back.
 */
export const FIRST_LOAD_BUDGETS: readonly ModeBudget[] = [
  { mode: 'embed', before: 'first node', startModules: ['src/ui/embed/start-embed.ts'], chunkNames: ['start-embed'], budgetGzipBytes: 120 * 1024 },
  {
    mode: 'embed-live',
    before: 'first live frame',
    startModules: ['src/ui/embed/start-embed.ts', 'src/ui/embed/start-live-embed.tsx'],
    chunkNames: ['start-embed', 'start-live-embed'],
    budgetGzipBytes: 250 * 1024,
    forbiddenModules: { pattern: VALIDATOR_MODULES, why: 'the simulation worker validates; the embed page must not ship zod or the parser again (docs/performance.md, "Validation shipped twice")' },
  },
  {
    mode: 'editor',
    before: 'first node',
    startModules: ['src/ui/start-editor.tsx'],
    chunkNames: ['start-editor'],
    budgetGzipBytes: 300 * 1024,
    forbiddenModules: { pattern: VALIDATOR_MODULES, scope: 'page', why: 'the editor\'s workers validate (per-field messages, files, Compare, experiments, the guide); its page must not ship zod or the parser again (docs/performance.md, "Validation shipped twice")' },
  },
];

/** A built app's JavaScript as a graph: each chunk's static imports, by file name. */
export interface ChunkGraph {
  /** The chunks index.html loads (its module scripts and modulepreloads). */
  entries: readonly string[];
  staticImports(file: string): readonly string[];
  /** The chunks a chunk imports with `import()`, loaded later (where known). */
  dynamicImports?(file: string): readonly string[];
  gzipBytes(file: string): number;
  /** The modules bundled into a chunk (rollup's ids), where known (the build knows; a built folder does not). */
  modules?(file: string): readonly string[];
}

export interface FirstLoad {
  mode: ModeBudget['mode'];
  before: ModeBudget['before'];
  files: string[];
  gzipBytes: number;
  budgetGzipBytes: number;
}

function withImports(roots: readonly string[], importsOf: (file: string) => readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file));
  }
  return [...seen];
}

const withStaticImports = (graph: ChunkGraph, roots: readonly string[]): string[] => withImports(roots, (file) => graph.staticImports(file));

/** Every chunk a page that starts with `load` can ever load: its own and, through static and dynamic imports, all later ones. */
export function pageChunks(graph: ChunkGraph, load: FirstLoad): string[] {
  return withImports(load.files, (file) => [...graph.staticImports(file), ...(graph.dynamicImports?.(file) ?? [])]);
}

/** The mode's first load; throws when a start chunk is missing (a renamed module must not pass unmeasured). */
export function firstLoad(graph: ChunkGraph, budget: ModeBudget, startChunks: readonly (string | undefined)[]): FirstLoad {
  budget.startModules.forEach((module, i) => {
    if (startChunks[i] === undefined) throw new Error(`no chunk for ${module} (the ${budget.mode}'s start): scripts/first-load.ts cannot measure its first load`);
  });
  const files = withStaticImports(graph, [...graph.entries, ...(startChunks as string[])]);
  return { mode: budget.mode, before: budget.before, files, gzipBytes: files.reduce((sum, f) => sum + graph.gzipBytes(f), 0), budgetGzipBytes: budget.budgetGzipBytes };
}

/** "chunk: module" for each module of the load that its budget forbids (none when the graph has no module lists). */
export function forbiddenIn(graph: ChunkGraph, budget: ModeBudget, load: FirstLoad): string[] {
  const forbidden = budget.forbiddenModules;
  if (!forbidden || !graph.modules) return [];
  const files = forbidden.scope === 'page' ? pageChunks(graph, load) : load.files;
  return files.flatMap((file) => (graph.modules?.(file) ?? []).filter((id) => forbidden.pattern.test(id)).map((id) => `${file}: ${id}`));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatFirstLoad(load: FirstLoad): string {
  const verdict = load.gzipBytes <= load.budgetGzipBytes ? 'within' : 'OVER';
  return `${load.mode}: ${kb(load.gzipBytes)} gzipped before its ${load.before} (${verdict} its ${kb(load.budgetGzipBytes)} budget; ${load.files.length} files)`;
}

export const gzipSize = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length;

/**
 * Fails `vite build` when a mode's first JavaScript is over its budget, naming the mode, the
 * figure and the biggest chunks; prints the figures otherwise.
 */
export function firstLoadBudget(): Plugin {
  return {
    name: 'faultline-first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map<string, { code: string; imports: string[]; dynamicImports: string[]; facade: string | null; isEntry: boolean; modules: string[] }>();
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') chunks.set(item.fileName, { code: item.code, imports: item.imports, dynamicImports: item.dynamicImports, facade: item.facadeModuleId, isEntry: item.isEntry, modules: Object.keys(item.modules ?? {}) });
      }
      if (![...chunks.values()].some((c) => c.facade?.endsWith('/index.html') || c.isEntry)) return; // not the app (e.g. a library build)
      const sizes = new Map<string, number>();
      const graph: ChunkGraph = {
        entries: [...chunks.entries()].filter(([, c]) => c.isEntry).map(([file]) => file),
        staticImports: (file) => chunks.get(file)?.imports ?? [],
        dynamicImports: (file) => chunks.get(file)?.dynamicImports ?? [],
        gzipBytes: (file) => sizes.get(file) ?? (sizes.set(file, gzipSize(chunks.get(file)?.code ?? '')), sizes.get(file)!),
        modules: (file) => chunks.get(file)?.modules ?? [],
      };
      const chunkOf = (module: string) => [...chunks.entries()].find(([, c]) => c.facade?.replaceAll('\\', '/').endsWith(`/${module}`))?.[0];
      const loads = FIRST_LOAD_BUDGETS.map((budget) => firstLoad(graph, budget, budget.startModules.map(chunkOf)));
      for (const load of loads) this.info(formatFirstLoad(load));
      const shipped = FIRST_LOAD_BUDGETS.flatMap((budget, i) => {
        const hits = forbiddenIn(graph, budget, loads[i]).map((hit) => hit.replace(`${process.cwd().replaceAll('\\', '/')}/`, ''))
          // the project's own modules first: they say which import brought the validator in
          .sort((a, b) => Number(a.includes('node_modules/')) - Number(b.includes('node_modules/')));
        return hits.length === 0 ? [] : [`${budget.mode}: ${hits.length} forbidden modules — ${budget.forbiddenModules?.why}; ${hits.length > 6 ? 'e.g. ' : ''}${hits.slice(0, 6).join(', ')}`];
      });
      if (shipped.length > 0) this.error(`A mode ships modules it must not (scripts/first-load.ts):\n  ${shipped.join('\n  ')}`);
      const over = loads.filter((l) => l.gzipBytes > l.budgetGzipBytes);
      if (over.length > 0) {
        const detail = over.map((l) => `${formatFirstLoad(l)}\n    ${[...l.files].sort((a, b) => graph.gzipBytes(b) - graph.gzipBytes(a)).slice(0, 5).map((f) => `${f} ${kb(graph.gzipBytes(f))}`).join(', ')}`);
        this.error(`First-load JavaScript over budget (scripts/first-load.ts):\n  ${detail.join('\n  ')}`);
      }
    },
  };
}
