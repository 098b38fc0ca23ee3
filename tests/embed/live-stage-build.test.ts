// The real build's chunk graph (issue 16): the embed's live stage — every chunk the page loads
// before the embed's first live frame — bundles no zod and no scenario parser (the simulation
// worker validates), while the worker still does; and no chunk the editor's page loads, at start or
// later (its panels), carries them either: its workers validate (per-field messages, files,
// Compare, experiments). A `vite build` of the project, not written to disk.
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGETS, firstLoad, pageChunks, type ChunkGraph } from '../../scripts/first-load.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
type OutputChunk = Rolldown.OutputChunk;
type OutputAsset = Rolldown.OutputAsset;
let chunks: OutputChunk[];
let assets: OutputAsset[];

beforeAll(async () => {
  // what `npm run build` gives users: under vitest NODE_ENV is "test" (React's development build)
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  let output: Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  try {
    output = (await build({ root, configFile: `${root}vite.config.ts`, logLevel: 'silent', build: { write: false } })) as Rolldown.RolldownOutput | Rolldown.RolldownOutput[];
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const items = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
  chunks = items.filter((i): i is OutputChunk => i.type === 'chunk');
  assets = items.filter((i): i is OutputAsset => i.type === 'asset');
}, 180_000);

/** The mode's first load — or, with `page`, every chunk the page can load after it too (dynamic imports). */
function loadOf(mode: string, { page = false } = {}): { files: string[]; modules: string[] } {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const graph: ChunkGraph = {
    entries: chunks.filter((c) => c.isEntry).map((c) => c.fileName),
    staticImports: (f) => byFile.get(f)?.imports ?? [],
    dynamicImports: (f) => (byFile.get(f)?.dynamicImports ?? []).filter((d) => byFile.has(d)),
    gzipBytes: () => 0,
  };
  const budget = FIRST_LOAD_BUDGETS.find((b) => b.mode === mode)!;
  const starts = budget.startModules.map((m) => chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${m}`))?.fileName);
  const load = firstLoad(graph, budget, starts);
  const files = page ? pageChunks(graph, load) : load.files;
  return { files, modules: files.flatMap((f) => Object.keys(byFile.get(f)!.modules).map((id) => id.replaceAll('\\', '/'))) };
}

const isZod = (id: string) => id.includes('/node_modules/zod/');
const isParser = (id: string) => /\/src\/scenario\/(parse|nodes|zod|header|semantic)\.ts$/.test(id);

describe("the embed's live stage in the real build", () => {
  it('bundles no zod and no parser, though it bundles the live canvas, the stores and the worker client', () => {
    const { files, modules } = loadOf('embed-live');
    expect(files.some((f) => /start-live-embed-/.test(f))).toBe(true);
    expect(modules.filter(isZod)).toEqual([]);
    expect(modules.filter(isParser)).toEqual([]);
    expect(modules.some((id) => id.includes('/node_modules/@xyflow/react/'))).toBe(true);
    expect(modules.some((id) => id.endsWith('/src/store/graph-store.ts'))).toBe(true);
    expect(modules.some((id) => id.endsWith('/src/scenario/facts.ts') || id.endsWith('/src/scenario/defaults.ts'))).toBe(true);
  });

  it('leaves validation to the simulation worker, whose script carries the parser and its messages', () => {
    const worker = assets.find((a) => /^assets\/simulation\.worker-.*\.js$/.test(a.fileName));
    expect(worker).toBeDefined();
    const code = String(worker!.source);
    expect(code).toContain('has no effect with'); // a parser warning's words (src/scenario/no-effect.ts)
    expect(code).toContain('expected a duration');
  });

  it("leaves the editor's validation to its workers: no chunk its page ever loads has zod or the parser, though the page loads the panels that used them", () => {
    const { files, modules } = loadOf('editor', { page: true });
    expect(files.length).toBeGreaterThan(loadOf('editor').files.length); // the panels, loaded later, are in the walk
    expect(modules.filter(isZod)).toEqual([]);
    expect(modules.filter(isParser)).toEqual([]);
    for (const panel of ['/src/ui/compare/ComparePanel.tsx', '/src/ui/experiments/OwnSweep.tsx', '/src/ui/weak-points/WeakPointsPanel.tsx', '/src/ui/files/open-scenario-file.ts', '/src/store/validate-in-worker.ts', '/src/ui/guide/guide-timeline.ts']) {
      expect(modules.some((id) => id.endsWith(panel)), panel).toBe(true);
    }
    for (const worker of ['compare', 'experiment']) {
      const code = String(assets.find((a) => new RegExp(`^assets/${worker}\\.worker-.*\\.js$`).test(a.fileName))?.source ?? '');
      expect(code, worker).toContain('expected a duration'); // the parser's words are in the worker that answers
    }
  });
});
