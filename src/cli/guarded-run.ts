/**
 * `faultline run`'s simulation under the engine's run guard (src/engine/run-guard.ts): a run that
 * runs away is stopped with the guard's reason (which node or link grew, what to change) instead
 * of hanging or exhausting memory. The CLI prints `stoppedMessage` and exits 1.
 */
import { RunawayRunError, Simulation, type RunawayReason, type ScenarioSpec } from '../engine/index.ts';
import { nodeHeapProbe } from './heap-probe.ts';

/** Events per slice between progress updates. */
const SLICE_EVENTS = 500_000;

export type GuardedRun = { ok: true; sim: Simulation } | { ok: false; reason: RunawayReason };

export function simulateGuarded(spec: ScenarioSpec, onProgress: (simulatedMs: number, totalMs: number) => void): GuardedRun {
  const sim = new Simulation(spec, { guard: { heapProbe: nodeHeapProbe } });
  try {
    while (!sim.advance(SLICE_EVENTS)) onProgress(sim.nowMs, sim.endMs);
  } catch (error) {
    if (error instanceof RunawayRunError) return { ok: false, reason: error.reason };
    throw error;
  }
  return { ok: true, sim };
}

/** What the CLI prints on stderr for a stopped run. */
export function stoppedMessage(reason: RunawayReason): string {
  return `faultline: the run guard stopped this run ${reason.message.replace(/^stopped /, '')}\n`;
}
