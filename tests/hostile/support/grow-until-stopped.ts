// Child process of run-guard-memory.test.ts: runs a corpus scenario under the engine's real limits
// with NO heap probe (as in the browser, where a worker cannot read its heap), sampling this
// process's memory every 50,000 events; prints one JSON line with the guard's verdict and the peaks.
import { readFileSync } from 'node:fs';
import { RunawayRunError, Simulation } from '../../../src/engine/index.ts';
import { parseScenario } from '../../../src/scenario/index.ts';

const parsed = parseScenario(JSON.parse(readFileSync(process.argv[2], 'utf8')));
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const sim = new Simulation(parsed.spec);
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
let kind: string | null = null;
let culprit: string | null = null;
try {
  while (!sim.advance(50_000)) sample();
} catch (error) {
  if (!(error instanceof RunawayRunError)) throw error;
  kind = error.reason.kind;
  culprit = error.reason.culprit?.id ?? null;
}
sample();
console.log(JSON.stringify({ kind, culprit, liveCalls: sim.pool.live, peakRssBytes: peakRss, peakHeapBytes: peakHeap }));
