// workers/run-guard.ts on the engine in Node, with small limits so the cases run in milliseconds.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { RunGuard, RunawayRunError } from '../../workers/run-guard.ts';

function simulationOf(doc: unknown): Simulation {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return new Simulation(parsed.spec);
}

const closedLoop = (think: string | number, serviceTime: string | number) => ({
  format: 'faultline.scenario/v1',
  name: 'closed loop',
  seed: 1,
  duration: '10s',
  nodes: [
    { id: 'users', kind: 'client', users: 10, think, target: 'api' },
    { id: 'api', kind: 'service', workers: 100, serviceTime },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api', latency: 0 }],
});

/** Advances in chunks, checking after each, as the run loop does; the error if the guard threw. */
function runGuarded(sim: Simulation, guard: RunGuard, chunks: number): RunawayRunError | undefined {
  guard.reset(sim);
  for (let i = 0; i < chunks && !sim.done; i++) {
    sim.advance(1000);
    try {
      guard.check(sim);
    } catch (error) {
      if (error instanceof RunawayRunError) return error;
      throw error;
    }
  }
  return undefined;
}

describe('RunGuard', () => {
  it('stops a run whose clock does not move within the event allowance', () => {
    const sim = simulationOf(closedLoop(0, 0));
    const error = runGuarded(sim, new RunGuard({ maxEventsWithoutProgress: 50_000, maxQueuedEvents: 1e9 }), 1000);
    expect(error?.message).toMatch(/^stopped at t = 0 ms: \d[\d,]* events ran without simulated time moving \(a Faultline limit: 50,000\)/);
    expect(sim.eventCount).toBeGreaterThan(50_000);
    expect(sim.eventCount).toBeLessThanOrEqual(51_000 + 1000);
  });

  it('lets the same loop run to its end once it takes time (think 10ms)', () => {
    const sim = simulationOf(closedLoop('10ms', '5ms'));
    const error = runGuarded(sim, new RunGuard({ maxEventsWithoutProgress: 50_000, maxQueuedEvents: 1e9 }), 1e6);
    expect(error).toBeUndefined();
    expect(sim.done).toBe(true);
  });

  it('stops a run whose event queue outgrows the bound, naming the bound', () => {
    const sim = simulationOf(closedLoop('10ms', '5ms'));
    const error = runGuarded(sim, new RunGuard({ maxEventsWithoutProgress: 1e9, maxQueuedEvents: 5 }), 10);
    expect(error?.message).toMatch(/more than 5 events were waiting at once \(a Faultline limit/);
  });
});
