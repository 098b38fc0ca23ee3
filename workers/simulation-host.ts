/**
 * The worker's API, free of comlink and of worker globals so Node tests can drive it directly
 * (tests/contract). simulation.worker.ts only exposes it.
 */
import { Simulation } from '../src/engine/index.ts';
import type { RunReport } from '../src/engine/report-types.ts';
import { parseScenario, parseScenarioText } from '../src/scenario/index.ts';

export interface ValidationError {
  path: string;
  message: string;
}

export type RunOutcome =
  | { status: 'done'; report: RunReport; warnings: string[] }
  | { status: 'invalid'; errors: ValidationError[] }
  | { status: 'cancelled'; simulatedMs: number }
  | { status: 'failed'; message: string };

export type ProgressListener = (simulatedMs: number, totalMs: number) => void;

export interface SimulationHost {
  /** Validates a scenario (JSON text or an already-parsed object) and runs it to its end. */
  run(input: unknown, onProgress?: ProgressListener): Promise<RunOutcome>;
  /** Stops the run in progress at its next slice boundary; it resolves as `cancelled`. */
  cancel(): void;
}

/** Events per slice: small enough that cancel() and progress are prompt (a few ms per slice). */
export const EVENTS_PER_SLICE = 20_000;
/** DESIGN.md §5: progress at most ~30 times per second. */
const PROGRESS_EVERY_MS = 33;

/**
 * Yield to the event loop so queued messages (cancel) are handled. Browsers clamp nested
 * setTimeout(0) to ~4 ms, which would cap throughput; a MessageChannel round trip does not.
 * Node has setImmediate, which does the same without keeping a port open.
 */
const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function'
    ? () => new Promise((resolve) => setImmediate(resolve))
    : messageChannelYield();

function messageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

export function createSimulationHost(): SimulationHost {
  let runId = 0;
  let cancelledRunId = -1;

  return {
    async run(input, onProgress) {
      const myRun = ++runId;
      const parsed = typeof input === 'string' ? parseScenarioText(input) : parseScenario(input);
      if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
      const spec = parsed.spec;
      try {
        const startedMs = performance.now();
        const sim = new Simulation(spec);
        let lastProgressMs = -Infinity;
        while (!sim.advance(EVENTS_PER_SLICE)) {
          const wallMs = performance.now();
          if (onProgress && wallMs - lastProgressMs >= PROGRESS_EVERY_MS) {
            lastProgressMs = wallMs;
            onProgress(sim.nowMs, spec.durationMs);
          }
          await yieldToEventLoop();
          // A newer run() also stops this one: only one run at a time per host.
          if (cancelledRunId >= myRun || runId !== myRun) return { status: 'cancelled', simulatedMs: sim.nowMs };
        }
        onProgress?.(spec.durationMs, spec.durationMs);
        return { status: 'done', report: sim.report(performance.now() - startedMs), warnings: parsed.warnings };
      } catch (error) {
        return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
      }
    },
    cancel() {
      cancelledRunId = runId;
    },
  };
}
