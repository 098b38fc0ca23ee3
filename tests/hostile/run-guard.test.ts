// The engine's run guard (src/engine/run-guard.ts) with small limits, so each growth case runs in
// milliseconds; the real-size case is tests/hostile/run-guard-memory.test.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RUN_GUARD_LIMITS, RunawayRunError, Simulation, type RunGuardOptions, type RunawayReason } from '../../src/engine/index.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { layeredGraph } from '../../src/scenarios/generated.ts';

const corpus = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`corpus/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

function simulationOf(doc: unknown, guard?: RunGuardOptions): Simulation {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return new Simulation(parsed.spec, { guard });
}

/** Runs in slices as hosts do; the guard's reason if it stopped the run. */
function stoppedBy(sim: Simulation, slice = 1000): RunawayReason | undefined {
  try {
    while (!sim.advance(slice));
  } catch (error) {
    if (error instanceof RunawayRunError) return error.reason;
    throw error;
  }
  return undefined;
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

describe('the run guard in the engine', () => {
  it('stops a run whose clock does not move within the event allowance', () => {
    const sim = simulationOf(closedLoop(0, 0), { limits: { maxEventsWithoutProgress: 50_000 } });
    const reason = stoppedBy(sim);
    expect(reason?.kind).toBe('noProgress');
    expect(reason?.message).toMatch(/^stopped at t = 0 ms: \d[\d,]* events ran without simulated time moving \(a Faultline limit: 50,000\)/);
    expect(sim.eventCount).toBeGreaterThan(50_000);
    expect(sim.eventCount).toBeLessThanOrEqual(50_000 + 2 * RUN_GUARD_LIMITS.checkEveryEvents);
  });

  it('checks on an event count, however the host slices the run (one event per advance)', () => {
    const sim = simulationOf(closedLoop(0, 0), { limits: { maxEventsWithoutProgress: 20_000 } });
    expect(stoppedBy(sim, 1)?.kind).toBe('noProgress');
    expect(sim.eventCount).toBeLessThanOrEqual(20_000 + RUN_GUARD_LIMITS.checkEveryEvents + 1);
  });

  it('lets the same loop run to its end once it takes time (think 10ms)', () => {
    const sim = simulationOf(closedLoop('10ms', '5ms'), { limits: { maxEventsWithoutProgress: 50_000 } });
    expect(stoppedBy(sim)).toBeUndefined();
    expect(sim.done).toBe(true);
  });

  it('stops a run whose event queue outgrows the bound, naming the bound', () => {
    const sim = simulationOf(closedLoop('10ms', '5ms'), { limits: { maxQueuedEvents: 5 } });
    const reason = stoppedBy(sim);
    expect(reason?.kind).toBe('eventQueue');
    expect(reason?.message).toMatch(/more than 5 events were waiting at once \(a Faultline limit/);
  });

  it('a million requests a second into one worker: stopped, naming the node and its queue', () => {
    const sim = simulationOf(corpus('runaway-queue-1e6.json'), { limits: { maxCallsInFlight: 20_000 } });
    const reason = stoppedBy(sim);
    expect(reason?.kind).toBe('callsInFlight');
    expect(reason?.measured).toBeGreaterThan(20_000);
    expect(reason?.measured).toBeLessThanOrEqual(20_000 + 2 * RUN_GUARD_LIMITS.checkEveryEvents); // ≤ 2 calls per event
    expect(reason?.culprit).toMatchObject({ type: 'node', id: 'api', holds: 'queued' });
    expect(reason?.culprit?.count).toBeGreaterThan(9_000); // each request is a root at the client and a job at api
    expect(reason?.message).toMatch(/[\d,]+ requests were alive at once \(a Faultline limit: 20,000, to protect memory\)/);
    expect(reason?.message).toMatch(/Node `api` holds [\d,]+ queued requests \(its queue has no capacity\): add a queue capacity/);
  });

  it('a link with capacity 1 and no buffer in front of a client with no timeout: names the client and the link', () => {
    const sim = simulationOf(corpus('runaway-link-no-buffer.json'), { limits: { maxCallsInFlight: 20_000 } });
    const reason = stoppedBy(sim);
    expect(reason?.kind).toBe('callsInFlight');
    expect(reason?.culprit).toMatchObject({ type: 'node', id: 'users', holds: 'waiting' });
    expect(reason?.message).toMatch(/Client `users` is waiting for [\d,]+ requests with no answer\. Link `users-api` lost [\d,]+ messages \(buffer full\)/);
    expect(reason?.message).toMatch(/`timeout`/);
  });

  it('a slow link with an unlimited buffer: names the link', () => {
    const doc = corpus('runaway-link-no-buffer.json') as { links: Record<string, unknown>[]; nodes: Record<string, unknown>[] };
    doc.links[0].capacity = 100;
    doc.links[0].buffer = null;
    doc.nodes[0].rate = 10_000;
    const reason = stoppedBy(simulationOf(doc, { limits: { maxCallsInFlight: 20_000 } }));
    expect(reason?.culprit).toMatchObject({ type: 'link', id: 'users-api', holds: 'inTransit' });
    expect(reason?.message).toMatch(/Link `users-api` holds [\d,]+ messages in transit \(no buffer limit\): give it a `buffer`/);
  });

  it('a service with unbounded workers waiting on a callee that never answers: names the service', () => {
    const doc = {
      format: 'faultline.scenario/v1',
      name: 'waits downstream',
      seed: 1,
      duration: '1m',
      nodes: [
        { id: 'users', kind: 'client', rate: 10_000, target: 'api', timeout: '10s' },
        { id: 'api', kind: 'service', workers: 'unbounded', serviceTime: '1ms', calls: [{ to: 'db' }] },
        { id: 'db', kind: 'service', workers: 1, serviceTime: '1ms' },
      ],
      links: [
        { id: 'users-api', from: 'users', to: 'api', latency: '1ms' },
        { id: 'api-db', from: 'api', to: 'db', latency: '1ms', loss: 1 },
      ],
    };
    const reason = stoppedBy(simulationOf(doc, { limits: { maxCallsInFlight: 20_000 } }));
    expect(reason?.culprit).toMatchObject({ type: 'node', id: 'api', holds: 'inService' });
    expect(reason?.message).toMatch(/Node `api` holds [\d,]+ requests in service, each waiting for a downstream answer: give its calls a `timeout`/);
  });

  it('timeouts that pile up (an hour-long timeout at 1,000 requests a second): names the client and the delay', () => {
    const doc = {
      format: 'faultline.scenario/v1',
      name: 'long timeouts',
      seed: 1,
      duration: '1h',
      nodes: [
        { id: 'users', kind: 'client', rate: 1000, target: 'api', timeout: '1h' },
        { id: 'api', kind: 'service', workers: 'unbounded', serviceTime: '1ms' },
      ],
      links: [{ id: 'users-api', from: 'users', to: 'api', latency: '1ms' }],
    };
    const sim = simulationOf(doc, { limits: { maxPendingTimers: 10_000 } });
    const reason = stoppedBy(sim);
    expect(reason?.kind).toBe('pendingTimers');
    expect(sim.timers.pending).toBeGreaterThan(10_000);
    expect(sim.nowMs).toBeLessThan(12_000); // ~10,000 requests at 1,000/s
    expect(reason?.message).toMatch(/timers of 3600 s \(a timeout or deadline of node `users`\)/);
  });

  it('reads the host heap probe every heapEveryChecks checks and stops when it passes its share of the limit', () => {
    let probes = 0;
    let usedBytes = 100;
    const sim = simulationOf(corpus('runaway-queue-1e6.json'), {
      limits: { heapEveryChecks: 2, checkEveryEvents: 1000, maxHeapShare: 0.5 },
      heapProbe: () => {
        probes++;
        return { usedBytes, limitBytes: 1000 };
      },
    });
    sim.advance(10_000); // 10 checks, 5 probes, all at 10% of the limit
    expect(probes).toBe(5);
    usedBytes = 501;
    const reason = stoppedBy(sim);
    expect(reason?.kind).toBe('heap');
    expect(reason?.limit).toBe(500);
    expect(reason?.culprit?.id).toBe('api');
    expect(sim.eventCount).toBeLessThanOrEqual(12_000);
  });

  it('a stopped run stays stopped: advance throws the same reason again', () => {
    const sim = simulationOf(closedLoop(0, 0), { limits: { maxEventsWithoutProgress: 10_000 } });
    const first = stoppedBy(sim);
    const events = sim.eventCount;
    expect(() => sim.advance(1)).toThrow(first?.message);
    expect(sim.eventCount).toBe(events);
  });

  // Every built-in runs under the real limits in tests/golden (the guard is always on).
  it('a 1,000-node graph runs untouched under the real limits', () => {
    const big = simulationOf(layeredGraph(1000, 300, '2s'));
    expect(stoppedBy(big, 1 << 20)).toBeUndefined();
    expect(big.eventCount).toBeGreaterThan(100_000);
  });
});
