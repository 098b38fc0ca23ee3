/**
 * `node --import tsx scripts/bench-pacing.ts`: does the worker's run loop keep real time at 1×
 * on a big graph? A measurement, not a test (docs/performance.md, "Browser: big graphs in real
 * time"). In Node, without a browser or a page: the engine alone (how fast this machine runs the
 * graph right now), then the real simulation host — run loop, live stream on a MessageChannel
 * whose buffers go back — playing at 1× for `--seconds`, as simulated seconds per wall second
 * (1.00 keeps real time; it cannot beat the engine's own factor).
 *
 * Usage: node --import tsx scripts/bench-pacing.ts [--nodes 1000] [--seconds 10] [--rounds 2] [--before <dir>]
 * `--before <dir>`: another checkout (e.g. `git archive <commit> | tar -x -C <dir>`); its
 * workers/simulation-host.ts is measured interleaved with this tree's.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Simulation } from '../src/engine/index.ts';
import { formatIssue, parseScenario } from '../src/scenario/index.ts';
import { layeredGraph } from '../src/scenarios/generated.ts';
import { createSimulationHost } from '../workers/simulation-host.ts';

const argument = (name: string, fallback: string): string => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
};
const nodes = Number(argument('nodes', '1000'));
const seconds = Number(argument('seconds', '10'));
const rounds = Number(argument('rounds', '2'));
const beforeRoot = argument('before', '');
const document = layeredGraph(nodes);

type HostFactory = typeof createSimulationHost;

/** Simulated ms per wall ms of the engine alone over `simulatedMs` of the graph (JIT warm). */
function engineFactor(simulatedMs: number): number {
  const parsed = parseScenario(document, { experimentValues: 'none' });
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  const sim = new Simulation(parsed.spec);
  const startedMs = performance.now();
  sim.advanceUntil(simulatedMs, Number.MAX_SAFE_INTEGER);
  return simulatedMs / (performance.now() - startedMs);
}

/** Simulated ms per wall ms of the host playing at 1× for `seconds`. */
async function hostFactor(create: HostFactory): Promise<number> {
  const host = create();
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = (event: MessageEvent<{ values: Float64Array | null }>) => {
    const values = event.data.values;
    if (values) port1.postMessage(values, [values.buffer]); // back to the pool, as the page does
  };
  host.connectLive(port2);
  host.load(document);
  host.setSpeed(1);
  const startedMs = performance.now();
  host.play();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { simulatedMs } = host.getProgress();
  const factor = simulatedMs / (performance.now() - startedMs);
  host.pause();
  port1.close();
  return factor;
}

const trees: { label: string; create: HostFactory }[] = [];
if (beforeRoot) {
  const before = (await import(pathToFileURL(join(beforeRoot, 'workers', 'simulation-host.ts')).href)) as { createSimulationHost: HostFactory };
  trees.push({ label: 'before', create: before.createSimulationHost });
}
trees.push({ label: beforeRoot ? 'after' : 'this tree', create: createSimulationHost });

engineFactor(2_000); // warm the JIT
console.log(`| run | ${nodes} nodes: simulated s per wall s | load |`);
console.log('|---|---:|---:|');
for (let round = 1; round <= rounds; round++) {
  console.log(`| engine alone, round ${round} | ${engineFactor(5_000).toFixed(2)} | ${loadavg()[0].toFixed(1)} |`);
  for (const tree of trees) console.log(`| host at 1×, ${tree.label}, round ${round} | ${(await hostFactor(tree.create)).toFixed(2)} | ${loadavg()[0].toFixed(1)} |`);
}
process.exit(0); // the hosts' timers
