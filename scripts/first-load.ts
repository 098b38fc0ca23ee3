/**
 * What each mode costs before it shows its first node: the JavaScript of the page's entry and of
 * the mode's start chunk (src/ui/main.tsx imports one per mode), with every static import they
 * pull in — gzipped, against the mode's budget (issue 16; docs/performance.md, "First load").
 * Later dynamic imports (the embed's live stage, the editor's panels) are not counted: they
 * come after the first node. Used by the build (firstLoadBudget: a build over a budget fails)
 * and by build-report.ts on a built folder.
 */
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface ModeBudget {
  mode: 'embed' | 'editor';
  /** The mode's start module (main.tsx's dynamic import), as a path from the project root. */
  startModule: string;
  /** Its chunk's file name starts `assets/<chunkName>-`. */
  chunkName: string;
  budgetGzipBytes: number;
}

/** Issue 16: the embed's first JavaScript ≤ 120 KB gzipped; the editor's ≤ 300 KB (issue 6). */
export const FIRST_LOAD_BUDGETS: readonly ModeBudget[] = [
  { mode: 'embed', startModule: 'src/ui/embed/start-embed.ts', chunkName: 'start-embed', budgetGzipBytes: 120 * 1024 },
  { mode: 'editor', startModule: 'src/ui/start-editor.tsx', chunkName: 'start-editor', budgetGzipBytes: 300 * 1024 },
];

/** A built app's JavaScript as a graph: each chunk's static imports, by file name. */
export interface ChunkGraph {
  /** The chunks index.html loads (its module scripts and modulepreloads). */
  entries: readonly string[];
  staticImports(file: string): readonly string[];
  gzipBytes(file: string): number;
}

export interface FirstLoad {
  mode: ModeBudget['mode'];
  files: string[];
  gzipBytes: number;
  budgetGzipBytes: number;
}

function withStaticImports(graph: ChunkGraph, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...graph.staticImports(file));
  }
  return [...seen];
}

/** The mode's first load; throws when its start chunk is missing (a renamed module must not pass unmeasured). */
export function firstLoad(graph: ChunkGraph, budget: ModeBudget, startChunk: string | undefined): FirstLoad {
  if (startChunk === undefined) throw new Error(`no chunk for ${budget.startModule} (the ${budget.mode}'s start): scripts/first-load.ts cannot measure its first load`);
  const files = withStaticImports(graph, [...graph.entries, startChunk]);
  return { mode: budget.mode, files, gzipBytes: files.reduce((sum, f) => sum + graph.gzipBytes(f), 0), budgetGzipBytes: budget.budgetGzipBytes };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function formatFirstLoad(load: FirstLoad): string {
  const verdict = load.gzipBytes <= load.budgetGzipBytes ? 'within' : 'OVER';
  return `${load.mode}: ${kb(load.gzipBytes)} gzipped before its first node (${verdict} its ${kb(load.budgetGzipBytes)} budget; ${load.files.length} files)`;
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
      const chunks = new Map<string, { code: string; imports: string[]; facade: string | null; isEntry: boolean }>();
      for (const item of Object.values(bundle)) {
        if (item.type === 'chunk') chunks.set(item.fileName, { code: item.code, imports: item.imports, facade: item.facadeModuleId, isEntry: item.isEntry });
      }
      if (![...chunks.values()].some((c) => c.facade?.endsWith('/index.html') || c.isEntry)) return; // not the app (e.g. a library build)
      const sizes = new Map<string, number>();
      const graph: ChunkGraph = {
        entries: [...chunks.entries()].filter(([, c]) => c.isEntry).map(([file]) => file),
        staticImports: (file) => chunks.get(file)?.imports ?? [],
        gzipBytes: (file) => sizes.get(file) ?? (sizes.set(file, gzipSize(chunks.get(file)?.code ?? '')), sizes.get(file)!),
      };
      const startOf = (budget: ModeBudget) => [...chunks.entries()].find(([, c]) => c.facade?.replaceAll('\\', '/').endsWith(`/${budget.startModule}`))?.[0];
      const loads = FIRST_LOAD_BUDGETS.map((budget) => firstLoad(graph, budget, startOf(budget)));
      for (const load of loads) this.info(formatFirstLoad(load));
      const over = loads.filter((l) => l.gzipBytes > l.budgetGzipBytes);
      if (over.length > 0) {
        const detail = over.map((l) => `${formatFirstLoad(l)}\n    ${[...l.files].sort((a, b) => graph.gzipBytes(b) - graph.gzipBytes(a)).slice(0, 5).map((f) => `${f} ${kb(graph.gzipBytes(f))}`).join(', ')}`);
        this.error(`First-load JavaScript over budget (scripts/first-load.ts):\n  ${detail.join('\n  ')}`);
      }
    },
  };
}
