/**
 * `node --import tsx scripts/bench-instructions.ts [other checkout]`: instructions a simulated
 * event costs, counted by valgrind's cachegrind — the same number on every run, however busy the
 * machine, so an engine change's effect shows to the last percent where timings (bench-compare.ts)
 * drift by ±10 %. Instructions are not time: a change can cut them and buy nothing (docs/
 * performance.md, "Fourth pass"), so confirm a gain with `bench-compare.ts` before keeping it.
 *
 * Each checkout's S1 and the ceiling are bundled (esbuild) and run under cachegrind for 1 and 15
 * simulated hours; the difference over the events between them is the cost per event, start-up
 * and compilation excluded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const HOURS = [1, 15] as const;

if (spawnSync('valgrind', ['--version']).status !== 0) {
  console.error('bench-instructions: valgrind is not installed (Debian: apt-get install -y valgrind)');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'faultline-instructions-'));

/** A runner for `root`'s engine: S1 (or the ceiling) for the hours given on its command line. */
function bundle(root: string, name: string, ceiling: boolean): string {
  const entry = join(root, 'scripts', `.instructions-${process.pid}.ts`);
  writeFileSync(
    entry,
    ceiling
      ? `import { ceilingMM1 } from './bench-ceiling.ts';\nceilingMM1(8, 100, Number(process.argv[2]) * 3_600_000);\n`
      : [
          `import { Simulation } from '../src/engine/index.ts';`,
          `import { parseScenario } from '../src/scenario/index.ts';`,
          `import { findBuiltin } from '../src/scenarios/index.ts';`,
          `const parsed = parseScenario({ ...structuredClone(findBuiltin('mm1')!.scenario), duration: process.argv[2] + 'h' });`,
          `if (!parsed.ok) throw new Error('S1 does not parse');`,
          `const sim = new Simulation(parsed.spec);`,
          `while (!sim.advance(1_000_000));`,
          `console.log(sim.eventCount);`,
        ].join('\n'),
  );
  const out = join(work, `${name}.mjs`);
  try {
    execFileSync(join(root, 'node_modules/.bin/esbuild'), [entry, '--bundle', '--platform=node', '--format=esm', `--outfile=${out}`, '--log-level=warning'], { stdio: 'inherit' });
  } finally {
    rmSync(entry);
  }
  return out;
}

/** Instructions the whole process executed, and its stdout. */
function count(file: string, hours: number): { instructions: number; stdout: string } {
  const run = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', file, String(hours)], { encoding: 'utf8' });
  const match = /I\s+refs:\s+([\d,]+)/.exec(run.stderr);
  if (run.status !== 0 || match === null) throw new Error(`cachegrind failed on ${file}:\n${run.stderr.slice(-2000)}`);
  return { instructions: Number(match[1].replaceAll(',', '')), stdout: run.stdout };
}

/** S1's events in `hours` (from the engine); the ceiling has as many (the same queue, 2 events a request). */
const eventsOf = (runner: string, hours: number): number => Number(count(runner, hours).stdout.trim());

function perEvent(runner: string, events: number[]): number {
  const [short, long] = HOURS.map((h) => count(runner, h).instructions);
  return (long - short) / (events[1] - events[0]);
}

const roots = [resolve(import.meta.dirname, '..'), ...process.argv.slice(2).map((p) => resolve(p))];
try {
  const here = bundle(roots[0], 'here', false);
  const events = HOURS.map((h) => eventsOf(here, h));
  const ceiling = perEvent(bundle(roots[0], 'ceiling', true), events);
  console.log(`instructions per event (cachegrind; S1 over ${HOURS.join(' and ')} simulated hours, ${events[1] - events[0]} events apart):`);
  console.log(`  ceiling: ${ceiling.toFixed(0)}`);
  const s1 = perEvent(here, events);
  console.log(`  S1 here: ${s1.toFixed(0)} (${(ceiling / s1).toFixed(3)} of the ceiling's count)`);
  for (const [i, root] of roots.slice(1).entries()) {
    const other = perEvent(bundle(root, `other-${i}`, false), events);
    console.log(`  S1 in ${root}: ${other.toFixed(0)} — here/there ${(s1 / other).toFixed(3)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
