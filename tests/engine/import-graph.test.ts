import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The engine's import graph, read from its TypeScript files (type-only imports included: a loop
 * of types still ties the files together). Issue 15: no loop, and no kind asked what it is.
 */
const ENGINE = resolve(__dirname, '../../src/engine');

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return engineFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports and re-exports of one file, resolved to files of the engine. */
function importsOf(file: string, known: Set<string>): string[] {
  const source = readFileSync(file, 'utf8');
  const out: string[] = [];
  // `import … from '…'`, `export … from '…'`, `import('…')` (inline type imports)
  for (const match of source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)'(\.{1,2}\/[^']+)'/g)) {
    const base = resolve(dirname(file), match[1]).replace(/\.ts$/, '');
    const target = [`${base}.ts`, join(base, 'index.ts')].find((candidate) => known.has(candidate));
    if (target !== undefined) out.push(target);
  }
  return out;
}

/** Every loop (strongly connected set of more than one file, or a file importing itself), by Tarjan. */
export function importLoops(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) loops.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return loops;
}

const files = engineFiles(ENGINE);
const known = new Set(files);
const graph = new Map(files.map((file) => [file, importsOf(file, known)]));
const name = (file: string): string => relative(ENGINE, file);

describe('the engine import graph', () => {
  it('reads the files it should (the reader resolves relative imports)', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(graph.get(join(ENGINE, 'simulation.ts'))?.map(name)).toContain('compile.ts');
    expect(graph.get(join(ENGINE, 'kinds/station.ts'))?.map(name)).toContain('kinds/server-runtime.ts');
  });

  it('finds a loop when there is one (the checker itself works)', () => {
    const loop = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(importLoops(loop)).toEqual([['a', 'b', 'c']]);
    expect(importLoops(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('has no import loop, type-only imports included', () => {
    expect(importLoops(graph).map((loop) => loop.map(name))).toEqual([]);
  });

  it('no file but the kind registry imports a kind runtime to ask what a node is', () => {
    const asked = files.filter((file) => !file.endsWith('kinds/registry.ts')).filter((file) => /\binstanceof\s+\w+Runtime\b/.test(readFileSync(file, 'utf8')));
    expect(asked.map(name)).toEqual([]);
  });

  it('no kind imports the simulation: kinds see it through their narrow context', () => {
    const simulation = join(ENGINE, 'simulation.ts');
    const kindsImportingIt = files.filter((file) => name(file).startsWith('kinds/') && graph.get(file)!.includes(simulation));
    expect(kindsImportingIt.map(name)).toEqual([]);
  });
});
