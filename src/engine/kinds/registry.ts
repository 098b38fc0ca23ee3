import type { AnyLiveEdit } from '../live-edits.ts';
import type { NodeSpec } from '../spec.ts';
import { BalancerRuntime } from './balancer.ts';
import { CacheRuntime } from './cache.ts';
import { CLIENT_LIVE_EDITS, ClientRuntime } from './client.ts';
import { IdentityRuntime } from './identity.ts';
import { KeysetRuntime } from './keyset.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { STATION_LIVE_EDITS, StationRuntime } from './station.ts';

type NodeKind = NodeSpec['kind'];

interface KindEntry<S extends NodeSpec> {
  create(index: number, spec: S, seed: number): NodeRuntime;
  /** What a running node of the kind takes live (declared in its runtime file). */
  liveEdits: readonly AnyLiveEdit[];
}

/**
 * One line per component kind: adding a kind means one runtime file and one line here (and a
 * format file and a UI file: src/engine/README.md). The rest of the engine asks the runtime
 * what to do, never what it is.
 */
const KINDS: { [K in NodeKind]: KindEntry<Extract<NodeSpec, { kind: K }>> } = {
  client: { create: (index, spec, seed) => new ClientRuntime(index, spec, seed), liveEdits: CLIENT_LIVE_EDITS },
  service: { create: (index, spec, seed) => new StationRuntime(index, spec, seed), liveEdits: STATION_LIVE_EDITS },
  database: { create: (index, spec, seed) => new StationRuntime(index, spec, seed), liveEdits: STATION_LIVE_EDITS },
  external: { create: (index, spec, seed) => new StationRuntime(index, spec, seed), liveEdits: STATION_LIVE_EDITS },
  balancer: { create: (index, spec, seed) => new BalancerRuntime(index, spec, seed), liveEdits: [] },
  cache: { create: (index, spec, seed) => new CacheRuntime(index, spec, seed), liveEdits: [] },
  identity: { create: (index, spec, seed) => new IdentityRuntime(index, spec, seed), liveEdits: STATION_LIVE_EDITS },
  keyset: { create: (index, spec, seed) => new KeysetRuntime(index, spec, seed), liveEdits: STATION_LIVE_EDITS },
};

export function createNodeRuntime(index: number, spec: NodeSpec, seed: number): NodeRuntime {
  return (KINDS[spec.kind] as KindEntry<NodeSpec>).create(index, spec, seed);
}

/** The parameters a running node of `kind` takes live: what the worker's planner patches instead of reloading. */
export function liveEditsOf(kind: NodeKind): readonly AnyLiveEdit[] {
  return KINDS[kind].liveEdits;
}

/** Every kind the engine runs. */
export const NODE_KINDS = Object.keys(KINDS) as NodeKind[];
