/**
 * Sweep throughput: runs per second of a built-in experiment on 1 and 2 worker threads (plus the
 * calling thread alone, for the cost of the threads themselves). Part of `npm run bench`; run alone
 * with `node --import tsx scripts/bench-sweep.ts [experiment id]`. Figures go to docs/performance.md
 * ("Sweeps"). Wall time includes starting the threads (each loads the engine through tsx, once per
 * sweep); the "runs" columns time the runs alone, from the moment every thread is warm.
 */
import { cpus, loadavg } from 'node:os';
import { inlineExecutor, planExperiment, runAll, runTask } from '../src/experiments';
import { runInThreads } from '../src/experiments/node-pool';
import { findBuiltinExperiment } from '../src/scenarios/experiments';

const id = process.argv[2] ?? 's4-collapse';
const builtin = findBuiltinExperiment(id);
if (!builtin) throw new Error(`no built-in experiment "${id}"`);
const planned = planExperiment(structuredClone(builtin.document));
if (!planned.ok) throw new Error(JSON.stringify(planned.errors));
const { plan } = planned;
const runs = plan.tasks.length;

interface Row {
  label: string;
  seconds: number;
  /** Seconds from start until every thread was warm (0 on the calling thread). */
  startup: number;
}

async function timed(label: string, go: (onReady: () => void) => Promise<unknown>): Promise<Row> {
  const started = performance.now();
  let ready = started;
  await go(() => (ready = performance.now()));
  return { label, seconds: (performance.now() - started) / 1000, startup: (ready - started) / 1000 };
}

// warm the JIT of this thread for the inline figure
for (let i = 0; i < Math.min(20, runs); i++) runTask(plan, i);
const rows = [
  await timed('calling thread, no workers', () => runAll(runs, [inlineExecutor((i) => runTask(plan, i))])),
  await timed('1 worker thread', (onReady) => runInThreads(plan, 1, { onReady })),
  await timed('2 worker threads', (onReady) => runInThreads(plan, 2, { onReady })),
];
console.log('');
console.log(`Sweep: ${builtin.id} (${runs} runs), ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average when done ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
console.log('');
console.log('| pool | runs | wall | runs/s (wall) | vs 1 worker | start-up | runs alone | runs/s (warm) | vs 1 worker |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
const oneWorker = rows[1];
const warm = (r: Row): number => r.seconds - r.startup;
for (const r of rows) {
  console.log(
    `| ${r.label} | ${runs} | ${r.seconds.toFixed(2)} s | ${(runs / r.seconds).toFixed(1)} | ${(oneWorker.seconds / r.seconds).toFixed(2)}× ` +
      `| ${r.startup.toFixed(2)} s | ${warm(r).toFixed(2)} s | ${(runs / warm(r)).toFixed(1)} | ${(warm(oneWorker) / warm(r)).toFixed(2)}× |`,
  );
}
