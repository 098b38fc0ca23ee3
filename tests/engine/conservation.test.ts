import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine';
import type { FaultSpec, LinkSpec, NodeSpec, RetrySpec, ScenarioSpec } from '../../src/engine/spec';
import { conservationViolations } from '../support/conservation';
import { balancer, cache, call, client, exp, identity, keyset, link, ms, queue, retry, scenario, service, validator } from '../support/spec-builder';

/** Sometimes a retry budget (ratio or bucket) and sometimes a retry breaker. */
function resilientRetry(pick: () => number): Pick<RetrySpec, 'budget' | 'breaker'> {
  const r = pick();
  const budget: RetrySpec['budget'] =
    r < 0.2 ? { kind: 'ratio', ratio: pick() * 0.3, minPerSec: pick() < 0.5 ? 0 : 2, windowMs: 1000 + pick() * 5000 }
    : r < 0.4 ? { kind: 'bucket', capacity: 1 + pick() * 10, perRequest: pick() * 0.3, perSuccess: pick() * 0.3, perRetry: 1 }
    : null;
  return { budget, breaker: pick() < 0.2 ? { failureRatio: pick() * 0.5, windowMs: 1000 + pick() * 3000, minAttempts: 3 } : null };
}

/**
 * Random graphs: clients → (balancer →) services that call later services (a DAG), over links
 * with latency, capacity, loss and parallel routes, under random faults.
 */
const arbitraryScenario: fc.Arbitrary<ScenarioSpec> = fc
  .record({
    serviceCount: fc.integer({ min: 1, max: 5 }),
    clientCount: fc.integer({ min: 1, max: 3 }),
    withBalancer: fc.boolean(),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    choices: fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 200, maxLength: 200 }),
  })
  .map(({ serviceCount, clientCount, withBalancer, seed, choices }) => {
    let k = 0;
    const pick = (): number => choices[k++ % choices.length];
    const nodes: NodeSpec[] = [];
    const links: LinkSpec[] = [];
    const addLink = (from: string, to: string): void => {
      const dir = {
        latency: pick() < 0.5 ? ms(0) : exp(1 + pick() * 20),
        capacityPerSec: pick() < 0.7 ? Infinity : 50 + pick() * 500,
        buffer: pick() < 0.5 ? Infinity : Math.floor(pick() * 20),
        loss: pick() < 0.7 ? 0 : pick() * 0.2,
      };
      const parallel = pick() < 0.2;
      const routing = pick() < 0.5 ? 'failover' : 'spread';
      links.push(link(from, to, { id: `${from}-${to}`, routing }, dir));
      if (parallel) links.push(link(from, to, { id: `${from}-${to}-b`, routing, priority: 1 }, dir));
    };
    // Sometimes tokens: an identity provider, a key set, clients that sign in, validating services.
    const withAuth = pick() < 0.35;
    if (withAuth) {
      nodes.push(identity('idp', 'K1', { workers: Infinity, serviceTime: ms(3), tokenLifetime: { dist: 'uniform', minMs: 500, maxMs: 4000 } }));
      nodes.push(keyset('jwks', ['K1', 'K2']));
    }
    const services = Array.from({ length: serviceCount }, (_, i) => `svc${i}`);
    services.forEach((id, i) => {
      const calls = services.slice(i + 1).filter(() => pick() < 0.4).map((to) => call(to, {
        timeoutMs: pick() < 0.5 ? Infinity : 50 + pick() * 500,
        retry: { ...retry(1 + Math.floor(pick() * 3), pick() < 0.5 ? 0 : 5, 'full'), ...resilientRetry(pick) },
        circuitBreaker: pick() < 0.3 ? { failureRatio: 0.2 + pick() * 0.5, windowMs: 500 + pick() * 3000, minAttempts: 5, openMs: 200 + pick() * 2000, halfOpenProbes: 1 + Math.floor(pick() * 3), fallback: null } : null,
      }));
      nodes.push(service(id, {
        workers: pick() < 0.2 ? Infinity : 1 + Math.floor(pick() * 4),
        queue: queue({ capacity: pick() < 0.5 ? Infinity : Math.floor(pick() * 10), discipline: pick() < 0.5 ? 'fifo' : 'lifo', maxWaitMs: pick() < 0.7 ? Infinity : pick() * 500 }),
        serviceTime: exp(5 + pick() * 60), // often overloaded, so queues are non-empty when faults hit
        errorRate: pick() < 0.6 ? 0 : pick() * 0.3,
        calls,
        slowdownPerInFlightMs: pick() < 0.8 ? 0 : pick() * 5,
        propagateDeadline: pick() < 0.4,
        cancelOnCallerGiveUp: pick() < 0.4,
        bulkheads: pick() < 0.3 ? [{ name: 'side', when: ['b'], to: null, workers: 1 + Math.floor(pick() * 3), queue: queue({ capacity: Math.floor(pick() * 5), maxWaitMs: pick() * 300 }) }] : [],
        replicas: 1 + Math.floor(pick() * 4),
        auth: withAuth && pick() < 0.7
          ? validator('jwks', { refreshEveryMs: 200 + pick() * 3000, refreshOnUnknownKey: pick() < 0.6, minRefreshIntervalMs: pick() < 0.5 ? 0 : pick() * 1000, negativeTtlMs: pick() < 0.5 ? 0 : pick() * 2000, keepLastKnownGood: pick() < 0.2, fetchTimeoutMs: 50 + pick() * 500 })
          : null,
      }));
      for (const c of calls) addLink(id, c.to);
      if (withAuth) addLink(id, 'jwks');
    });
    const entry = withBalancer ? 'lb' : services[0];
    if (withBalancer) {
      const targets = services.filter((_, i) => i === 0 || pick() < 0.5);
      nodes.push(balancer('lb', targets, { policy: (['roundRobin', 'random', 'leastOutstanding', 'powerOfTwo'] as const)[Math.floor(pick() * 4)], detectAfterMs: pick() * 1000, timeoutMs: pick() < 0.5 ? Infinity : 300, retry: retry(2) }));
      for (const t of targets) addLink('lb', t);
    }
    // Caches: sometimes one in front of the entry point, with few keys and short TTLs so that it
    // misses, coalesces, refreshes and evicts; it may be flushed or crashed below.
    const front = pick() < 0.3 ? 'cache' : entry;
    if (front === 'cache') {
      nodes.push(cache('cache', entry, {
        keys: 1 + Math.floor(pick() * 50), zipfExponent: pick() * 1.5, capacity: pick() < 0.5 ? Infinity : 1 + Math.floor(pick() * 20),
        ttlMs: 50 + pick() * 2000, ttlJitter: pick() * 0.5, negativeTtlMs: pick() < 0.5 ? 0 : pick() * 500, coalesce: pick() < 0.5,
        staleWhileRevalidateMs: pick() < 0.5 ? 0 : pick() * 1000, hitTimeMs: pick() < 0.3 ? 0 : pick() * 5, warm: pick() < 0.5,
        timeoutMs: pick() < 0.5 ? Infinity : 50 + pick() * 300, retry: retry(1 + Math.floor(pick() * 3)),
      }));
      addLink('cache', entry);
    }
    for (let c = 0; c < clientCount; c++) {
      const closed = pick() < 0.3;
      const id = `client${c}`;
      nodes.push(client(id, front, {
        loop: closed ? 'closed' : 'open',
        ratePerSec: closed ? 0 : 5 + pick() * 200,
        users: closed ? 1 + Math.floor(pick() * 30) : 0,
        think: exp(50),
        timeoutMs: pick() < 0.3 ? Infinity : 100 + pick() * 1000,
        deadlineMs: pick() < 0.7 ? Infinity : 500 + pick() * 2000,
        retry: { ...retry(1 + Math.floor(pick() * 3), pick() < 0.5 ? 0 : 20, 'decorrelated'), ...resilientRetry(pick) },
        classes: [{ name: 'a', weight: 1 }, { name: 'b', weight: pick() }],
        propagateDeadline: pick() < 0.7,
        auth: withAuth ? { issuer: 'idp', sessions: 1 + Math.floor(pick() * 50), refreshBeforeMs: pick() * 300 } : null,
      }));
      addLink(id, front);
      if (withAuth) addLink(id, 'idp');
    }
    const faults: FaultSpec[] = [];
    const faultCount = Math.floor(pick() * 8);
    for (let f = 0; f < faultCount; f++) {
      const onLink = pick() < 0.5;
      const atMs = pick() * 8000;
      const forMs = pick() < 0.3 ? Infinity : pick() * 3000;
      if (onLink) {
        const target = links[Math.floor(pick() * links.length)].id;
        const action = (['down', 'up', 'degrade'] as const)[Math.floor(pick() * 3)];
        faults.push({ atMs, forMs, target, action, params: action === 'degrade' ? { loss: pick() * 0.5, latency: exp(50), capacityPerSec: 20 + pick() * 100 } : {} });
      } else {
        const target = services[Math.floor(pick() * services.length)];
        const action = (['crash', 'crash', 'recover', 'slow', 'error', 'setWorkers'] as const)[Math.floor(pick() * 6)];
        faults.push({ atMs, forMs, target, action, params: { factor: 1 + pick() * 5, errorRate: pick(), workers: 1 + Math.floor(pick() * 3) } });
      }
    }
    if (pick() < 0.3) faults.push({ atMs: pick() * 5000, forMs: 2000, target: 'client0', action: 'setRate', params: { ratePerSec: pick() * 300 } });
    if (withBalancer && pick() < 0.3) faults.push({ atMs: pick() * 5000, forMs: 1500, target: 'lb', action: 'crash', params: {} });
    if (withAuth) {
      faults.push({ atMs: pick() * 5000, forMs: pick() < 0.5 ? Infinity : pick() * 3000, target: 'jwks', action: 'removeKey', params: { key: 'K1' } });
      if (pick() < 0.5) faults.push({ atMs: pick() * 9000, forMs: Infinity, target: 'jwks', action: 'restore', params: {} });
      if (pick() < 0.5) faults.push({ atMs: pick() * 9000, forMs: Infinity, target: '*', action: 'forceRefresh', params: {} });
      if (pick() < 0.3) faults.push({ atMs: pick() * 9000, forMs: pick() * 2000, target: 'idp', action: 'setSigningKey', params: { key: 'K2' } });
      if (pick() < 0.3) faults.push({ atMs: pick() * 9000, forMs: 1000, target: 'jwks', action: 'crash', params: {} });
    }
    if (front === 'cache') faults.push({ atMs: pick() * 8000, forMs: pick() < 0.5 ? Infinity : pick() * 2000, target: 'cache', action: pick() < 0.6 ? 'flush' : 'crash', params: {} });
    return scenario({ nodes, links, faults, seed, durationMs: 10_000, sampleEveryMs: 500, warmupMs: pick() * 2000 });
  });

describe('conservation', () => {
  it('holds for every client, node and link, mid-run and at the end, on random graphs with random faults', () => {
    fc.assert(
      fc.property(arbitraryScenario, fc.integer({ min: 1, max: 5000 }), (spec, sliceEvents) => {
        const sim = new Simulation(spec);
        let slices = 0;
        while (!sim.advance(sliceEvents)) {
          if (slices++ % 3 === 0) expect(conservationViolations(sim.report())).toEqual([]);
        }
        expect(conservationViolations(sim.report())).toEqual([]);
      }),
      { numRuns: 150, seed: 20261121 },
    );
  });

  it('a crash fails queued and in-service jobs as nodeDown, and the books still balance', () => {
    const spec = scenario({
      nodes: [client('users', 'api', { ratePerSec: 50 }), service('api', { workers: 1, serviceTime: exp(100) })],
      links: [link('users', 'api')],
      faults: [{ atMs: 5000, forMs: 1000, target: 'api', action: 'crash', params: {} }],
      durationMs: 10_000,
    });
    const sim = new Simulation(spec);
    while (sim.queue.peekTimeMs() < 5000) sim.advance(1); // stop just before the crash
    const queuedBeforeCrash = sim.report().nodes.api.queued;
    expect(queuedBeforeCrash).toBeGreaterThan(50); // 50/s into 10/s capacity
    const report = sim.runToEnd().report();
    expect(conservationViolations(report)).toEqual([]);
    // queued + in service at the crash, plus ~50/s × 1 s of arrivals while down
    expect(report.nodes.api.dropped.nodeDown).toBeGreaterThan(queuedBeforeCrash + 30);
    expect(report.clients.users.failed.nodeDown).toBe(report.nodes.api.dropped.nodeDown);
  });

  it('nothing is in flight once traffic stops and every timeout has passed', () => {
    const spec = scenario({
      nodes: [
        client('users', 'api', { ratePerSec: 200, timeoutMs: 500, retry: retry(3) }),
        service('api', { workers: 4, queue: queue({ capacity: 20 }), errorRate: 0.1, calls: [call('db', { timeoutMs: 200, retry: retry(2) })] }),
        service('db', { workers: 2, serviceTime: exp(8) }),
      ],
      links: [link('users', 'api', {}, { latency: exp(5), loss: 0.05 }), link('api', 'db', {}, { latency: exp(2), capacityPerSec: 300, buffer: 5 })],
      faults: [
        { atMs: 3000, forMs: 1000, target: 'db', action: 'crash', params: {} },
        { atMs: 8000, forMs: Infinity, target: 'users', action: 'setRate', params: { ratePerSec: 0 } },
      ],
      durationMs: 20_000,
    });
    const report = new Simulation(spec).runToEnd().report();
    expect(conservationViolations(report)).toEqual([]);
    const users = report.clients.users;
    expect(users.inFlight).toBe(0);
    expect(users.generated).toBeGreaterThan(1000);
    expect(users.failed.timeout + users.failed.nodeDown + users.failed.error).toBeGreaterThan(0);
    expect(report.nodes.api.queued + report.nodes.api.inService).toBe(0);
  });
});
