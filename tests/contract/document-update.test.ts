// How an edited document reaches a running simulation: live patches for what the engine can
// change mid-run, a reload for anything else (workers/document-update.ts).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { Simulation } from '../../src/engine/index.ts';
import type { StationRuntime } from '../../src/engine/kinds/station.ts';
import { planDocumentChange } from '../../workers/document-update.ts';

const base = () => ({
  format: 'faultline.scenario/v1',
  name: 'two nodes',
  seed: 1,
  duration: '10m',
  nodes: [
    { id: 'users', kind: 'client', rate: 8, target: 'api', timeout: '2s' },
    { id: 'api', kind: 'service', workers: 1, queue: { capacity: 10 }, serviceTime: { dist: 'exponential', mean: '100ms' } },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api', latency: '1ms' }],
});
type Doc = ReturnType<typeof base>;

function plan(edit: (doc: Doc) => void) {
  const before = parseScenario(base());
  const doc = base();
  edit(doc);
  const after = parseScenario(doc);
  if (!before.ok || !after.ok) throw new Error('fixture does not validate');
  return planDocumentChange(before.spec, after.spec);
}

describe('planning a document change', () => {
  it('the same values in other notation, or only words changed, need nothing', () => {
    expect(plan((d) => (d.nodes[0].timeout = '2000ms'))).toEqual({ kind: 'same' });
    expect(plan((d) => (d.name = 'renamed'))).toEqual({ kind: 'same' });
  });

  it('rate, timeout, workers, service time, queue capacity and link parameters become patches with engine units', () => {
    const change = plan((d) => {
      d.nodes[0].rate = 20;
      d.nodes[0].timeout = '5s';
      d.nodes[1].workers = 'unbounded' as unknown as number;
      d.nodes[1].queue = { capacity: null as unknown as number };
      d.links[0].latency = '10ms';
      Object.assign(d.links[0], { loss: 0.1 });
    });
    expect(change).toEqual({
      kind: 'patch',
      plan: {
        nodes: [
          { id: 'users', patch: { ratePerSec: 20, timeoutMs: 5000 } },
          { id: 'api', patch: { workers: Infinity, queueCapacity: Infinity } },
        ],
        links: [{ id: 'users-api', patch: { latency: { dist: 'constant', valueMs: 10 }, loss: 0.1 } }],
      },
    });
  });

  it('structure and fields the engine cannot change mid-run reload', () => {
    expect(plan((d) => (d.seed = 2)).kind).toBe('reload');
    expect(plan((d) => (d.duration = '20m')).kind).toBe('reload');
    expect(plan((d) => d.nodes.push({ id: 'db', kind: 'database', workers: 1, serviceTime: '5ms' } as never)).kind).toBe('reload');
    expect(plan((d) => (d.nodes[1].queue = { capacity: 10, discipline: 'lifo' } as never)).kind).toBe('reload');
    expect(plan((d) => Object.assign(d, { faults: [{ at: '1m', target: 'api', action: 'crash' }] })).kind).toBe('reload');
    // a response direction that now differs from the request direction cannot be one patch
    expect(plan((d) => Object.assign(d.links[0], { back: { latency: '50ms' } })).kind).toBe('reload');
  });

  it('identity providers and key sets take what a service takes live, as the engine declares (they are stations)', () => {
    const withAuth = () => ({
      ...base(),
      nodes: [
        { id: 'users', kind: 'client', rate: 8, target: 'idp', timeout: '2s' },
        { id: 'idp', kind: 'identity', signingKey: 'k1', workers: 2, queue: { capacity: 10 } },
        { id: 'jwks', kind: 'keyset', keys: ['k1'], workers: 2, queue: { capacity: 10 } },
      ],
      links: [{ id: 'users-idp', from: 'users', to: 'idp' }],
    });
    const before = parseScenario(withAuth());
    const edited = withAuth();
    Object.assign(edited.nodes[1], { workers: 4, queue: { capacity: 3 } });
    Object.assign(edited.nodes[2], { errorRate: 0.5 });
    const after = parseScenario(edited);
    if (!before.ok || !after.ok) throw new Error('fixture does not validate');
    expect(planDocumentChange(before.spec, after.spec)).toEqual({
      kind: 'patch',
      plan: { nodes: [{ id: 'idp', patch: { workers: 4, queueCapacity: 3 } }, { id: 'jwks', patch: { errorRate: 0.5 } }], links: [] },
    });
  });

  it("a planned queue-capacity patch reaches every replica of the running service", () => {
    const replicated = () => ({ ...base(), nodes: [base().nodes[0], { ...base().nodes[1], replicas: 3 }] });
    const before = parseScenario(replicated());
    const edited = replicated();
    edited.nodes[1].queue = { capacity: 2 };
    const after = parseScenario(edited);
    if (!before.ok || !after.ok) throw new Error('fixture does not validate');
    const change = planDocumentChange(before.spec, after.spec);
    if (change.kind !== 'patch') throw new Error(`expected a patch, got ${change.kind}`);
    const sim = new Simulation(before.spec);
    sim.advanceUntil(1_000, Infinity);
    for (const { id, patch } of change.plan.nodes) expect(sim.patchNode(id, patch)).toEqual([]);
    const api = sim.nodes[1] as StationRuntime;
    expect(api.pools.map((pool) => pool.queueSpec.capacity)).toEqual([2, 2, 2]);
  });
});
