/**
 * `npx tsx scripts/bench-compare.ts <other checkout>`: the engine here against the engine of
 * another checkout of this repository (e.g. `git worktree add /tmp/base <rev>` with node_modules
 * linked), alternating runs in one process so both see the same machine load. Prints events per
 * CPU-second for each and their ratio — the way to tell whether a change made the engine slower.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

type Module = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const otherRoot = process.argv[2];
if (!otherRoot) {
  console.error('usage: npx tsx scripts/bench-compare.ts <other checkout dir> [rounds, default 4] [s1|graph]');
  process.exit(2);
}

async function load(root: string): Promise<{ engine: Module; scenario: Module; builtins: Module; generated: Module }> {
  const at = (path: string): Promise<Module> => import(pathToFileURL(resolve(root, path)).href);
  return { engine: await at('src/engine/index.ts'), scenario: await at('src/scenario/index.ts'), builtins: await at('src/scenarios/index.ts'), generated: await at('src/scenarios/generated.ts') };
}

function eventsPerCpuSecond(m: Module, spec: unknown): number {
  const started = process.cpuUsage();
  const sim = new m.engine.Simulation(spec);
  while (!sim.advance(1_000_000));
  const used = process.cpuUsage(started);
  return sim.eventCount / ((used.user + used.system) / 1e6);
}

function parsed(m: Module, doc: unknown): unknown {
  const result = m.scenario.parseScenario(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.spec;
}

const here = await load(resolve(import.meta.dirname, '..'));
const other = await load(otherRoot);
const cases: [string, (m: Module) => unknown][] = [
  ['S1 M/M/1, 1.25 M requests', (m) => parsed(m, { ...structuredClone(m.builtins.findBuiltin('mm1').scenario), duration: '43.4h' })],
  ['200-node layered graph, 2 min', (m) => parsed(m, m.generated.layeredGraph(200, 300, '2m'))],
];
const rounds = Number(process.argv[3] ?? 4);
/** `s1` or `graph` to run one case. */
const only = process.argv[4];
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, make] of cases) {
  if (only !== undefined && !name.toLowerCase().includes(only === 'graph' ? 'graph' : 's1')) continue;
  const specHere = make(here);
  const specOther = make(other);
  eventsPerCpuSecond(other, specOther);
  eventsPerCpuSecond(here, specHere);
  const a: number[] = [];
  const b: number[] = [];
  // Which goes first alternates (ABBA): a run pays for the garbage the one before left.
  for (let i = 0; i < rounds; i++) {
    if (i % 2 === 0) a.push(eventsPerCpuSecond(other, specOther));
    b.push(eventsPerCpuSecond(here, specHere));
    if (i % 2 === 1) a.push(eventsPerCpuSecond(other, specOther));
  }
  console.log(`${name}: other ${(median(a) / 1e6).toFixed(2)} M events/CPU-s, here ${(median(b) / 1e6).toFixed(2)} M — here/other ${(median(b) / median(a)).toFixed(3)}`);
}
