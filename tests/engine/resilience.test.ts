import { describe, expect, it } from 'vitest';
import { nodeFieldOffset, Simulation } from '../../src/engine';
import type { CircuitBreakerSpec } from '../../src/engine/spec';
import { conservationViolations } from '../support/conservation';
import { call, client, exp, link, ms, queue, retry, scenario, service } from '../support/spec-builder';

// A 2 s window: with 100 successes a second before the fault, 50% failures take ~2 s to reach.
const breaker = (over: Partial<CircuitBreakerSpec> = {}): CircuitBreakerSpec => ({
  failureRatio: 0.5, windowMs: 2000, minAttempts: 20, openMs: 5000, halfOpenProbes: 1, fallback: null, ...over,
});

describe('circuit breaker on a call', () => {
  const system = (cb: CircuitBreakerSpec) =>
    scenario({
      nodes: [
        client('users', 'api', { ratePerSec: 100 }),
        service('api', { workers: Infinity, serviceTime: ms(0), calls: [call('dep', { timeoutMs: 500, circuitBreaker: cb })] }),
        service('dep', { workers: Infinity, serviceTime: ms(5) }),
        service('backup', { workers: Infinity, serviceTime: ms(1) }),
      ],
      links: [link('users', 'api'), link('api', 'dep'), link('api', 'backup')],
      faults: [{ atMs: 10_000, forMs: 20_000, target: 'dep', action: 'error', params: { errorRate: 1 } }],
      durationMs: 60_000,
    });

  it('opens on failures, refuses calls while open (circuitOpen), probes, and closes after recovery', () => {
    const sim = new Simulation(system(breaker()));
    while (sim.queue.peekTimeMs() < 20_000) sim.advance(1);
    const during = sim.report();
    expect(during.nodes.api.circuits.dep.state).not.toBe('closed');
    expect(during.nodes.api.circuits.dep.opened).toBeGreaterThanOrEqual(1);
    // open from ~12 s: the dependency then sees only a probe per 5 s, not the 100/s offered
    const depDuring = during.series.nodes.dep.arrived.slice(14, 20).reduce((a, b) => a + b, 0);
    expect(depDuring).toBeLessThanOrEqual(2);
    expect(during.clients.users.failed.circuitOpen).toBeGreaterThan(500);
    const live = new Float64Array(sim.liveLayout().length);
    sim.writeLive(live);
    expect(live[nodeFieldOffset(1, 'circuitState')]).toBeGreaterThan(0); // open or half-open on the canvas
    expect(live[nodeFieldOffset(2, 'circuitState')]).toBe(-1); // dep has no breaker of its own
    const end = sim.runToEnd().report();
    expect(end.nodes.api.circuits.dep.state).toBe('closed');
    // open at least twice: a probe during the outage fails and reopens it
    expect(end.nodes.api.circuits.dep.opened).toBeGreaterThanOrEqual(2);
    const lastTen = end.series.clients.users.succeeded.slice(50).reduce((a, b) => a + b, 0);
    expect(lastTen).toBeGreaterThan(900); // closed again: everything succeeds
    expect(conservationViolations(end)).toEqual([]);
  });

  it('sends calls to its fallback while open', () => {
    const end = new Simulation(system(breaker({ fallback: 'backup' }))).runToEnd().report();
    expect(end.clients.users.failed.circuitOpen).toBe(0);
    expect(end.nodes.backup.arrived).toBeGreaterThan(1500); // ~20 s of traffic, less the probes
    expect(end.clients.users.failed.error).toBeLessThan(400); // ~2 s of failures before it opened, and failed probes
  });
});

describe('bulkheads', () => {
  // iOS requests call a dependency that hangs (1 s, then time out); SMS requests don't call it.
  const mfa = (withBulkhead: boolean) =>
    scenario({
      nodes: [
        client('users', 'mfa', { ratePerSec: 100, classes: [{ name: 'ios', weight: 1 }, { name: 'sms', weight: 1 }] }),
        service('mfa', {
          workers: 20,
          serviceTime: ms(10),
          calls: [call('apns', { when: ['ios'], timeoutMs: 1000 })],
          bulkheads: withBulkhead ? [{ name: 'push', when: ['ios'], to: null, workers: 10, queue: queue({ capacity: 50 }) }] : [],
          queue: queue({ capacity: 200 }),
        }),
        service('apns', { workers: Infinity, serviceTime: ms(5000) }),
      ],
      links: [link('users', 'mfa'), link('mfa', 'apns')],
      durationMs: 60_000,
    });

  it('without them the hung calls take every worker and SMS fails too; with them SMS is untouched', () => {
    const shared = new Simulation(mfa(false)).runToEnd().report();
    const isolated = new Simulation(mfa(true)).runToEnd().report();
    // 50 iOS/s × 1 s held = 50 workers needed > 20: the shared pool's queue overflows for everyone
    expect(shared.nodes.mfa.dropped.queueFull).toBeGreaterThan(1000);
    const bulk = isolated.nodes.mfa.bulkheads;
    expect(bulk?.push.queueFull).toBeGreaterThan(1000); // iOS overflows its own bulkhead…
    expect(bulk?.default.queueFull).toBe(0); // …and SMS never waits for a hung call
    expect(conservationViolations(isolated)).toEqual([]);
  });
});

describe('queues: maxWait, LIFO, slowdown', () => {
  const overloaded = (over: Parameters<typeof service>[1]) =>
    scenario({
      nodes: [client('users', 'api', { ratePerSec: 15 }), service('api', { workers: 1, serviceTime: exp(100), ...over })],
      links: [link('users', 'api')],
      durationMs: 300_000,
      warmupMs: 30_000,
    });

  it('maxWait sheds jobs that waited too long, so the survivors wait at most that long', () => {
    const r = new Simulation(overloaded({ queue: queue({ maxWaitMs: 500 }) })).runToEnd().report();
    expect(r.nodes.api.dropped.shed).toBeGreaterThan(1000);
    expect(r.nodes.api.latencyMs.p99).toBeLessThan(500 + 700); // wait ≤ 500 ms, plus a service time
  });

  it('LIFO serves the newest first: at the same load its median latency is far below FIFO’s', () => {
    const fifo = new Simulation(overloaded({ queue: queue({ capacity: 100 }) })).runToEnd().report();
    const lifo = new Simulation(overloaded({ queue: queue({ capacity: 100, discipline: 'lifo' }) })).runToEnd().report();
    expect(lifo.nodes.api.latencyMs.p50).toBeLessThan(fifo.nodes.api.latencyMs.p50 / 3);
    expect(lifo.nodes.api.completed).toBeCloseTo(fifo.nodes.api.completed, -2);
  });

  it('slowdownPerInFlight adds its delay per job already in service', () => {
    const spec = scenario({
      nodes: [client('users', 'api', { ratePerSec: 20, arrival: 'constant' }), service('api', { workers: Infinity, serviceTime: ms(100), slowdownPerInFlightMs: 10 })],
      links: [link('users', 'api')],
      durationMs: 60_000,
      warmupMs: 10_000,
    });
    // constant 50 ms gaps: N = 20/s × T and T = 100 ms + 10 ms × N → N = 2.5, T = 125 ms
    const r = new Simulation(spec).runToEnd().report();
    expect(r.nodes.api.latencyMs.mean).toBeGreaterThan(119);
    expect(r.nodes.api.latencyMs.mean).toBeLessThan(131);
  });
});

describe('cancellation and wasted work', () => {
  const chain = (cancel: boolean) =>
    scenario({
      nodes: [
        client('users', 'backend', { ratePerSec: 20, timeoutMs: 200 }),
        service('backend', { workers: 2, serviceTime: exp(150), cancelOnCallerGiveUp: cancel }),
      ],
      links: [link('users', 'backend', {}, { latency: ms(5) })],
      durationMs: 120_000,
      warmupMs: 10_000,
    });

  it('a server that is not told keeps working for callers who left; one that is stops', () => {
    const deaf = new Simulation(chain(false)).runToEnd().report();
    const told = new Simulation(chain(true)).runToEnd().report();
    expect(deaf.nodes.backend.wastedShare).toBeGreaterThan(0.3);
    expect(told.nodes.backend.wastedShare).toBeLessThan(0.01);
    expect(told.nodes.backend.dropped.cancelled).toBeGreaterThan(100);
    expect(told.clients.users.succeeded).toBeGreaterThan(deaf.clients.users.succeeded * 1.2);
    expect(conservationViolations(told)).toEqual([]);
  });
});

describe('retry budget accounting', () => {
  it('counts retries sent and refused per caller', () => {
    const spec = scenario({
      nodes: [
        client('users', 'db', { ratePerSec: 100, retry: { ...retry(4), budget: { kind: 'bucket', capacity: 10, perRequest: 0.1, perSuccess: 0, perRetry: 1 } } }),
        service('db', { workers: Infinity, serviceTime: ms(1), errorRate: 1 }),
      ],
      links: [link('users', 'db')],
      durationMs: 100_000,
    });
    const users = new Simulation(spec).runToEnd().report().clients.users;
    expect(users.retries.sent).toBe(users.attempts - users.generated);
    // 0.1 token per request, 1 per retry, starting with 10: ≈ 0.1 × requests + 10 retries
    expect(Math.abs(users.retries.sent - (0.1 * users.generated + 10))).toBeLessThan(2);
    expect(users.retries.refusedByBudget).toBeGreaterThan(users.generated * 0.8);
  });
});
