import { describe, expect, it } from 'vitest';
import { liveEditsOf, NODE_KINDS, nodeFieldOffset, PATCHABLE_NODE_FIELDS, Simulation, type NodePatch, type NodeSpec, type ScenarioSpec } from '../../src/engine';
import type { ClientRuntime } from '../../src/engine/kinds/client';
import type { NodeRuntime } from '../../src/engine/kinds/node-runtime';
import type { StationRuntime } from '../../src/engine/kinds/station';
import { R_QUEUE_FULL } from '../../src/engine/reasons';
import { balancer, cache, client, identity, keyset, link, ms, queue, scenario, service } from '../support/spec-builder';

/**
 * Issue 15: every kind × every live-patchable field × 1 and 3 replicas, checking the engine's
 * state after the patch — on every replica. (A queue-capacity edit used to reach replica 0 only.)
 */
type Kind = NodeSpec['kind'];
const STATION_KINDS: readonly Kind[] = ['service', 'database', 'external', 'identity', 'keyset'];

/** The node under test, `x`, with `replicas` replicas where its kind has them, and a bulkhead that must keep its own pool. */
function graphWith(kind: Kind, replicas: number): ScenarioSpec {
  const station = { replicas, workers: 2, queue: queue({ capacity: 10 }), bulkheads: [{ name: 'side', when: ['side'], to: null, workers: 1, queue: queue({ capacity: 4 }) }] };
  const x: NodeSpec =
    kind === 'client'
      ? client('x', 'backend')
      : kind === 'balancer'
        ? balancer('x', ['backend'])
        : kind === 'cache'
          ? cache('x', 'backend')
          : kind === 'identity'
            ? identity('x', 'k1', station)
            : kind === 'keyset'
              ? keyset('x', ['k1'], station)
              : { ...service('x', station), kind };
  const users = client('users', kind === 'client' ? 'backend' : 'x', { classes: [{ name: 'default', weight: 1 }, { name: 'side', weight: 1 }] });
  return scenario({
    nodes: [users, x, service('backend')],
    links: [link('users', kind === 'client' ? 'backend' : 'x'), ...(kind === 'client' || kind === 'balancer' || kind === 'cache' ? [link('x', 'backend')] : [])],
    durationMs: 20_000,
  });
}

const NEW_VALUES: Required<NodePatch> = { ratePerSec: 33, timeoutMs: 1234, workers: 7, serviceTime: ms(42), errorRate: 0.25, queueCapacity: 5 };

/** What the engine holds for each field now, per replica where the kind has replicas. */
function stateOf(node: NodeRuntime, field: keyof NodePatch): unknown[] {
  const station = node as StationRuntime;
  const ownPools = () => Array.from({ length: station.replicas }, (_, r) => station.pools[r * station.poolsPerReplica]);
  switch (field) {
    case 'workers':
      return ownPools().map((pool) => pool.workers);
    case 'queueCapacity':
      return ownPools().map((pool) => pool.queueSpec.capacity);
    case 'serviceTime':
      return [station.serviceTime?.meanMs];
    case 'errorRate':
      return [station.errorRate];
    case 'ratePerSec':
      return [(node as ClientRuntime).ratePerSec];
    case 'timeoutMs':
      return node.plansByClass.flat().map((plan) => plan.timeoutMs);
  }
}

const expected = (field: keyof NodePatch, replicas: number, count: number): unknown[] => {
  const value = field === 'serviceTime' ? 42 : NEW_VALUES[field];
  return Array.from({ length: field === 'workers' || field === 'queueCapacity' ? replicas : count }, () => value);
};

describe('live patches: kind × field × replicas', () => {
  it('the matrix covers every kind and every patchable field', () => {
    expect(NODE_KINDS).toHaveLength(8);
    expect([...PATCHABLE_NODE_FIELDS].sort()).toEqual(['errorRate', 'queueCapacity', 'ratePerSec', 'serviceTime', 'timeoutMs', 'workers']);
    // identity providers and key sets are stations: they take what a service takes
    for (const kind of STATION_KINDS) expect(liveEditsOf(kind).map((e) => e.patch)).toEqual(['workers', 'serviceTime', 'errorRate', 'queueCapacity']);
    expect(liveEditsOf('client').map((e) => e.patch)).toEqual(['ratePerSec', 'timeoutMs']);
    expect(liveEditsOf('balancer')).toEqual([]);
    expect(liveEditsOf('cache')).toEqual([]);
  });

  for (const kind of NODE_KINDS) {
    for (const replicas of STATION_KINDS.includes(kind) ? [1, 3] : [1]) {
      for (const field of PATCHABLE_NODE_FIELDS) {
        const takes = liveEditsOf(kind).some((edit) => edit.patch === field);
        it(`${kind} × ${field} × ${replicas} replica(s): ${takes ? 'applied on every replica' : 'refused, state unchanged'}`, () => {
          const sim = new Simulation(graphWith(kind, replicas));
          sim.advanceUntil(5_000, Infinity);
          const node = sim.nodes[sim.nodeIndex.get('x')!];
          const before = stateOf(node, field);
          const rejected = sim.patchNode('x', { [field]: NEW_VALUES[field] });
          if (!takes) {
            expect(rejected).toEqual([field]);
            expect(stateOf(node, field)).toEqual(before);
            return;
          }
          expect(rejected).toEqual([]);
          expect(before).not.toEqual(expected(field, replicas, before.length));
          expect(stateOf(node, field)).toEqual(expected(field, replicas, before.length));
          // the bulkhead keeps its own pool
          if (STATION_KINDS.includes(kind)) {
            const station = node as StationRuntime;
            for (let r = 0; r < replicas; r++) expect(station.pools[r * station.poolsPerReplica + 1]).toMatchObject({ workers: 1, queueSpec: { capacity: 4 } });
          }
          // and the live state shows it
          const out = new Float64Array(sim.liveLayout().length);
          sim.writeLive(out);
          const x = sim.nodeIndex.get('x')!;
          if (field === 'workers') expect(out[nodeFieldOffset(x, 'workers')]).toBe(7);
          if (field === 'queueCapacity') expect(out[nodeFieldOffset(x, 'queueCapacity')]).toBe(5);
        });
      }
    }
  }

  it("a closed-loop client's rate is not live (the planner reloads; the engine refuses)", () => {
    const spec = graphWith('client', 1);
    spec.nodes[1] = client('x', 'backend', { loop: 'closed', users: 3, ratePerSec: 0 });
    const sim = new Simulation(spec);
    expect(sim.patchNode('x', { ratePerSec: 50 })).toEqual(['ratePerSec']);
    expect((sim.nodes[1] as ClientRuntime).ratePerSec).toBe(0);
  });

  it('a smaller queue capacity bounds the queue of every replica: all three refuse work', () => {
    // 300/s into 3 replicas of 1 worker at 20 ms (150/s): every replica's queue overflows
    const spec = scenario({
      nodes: [client('users', 'api', { ratePerSec: 300 }), service('api', { replicas: 3, workers: 1, serviceTime: ms(20), queue: queue({ capacity: 1000 }) })],
      links: [link('users', 'api')],
      durationMs: 20_000,
    });
    const sim = new Simulation(spec);
    sim.advanceUntil(1_000, Infinity);
    expect(sim.patchNode('api', { queueCapacity: 3 })).toEqual([]);
    const api = sim.nodes[1] as StationRuntime;
    const fullBefore = api.pools.map((pool) => pool.dropped[R_QUEUE_FULL]);
    let deepest = 0;
    for (let t = 6_000; t <= 10_000; t += 250) {
      sim.advanceUntil(t, Infinity);
      deepest = Math.max(deepest, ...api.pools.map((pool) => pool.queue.length));
    }
    expect(fullBefore).toEqual([0, 0, 0]);
    for (const pool of api.pools) expect(pool.dropped[R_QUEUE_FULL]).toBeGreaterThan(100);
    expect(deepest).toBeLessThanOrEqual(3);
  });
});
