// The embed's first load stays light (issue 16): what src/ui/embed/start-embed.ts pulls in
// (and its live stage, start-live-embed.tsx, with no zod either: the worker validates)
// statically — everything before the still picture — reaches no React, React Flow, zustand,
// comlink or zod, and src/scenario/light.ts stays zod-free; and the build's budget check
// (scripts/first-load.ts) fails a build whose mode is over budget and names it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGETS, firstLoadBudget, gzipSize } from '../../scripts/first-load.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Static imports and re-exports, not `import type`/`export type` and not `import()` (loaded later). */
const STATIC = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Every module a file reaches through static imports: project files by path, packages by name. */
function staticClosure(start: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(root, start)];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(STATIC)) {
      if (spec.endsWith('.css')) continue;
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
        continue;
      }
      const target = resolve(dirname(file), spec);
      if (!existsSync(target)) throw new Error(`${relative(root, file)} imports ${spec}, which does not exist`);
      queue.push(target);
    }
  }
  return { files, packages };
}

describe("the embed's live stage", () => {
  it('reaches the scenario format only through its zod-free doors: no zod, no parser (the worker validates)', () => {
    const { files, packages } = staticClosure('src/ui/embed/start-live-embed.tsx');
    expect([...packages]).not.toContain('zod');
    expect([...packages]).toContain('@xyflow/react'); // it is the live canvas: the walk reached it
    const scenario = [...files].map((f) => relative(root, f)).filter((n) => n.startsWith('src/scenario/'));
    expect(scenario).toContain('src/scenario/facts.ts');
    expect(scenario.filter((n) => /\/(index|zod|parse|nodes|errors)\.ts$/.test(n))).toEqual([]);
  });
});

describe("the embed's first stage", () => {
  it('reaches none of React, React Flow, zustand, comlink or zod', () => {
    const { files, packages } = staticClosure('src/ui/embed/start-embed.ts');
    expect([...packages].sort()).toEqual(['@dagrejs/dagre']); // the canvas's own layout, so the cards sit where the live canvas puts them
    const names = [...files].map((f) => relative(root, f));
    expect(names).toContain('src/ui/embed/still-picture.ts');
    expect(names.filter((n) => /scenario\/zod\.ts|store\/graph-store|run-store|\.tsx$/.test(n))).toEqual([]);
  });

  it('reaches the scenario format only through its zod-free door, which stays zod-free', () => {
    const { files, packages } = staticClosure('src/scenario/light.ts');
    expect([...packages]).toEqual([]);
    const names = [...files].map((f) => relative(root, f)).sort();
    expect(names).not.toContain('src/scenario/zod.ts');
    expect(names).not.toContain('src/scenario/index.ts');
    const fromEmbed = [...staticClosure('src/ui/embed/start-embed.ts').files].map((f) => relative(root, f));
    // the two zod-free doors: light.ts, and fault-targets.ts (src/embed's message checks)
    expect(fromEmbed.filter((n) => n.startsWith('src/scenario/') && !names.includes(n))).toEqual(['src/scenario/fault-targets.ts']);
  });
});

/** Incompressible text of about `bytes` bytes (a seeded generator: the same every run). */
function noise(bytes: number, seed = 7): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let state = seed;
  let text = '';
  for (let i = 0; i < bytes; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += alphabet[state >>> 26];
  }
  return text;
}

type Chunk = { type: 'chunk'; fileName: string; code: string; imports: string[]; dynamicImports: string[]; facadeModuleId: string | null; isEntry: boolean; modules: Record<string, object> };
const chunk = (fileName: string, code: string, imports: string[] = [], facade: string | null = null, isEntry = false, modules: string[] = [], dynamicImports: string[] = []): Chunk => ({
  type: 'chunk',
  fileName,
  code,
  imports,
  dynamicImports,
  facadeModuleId: facade,
  isEntry,
  modules: Object.fromEntries(modules.map((id) => [id, {}])),
});

/**
 * A built app: the entry, each mode's start chunk, one chunk the embed's start imports, its live
 * stage (after the first node: not in the embed's first load, in the live stage's) with
 * `liveModules`, and a panel the editor imports later (`import()`) with `panelModules`.
 */
function bundle(embedSharedBytes: number, { liveBytes = 60_000, liveModules = ['/app/src/ui/embed/EmbedApp.tsx'], panelModules = ['/app/src/ui/compare/ComparePanel.tsx'] } = {}): Record<string, Chunk> {
  const chunks = [
    chunk('assets/index.js', 'import("./start-embed.js");import("./start-editor.js")', [], '/app/index.html', true),
    chunk('assets/start-embed.js', 'import"./shared.js";import("./start-live-embed.js")', ['assets/shared.js'], '/app/src/ui/embed/start-embed.ts'),
    chunk('assets/shared.js', noise(embedSharedBytes)),
    chunk('assets/start-live-embed.js', 'import"./live.js"', ['assets/live.js'], '/app/src/ui/embed/start-live-embed.tsx'),
    chunk('assets/live.js', noise(liveBytes, 3), [], null, false, liveModules),
    chunk('assets/start-editor.js', noise(10_000, 5), [], '/app/src/ui/start-editor.tsx', false, ['/app/src/ui/App.tsx'], ['assets/panel.js']),
    chunk('assets/panel.js', noise(5_000, 9), [], '/app/src/ui/compare/ComparePanel.tsx', false, panelModules),
  ];
  return Object.fromEntries(chunks.map((c) => [c.fileName, c]));
}

function runBudget(chunks: Record<string, Chunk>): { infos: string[]; error: string | null } {
  const infos: string[] = [];
  const context = {
    info: (message: string) => void infos.push(message),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const hook = firstLoadBudget().generateBundle as (this: typeof context, options: object, bundle: Record<string, Chunk>) => void;
  try {
    hook.call(context, {}, chunks);
    return { infos, error: null };
  } catch (error) {
    return { infos, error: (error as Error).message };
  }
}

describe('the build-time budget check', () => {
  const embedBudget = FIRST_LOAD_BUDGETS.find((b) => b.mode === 'embed')!.budgetGzipBytes;

  it("passes a build whose embed first load is under 120 KB and reports each mode's figures, the live stage's included", () => {
    const chunks = bundle(60_000);
    const gz = (files: string[]) => files.reduce((sum, f) => sum + gzipSize(chunks[f].code), 0);
    const first = gz(['assets/index.js', 'assets/start-embed.js', 'assets/shared.js']);
    expect(first).toBeLessThan(embedBudget);
    const { infos, error } = runBudget(chunks);
    expect(error).toBeNull();
    expect(infos[0]).toBe(`embed: ${(first / 1024).toFixed(1)} KB gzipped before its first node (within its 120.0 KB budget; 3 files)`);
    const live = first + gz(['assets/start-live-embed.js', 'assets/live.js']);
    expect(infos[1]).toBe(`embed-live: ${(live / 1024).toFixed(1)} KB gzipped before its first live frame (within its 250.0 KB budget; 5 files)`);
    expect(infos[2]).toMatch(/^editor: .* \(within its 300\.0 KB budget; 2 files\)$/);
  });

  it("fails a build whose embed live stage carries zod, naming the mode, the chunk and the module (the worker validates)", () => {
    const chunks = bundle(20_000, { liveModules: ['/app/src/ui/embed/EmbedApp.tsx', '/app/node_modules/zod/v4/core/core.js'] });
    const { error } = runBudget(chunks);
    expect(error).toMatch(/^A mode ships modules it must not/);
    expect(error).toMatch(/embed-live: 1 forbidden modules — the simulation worker validates/);
    expect(error).toContain('assets/live.js: /app/node_modules/zod/v4/core/core.js');
    expect(error).not.toMatch(/editor:/); // its page has none here
  });

  it("fails a build in which any chunk the editor's page loads, even a panel's loaded later, carries zod or the parser — naming the chunk and modules", () => {
    for (const module of ['/app/node_modules/zod/v4/core/core.js', '/app/src/scenario/parse.ts']) {
      const { error } = runBudget(bundle(20_000, { panelModules: ['/app/src/ui/compare/ComparePanel.tsx', module] }));
      expect(error).toMatch(/^A mode ships modules it must not/);
      expect(error).toMatch(/editor: 1 forbidden modules — the editor's workers validate/);
      expect(error).toContain(`assets/panel.js: ${module}`);
      expect(error).not.toMatch(/embed-live:/);
    }
  });

  it("counts only the editor's first load in its figure, though it checks every chunk the page may load", () => {
    const chunks = bundle(20_000);
    const { infos, error } = runBudget(chunks);
    expect(error).toBeNull();
    const first = ['assets/index.js', 'assets/start-editor.js'].reduce((sum, f) => sum + gzipSize(chunks[f].code), 0);
    expect(infos[2]).toBe(`editor: ${(first / 1024).toFixed(1)} KB gzipped before its first node (within its 300.0 KB budget; 2 files)`);
    // the scenario's zod-free modules are allowed anywhere (only the parser's own are not)
    expect(runBudget(bundle(20_000, { panelModules: ['/app/src/scenario/facts.ts', '/app/src/scenario/guide-step-reader.ts'] })).error).toBeNull();
  });

  it("fails a build whose embed live stage is over its 250 KB budget", () => {
    const liveBudget = FIRST_LOAD_BUDGETS.find((b) => b.mode === 'embed-live')!.budgetGzipBytes;
    const chunks = bundle(20_000, { liveBytes: 360_000 });
    expect(gzipSize(chunks['assets/live.js'].code)).toBeGreaterThan(liveBudget);
    const { error } = runBudget(chunks);
    expect(error).toMatch(/embed-live: \d+\.\d KB gzipped before its first live frame \(OVER its 250\.0 KB budget/);
    expect(error).toMatch(/assets\/live\.js/);
    expect(error).not.toMatch(/embed: /);
  });

  it('fails a build whose embed first load is over 120 KB, naming the mode and its biggest chunk', () => {
    const chunks = bundle(200_000);
    expect(gzipSize(chunks['assets/shared.js'].code)).toBeGreaterThan(embedBudget);
    const { error } = runBudget(chunks);
    expect(error).toMatch(/embed: \d+\.\d KB gzipped before its first node \(OVER its 120\.0 KB budget/);
    expect(error).toMatch(/assets\/shared\.js/);
    expect(error).not.toMatch(/editor:/);
  });

  it('fails when a mode has no start chunk (a renamed start module must not pass unmeasured)', () => {
    const chunks = bundle(1000);
    chunks['assets/start-embed.js'].facadeModuleId = '/app/src/ui/embed/renamed.ts';
    expect(runBudget(chunks).error).toMatch(/no chunk for src\/ui\/embed\/start-embed\.ts/);
    const live = bundle(1000);
    live['assets/start-live-embed.js'].facadeModuleId = '/app/src/ui/embed/renamed.tsx';
    expect(runBudget(live).error).toMatch(/no chunk for src\/ui\/embed\/start-live-embed\.tsx \(the embed-live's start\)/);
  });

  it('names start modules that exist', () => {
    for (const budget of FIRST_LOAD_BUDGETS) for (const module of budget.startModules) expect(existsSync(join(root, module))).toBe(true);
  });
});
