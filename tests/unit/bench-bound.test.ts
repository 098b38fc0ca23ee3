import { describe, expect, it } from 'vitest';
import { boundS1 } from '../../scripts/bench-bound';
import { Simulation } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { findBuiltin } from '../../src/scenarios';
import type { LogHistogram } from '../../src/engine/histogram';

// The bench's bound is S1 by hand: it means something only if it does the work S1's report needs,
// so it must get the engine's numbers exactly — same streams, same order, same arithmetic.
describe('the bench bound (S1 written as one loop)', () => {
  const doc = { ...(structuredClone(findBuiltin('mm1')!.scenario) as object), duration: '3h' };
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error('S1 does not parse');
  const spec = parsed.spec;
  const report = new Simulation(spec).runToEnd().report(0);
  const bound = boundS1({ seed: spec.seed, ratePerSec: 8, meanServiceMs: 100, durationMs: spec.durationMs, warmupMs: spec.warmupMs, sampleEveryMs: spec.sampleEveryMs });
  const summary = (h: LogHistogram) => ({ mean: h.meanMs, p50: h.quantileMs(0.5), p95: h.quantileMs(0.95), p99: h.quantileMs(0.99) });

  it('simulates the same events and requests', () => {
    expect(bound.events).toBe(report.events);
    expect(bound.generated).toBe(report.clients.users.generated);
    expect(bound.succeeded).toBe(report.clients.users.succeeded);
    expect(bound.linkSent).toBe(report.links['users-api'].sent);
  });

  it("gives the service's counts, time averages and latencies bit for bit", () => {
    const api = report.nodes.api;
    expect([bound.arrived, bound.completed, bound.queued, bound.inService]).toEqual([api.arrived, api.completed, api.queued, api.inService]);
    expect([bound.meanQueueLength, bound.meanInSystem, bound.utilization, bound.waitedShare]).toEqual([api.meanQueueLength, api.meanInSystem, api.utilization, api.waitedShare]);
    expect(summary(bound.serviceLatency)).toEqual(api.latencyMs);
    expect(summary(bound.clientLatency)).toEqual(report.clients.users.latencyMs);
  });

  it("gives every interval's p50 and p99, client and service", () => {
    const intervals = report.series.t.length;
    const column = (i: number) => Array.from({ length: intervals }, (_, k) => bound.intervalP50P99[k * 4 + i]);
    expect(column(0)).toEqual(report.series.clients.users.latencyP50Ms);
    expect(column(1)).toEqual(report.series.clients.users.latencyP99Ms);
    expect(column(2)).toEqual(report.series.nodes.api.latencyP50Ms);
    expect(column(3)).toEqual(report.series.nodes.api.latencyP99Ms);
  });
});
