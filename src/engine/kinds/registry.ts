import type { NodeSpec } from '../spec';
import { BalancerRuntime } from './balancer';
import { CacheRuntime } from './cache';
import { ClientRuntime } from './client';
import { IdentityRuntime } from './identity';
import { KeysetRuntime } from './keyset';
import type { NodeRuntime } from './node-runtime';
import { StationRuntime } from './station';

/** One entry per component kind: adding a kind means one runtime file and one line here. */
export function createNodeRuntime(index: number, spec: NodeSpec, seed: number): NodeRuntime {
  switch (spec.kind) {
    case 'client':
      return new ClientRuntime(index, spec, seed);
    case 'service':
    case 'database':
    case 'external':
      return new StationRuntime(index, spec, seed);
    case 'balancer':
      return new BalancerRuntime(index, spec, seed);
    case 'cache':
      return new CacheRuntime(index, spec, seed);
    case 'identity':
      return new IdentityRuntime(index, spec, seed);
    case 'keyset':
      return new KeysetRuntime(index, spec, seed);
  }
}
