import { CIRCUIT_STATES } from './circuit-breaker.ts';
import type { LogHistogram } from './histogram.ts';
import type { CircuitReport, LatencySummary } from './report-types.ts';
import type { KindContext } from './kind-context.ts';
import type { StepPlan } from './steps.ts';

export function latencySummary(h: LogHistogram): LatencySummary {
  return { mean: h.meanMs, p50: h.quantileMs(0.5), p95: h.quantileMs(0.95), p99: h.quantileMs(0.99) };
}

/** Each distinct downstream call with a breaker, by target id. */
export function circuitReports(plansByClass: StepPlan[][], sim: KindContext): Record<string, CircuitReport> {
  const out: Record<string, CircuitReport> = {};
  for (const plans of plansByClass) {
    for (const plan of plans) {
      if (plan.breaker === null || plan.toNode < 0) continue;
      const b = plan.breaker;
      b.admitPeek(sim.nowMs);
      out[sim.nodeId(plan.toNode)] = { state: CIRCUIT_STATES[b.state], opened: b.opened, refused: b.refused };
    }
  }
  return out;
}
