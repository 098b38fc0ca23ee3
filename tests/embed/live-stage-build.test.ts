// The real build's chunk graph (issue 16): the embed's live stage — every chunk the page loads
// before the embed's first live frame — bundles no zod and no scenario parser (the simulation
// worker validates), while the worker still does; the editor, which shows per-field messages as
// people type, still carries the parser. A `vite build` of the project, not written to disk.
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGETS, firstLoad, type ChunkGraph } from '../../scripts/first-load.ts';

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

function loadOf(mode: string): { files: string[]; modules: string[] } {
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const graph: ChunkGraph = { entries: chunks.filter((c) => c.isEntry).map((c) => c.fileName), staticImports: (f) => byFile.get(f)?.imports ?? [], gzipBytes: () => 0 };
  const budget = FIRST_LOAD_BUDGETS.find((b) => b.mode === mode)!;
  const starts = budget.startModules.map((m) => chunks.find((c) => c.facadeModuleId?.replaceAll('\\', '/').endsWith(`/${m}`))?.fileName);
  const { files } = firstLoad(graph, budget, starts);
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

  it("keeps the editor's parser for per-field messages as people type (validation ships twice there: docs/performance.md)", () => {
    const { modules } = loadOf('editor');
    expect(modules.some(isZod)).toBe(true);
    expect(modules.some((id) => id.endsWith('/src/store/graph/validate-document.ts'))).toBe(true);
  });
});
