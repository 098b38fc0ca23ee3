/**
 * `npm run bench`: engine speed and memory, measured (not asserted). Prints a Markdown table for
 * docs/performance.md. Compare figures as ratios within one run: the machines are shared and noisy.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { Simulation } from '../src/engine';
import type { ScenarioSpec } from '../src/engine/spec';
import { formatIssue, parseScenario } from '../src/scenario';
import { findBuiltin } from '../src/scenarios';
import { layeredGraph } from '../src/scenarios/generated';

function spec(doc: unknown): ScenarioSpec {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return parsed.spec;
}

function builtin(id: string, edit: (doc: Record<string, unknown> & { nodes: Record<string, unknown>[] }) => void): ScenarioSpec {
  const doc = structuredClone(findBuiltin(id)?.scenario) as Record<string, unknown> & { nodes: Record<string, unknown>[] };
  edit(doc);
  return spec(doc);
}

interface Measurement {
  name: string;
  events: number;
  requests: number;
  wallMs: number;
  /** This process's CPU time: steadier than wall time when other work shares the machine. */
  cpuMs: number;
  simulatedMs: number;
  peakHeapMB: number;
}

function measure(name: string, s: ScenarioSpec): Measurement {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let peak = heapBefore;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const sim = new Simulation(s);
  let slices = 0;
  while (!sim.advance(1_000_000)) {
    if (++slices % 8 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const report = sim.report(wallMs);
  const requests = Object.values(report.clients).reduce((a, c) => a + c.generated, 0);
  return { name, events: report.events, requests, wallMs, cpuMs, simulatedMs: report.simulatedMs, peakHeapMB: peak / 2 ** 20 };
}

const only = process.argv.slice(2);
const want = (key: string): boolean => only.length === 0 || only.includes(key);
const results: Measurement[] = [];

if (want('s1')) {
  // warm the JIT with a run of the same size first (a short one leaves the hot loop half-optimised)
  measure('warm-up', builtin('mm1', (d) => (d.duration = '43.4h')));
  results.push(measure('S1 M/M/1, 1.25 M requests', builtin('mm1', (d) => (d.duration = '43.4h'))));
}
if (want('graph')) {
  measure('warm-up', spec(layeredGraph(200, 300, '1m')));
  results.push(measure('200-node layered graph', spec(layeredGraph(200, 300, '5m'))));
}
if (want('memory')) {
  const fastMM1 = (duration: string) =>
    builtin('mm1', (d) => {
      d.duration = duration;
      d.sampleEvery = '1s';
      d.nodes[0].rate = 1000;
      d.nodes[1].serviceTime = { dist: 'exponential', mean: '0.8ms' };
    });
  results.push(measure('1,000 req/s for 1 simulated hour', fastMM1('1h')));
  results.push(measure('1,000 req/s for 24 simulated hours', fastMM1('24h')));
}

const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`);
console.log('');
console.log(`Load average when done: ${loadavg().map((l) => l.toFixed(2)).join(', ')} (rates per CPU-second in brackets)`);
console.log('');
console.log('| run | events | requests | wall | events/s | requests/s | real-time factor | peak heap |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of results) {
  console.log(
    `| ${r.name} | ${fmt(r.events / 1e6, 2)} M | ${fmt(r.requests / 1e6, 2)} M | ${fmt(r.wallMs / 1000, 2)} s | ${fmt(r.events / r.wallMs / 1000, 2)} M (${fmt(r.events / r.cpuMs / 1000, 2)} M) | ${fmt(r.requests / r.wallMs / 1000, 2)} M | ${fmt(r.simulatedMs / r.wallMs, 0)}× | ${fmt(r.peakHeapMB, 0)} MB |`,
  );
}
