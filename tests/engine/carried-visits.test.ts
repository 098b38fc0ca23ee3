import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine';
import { PHASE_HELD } from '../../src/engine/call';
import type { ClientRuntime } from '../../src/engine/kinds/client';
import type { DistributionSpec, FaultSpec, ScenarioSpec } from '../../src/engine/spec';
import { call, client, exp, link, ms, queue, retry, scenario, service } from '../support/spec-builder';

/**
 * Carried visits (a client root serving as its own one-hop attempt, transport.ts) are a second
 * implementation of the same semantics: with them and without (`carryVisits: false`) every number
 * of every report must be the same — counters, series, histograms, and the order of events
 * behind them (ids, a crash's order, ties).
 */

type Edit = { atMs: number; apply: (sim: Simulation) => void };

interface Family {
  spec: ScenarioSpec;
  edits: Edit[];
}

const serviceTime = fc.constantFrom<DistributionSpec>(
  exp(40),
  ms(30),
  { dist: 'lognormal', medianMs: 20, p99Ms: 200 },
  { dist: 'uniform', minMs: 5, maxMs: 60 },
);
const latency = fc.constantFrom<DistributionSpec>(ms(0), ms(0), exp(2), ms(3));

const faultOf = (kind: number, atMs: number, forMs: number): FaultSpec => {
  switch (kind) {
    case 0:
      return { atMs, forMs, target: 'api', action: 'crash', params: {} };
    case 1:
      return { atMs, forMs, target: 'api', action: 'slow', params: { factor: 3 } };
    case 2:
      return { atMs, forMs, target: 'api', action: 'error', params: { errorRate: 0.3 } };
    case 3:
      return { atMs, forMs, target: 'api', action: 'setWorkers', params: { workers: 1 } };
    case 4:
      return { atMs, forMs, target: 'users-api', action: 'down', params: {} };
    case 5:
      return { atMs, forMs, target: 'users-api', action: 'degrade', params: { latency: exp(5), loss: 0.05 } };
    default:
      return { atMs, forMs, target: 'users', action: 'setRate', params: { ratePerSec: 60 } };
  }
};

const editOf = (kind: number, atMs: number): Edit => {
  switch (kind) {
    case 0: // a timeout appears mid-run: from the next attempt on, the general path
      return { atMs, apply: (sim) => sim.patchNode('users', { timeoutMs: 80 }) };
    case 1:
      return { atMs, apply: (sim) => sim.patchLink('users-api', { latency: exp(4) }) };
    case 2:
      return { atMs, apply: (sim) => sim.patchNode('api', { workers: 2, queueCapacity: 3 }) };
    case 3:
      return { atMs, apply: (sim) => sim.inject({ atMs: 0, forMs: 1500, target: 'api', action: 'crash', params: {} }) };
    default:
      return { atMs, apply: (sim) => sim.patchLink('users-api', { up: false }) };
  }
};

/** One-hop clients beside a two-hop chain into the same station, with faults and live edits. */
const family: fc.Arbitrary<Family> = fc
  .record({
    seed: fc.integer({ min: 1, max: 1000 }),
    rate: fc.integer({ min: 5, max: 60 }),
    arrival: fc.constantFrom<'poisson' | 'constant'>('poisson', 'constant'),
    closedUsers: fc.integer({ min: 0, max: 8 }),
    workers: fc.constantFrom(1, 2, 3, Infinity),
    capacity: fc.constantFrom(Infinity, 0, 4, 20),
    discipline: fc.constantFrom<'fifo' | 'lifo'>('fifo', 'lifo'),
    maxWaitMs: fc.constantFrom(Infinity, 150),
    serviceTime,
    errorRate: fc.constantFrom(0, 0, 0.05),
    replicas: fc.constantFrom(1, 1, 2),
    slowdown: fc.constantFrom(0, 0, 2),
    attempts: fc.integer({ min: 1, max: 3 }),
    backoffMs: fc.constantFrom(0, 20),
    timeoutMs: fc.constantFrom(Infinity, Infinity, 300),
    deadlineMs: fc.constantFrom(Infinity, Infinity, 400),
    latency,
    loss: fc.constantFrom(0, 0, 0.03),
    linkCapacity: fc.constantFrom(Infinity, Infinity, 80),
    chain: fc.boolean(),
    faults: fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1000, max: 18_000 }), fc.integer({ min: 200, max: 4000 })), { maxLength: 3 }),
    edits: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 500, max: 19_000 })), { maxLength: 3 }),
  })
  .map((p) => {
    const nodes: ScenarioSpec['nodes'] = [
      client('users', 'api', { ratePerSec: p.rate, arrival: p.arrival, timeoutMs: p.timeoutMs, deadlineMs: p.deadlineMs, retry: retry(p.attempts, p.backoffMs, 'full') }),
      service('api', {
        workers: p.workers,
        queue: queue({ capacity: p.capacity, discipline: p.discipline, maxWaitMs: p.maxWaitMs }),
        serviceTime: p.serviceTime,
        errorRate: p.errorRate,
        replicas: p.replicas,
        slowdownPerInFlightMs: p.slowdown,
      }),
    ];
    const links = [link('users', 'api', {}, { latency: p.latency, loss: p.loss, capacityPerSec: p.linkCapacity })];
    if (p.closedUsers > 0) {
      nodes.push(client('team', 'api', { loop: 'closed', ratePerSec: 0, users: p.closedUsers, think: exp(100), retry: retry(2) }));
      links.push(link('team', 'api'));
    }
    if (p.chain) {
      // a general-path chain into the same station: its jobs and the carried ones share the pool
      nodes.push(client('batch', 'mid', { ratePerSec: 15 }), service('mid', { workers: 2, serviceTime: exp(5), calls: [call('api', { retry: retry(2) })] }));
      links.push(link('batch', 'mid'), link('mid', 'api', {}, { latency: p.latency }));
    }
    const spec = scenario({ seed: p.seed, durationMs: 20_000, warmupMs: 2000, nodes, links, faults: p.faults.map(([kind, atMs, forMs]) => faultOf(kind, atMs, forMs)) });
    return { spec, edits: p.edits.map(([kind, atMs]) => editOf(kind, atMs)).sort((a, b) => a.atMs - b.atMs) };
  });

/** Runs the family member with carried visits on or off; returns the report and how many were under way at the edits. */
function run(f: Family, carryVisits: boolean): { report: string; heldSeen: number } {
  const sim = new Simulation(structuredClone(f.spec), { carryVisits });
  let heldSeen = 0;
  // a pause at the midpoint too, so a run without edits still says whether visits were carried
  const pauses: Edit[] = [...f.edits, { atMs: 10_000, apply: () => {} }].sort((a, b) => a.atMs - b.atMs);
  for (const pause of pauses) {
    while (!sim.advanceUntil(pause.atMs, 1 << 20));
    heldSeen += sim.pool.calls.filter((c) => c.phase === PHASE_HELD).length;
    pause.apply(sim);
  }
  sim.runToEnd();
  return { report: JSON.stringify(sim.report()), heldSeen };
}

describe('carried visits', () => {
  it('change no number of any report: one-hop families with faults and live edits mid-run (fast-check, seed 16)', () => {
    let carriedRuns = 0;
    let runs = 0;
    fc.assert(
      fc.property(family, (f) => {
        const general = run(f, false);
        const carried = run(f, true);
        expect(general.heldSeen).toBe(0);
        expect(carried.report).toBe(general.report);
        runs++;
        if (carried.heldSeen > 0) carriedRuns++;
      }),
      { seed: 16, numRuns: 120 },
    );
    // the property must have exercised the carried path, not only the general one
    expect(carriedRuns).toBeGreaterThan(runs / 4);
  });

  it('a crash meets carried visits where their child calls would be in the pool (found by the property, 385th run)', () => {
    // unbounded workers hold many jobs at the crash; the chain and the closed loop mix the pool's ids
    const spec = scenario({
      seed: 272,
      durationMs: 20_000,
      warmupMs: 2000,
      nodes: [
        client('users', 'api', { ratePerSec: 43, retry: retry(2, 0, 'full') }),
        service('api', { workers: Infinity, serviceTime: { dist: 'uniform', minMs: 5, maxMs: 60 }, slowdownPerInFlightMs: 2, errorRate: 0.05 }),
        client('team', 'api', { loop: 'closed', ratePerSec: 0, users: 2, think: exp(100), retry: retry(2) }),
        client('batch', 'mid', { ratePerSec: 15 }),
        service('mid', { workers: 2, serviceTime: exp(5), calls: [call('api', { retry: retry(2) })] }),
      ],
      links: [link('users', 'api', {}, { capacityPerSec: 80 }), link('team', 'api'), link('batch', 'mid'), link('mid', 'api')],
    });
    const crash = { atMs: 4585, apply: (sim: Simulation) => sim.inject({ atMs: 0, forMs: 1500, target: 'api', action: 'crash', params: {} }) };
    const general = run({ spec, edits: [crash] }, false);
    const carried = run({ spec, edits: [crash] }, true);
    expect(carried.heldSeen).toBeGreaterThan(0);
    expect(carried.report).toBe(general.report);
  });

  it('S1 itself carries every request and reports the same', () => {
    const s1 = scenario({
      seed: 1,
      durationMs: 600_000,
      warmupMs: 60_000,
      sampleEveryMs: 10_000,
      nodes: [client('users', 'api', { ratePerSec: 8 }), service('api', { workers: 1, serviceTime: exp(100) })],
      links: [link('users', 'api')],
    });
    const general = new Simulation(structuredClone(s1), { carryVisits: false });
    const carried = new Simulation(structuredClone(s1));
    while (!carried.advanceUntil(300_000, 1 << 20));
    while (!general.advanceUntil(300_000, 1 << 20));
    // each request in flight holds one call and one held id, where the general path holds two calls
    const inFlight = (carried.nodes[0] as ClientRuntime).inFlight;
    expect(inFlight).toBeGreaterThan(0);
    expect(carried.pool.calls.filter((c) => c.phase === PHASE_HELD).length).toBe(inFlight);
    expect(carried.pool.live).toBe(general.pool.live);
    expect(JSON.stringify(carried.runToEnd().report())).toBe(JSON.stringify(general.runToEnd().report()));
  });
});
