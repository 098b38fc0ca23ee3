import { CacheRuntime } from './kinds/cache';
import { ClientRuntime } from './kinds/client';
import { IdentityRuntime } from './kinds/identity';
import { KeysetRuntime } from './kinds/keyset';
import { StationRuntime } from './kinds/station';
import { CIRCUIT_HALF_OPEN, CIRCUIT_OPEN, type CircuitBreaker } from './circuit-breaker';
import type { NodeRuntime } from './kinds/node-runtime';
import type { Simulation } from './simulation';

/**
 * The live state hosts stream to the canvas: a flat Float64Array with a fixed layout, cheap to
 * write every frame and to transfer between threads. `LIVE_NODE_FIELDS` and `LIVE_LINK_FIELDS`
 * name the numbers; readers look fields up by name (`liveFieldIndex`), so adding one breaks nobody.
 *
 * Layout: [nowMs, events, then nodeCount × NODE_STRIDE, then linkCount × LINK_STRIDE].
 * Per-second rates come from the last complete sample interval.
 */
export const LIVE_NODE_FIELDS = [
  'queued', // jobs waiting (0 for clients)
  'inService', // jobs holding a worker / forwarded; for clients, requests in flight
  'workers', // available workers; -1 = unbounded (and for clients and balancers)
  'queueCapacity', // -1 = unbounded
  'arrivedPerSec', // clients: generated
  'completedPerSec', // clients: succeeded
  'droppedPerSec', // clients: failed
  'latencyP50Ms',
  'latencyP99Ms',
  'down', // 1 when crashed
  'attemptsPerSec', // clients only
  'hitRatio', // caches: (hits + stale) / lookups in the last interval; -1 for other kinds or no lookups
  'circuitState', // the node's worst circuit breaker: 1 open, 0.5 half-open, 0 closed; -1 if it has none
  'authRejectedPerSec', // tokens rejected per second (last interval); clients with auth: their requests that failed for a rejected token
  'rejectingShare', // validators: share of replicas distrusting a key live tokens use; -1 for non-validators
  'trustedKeys', // validators: bitmask of key indexes every replica trusts (names: LiveLayout.keyNames); -1 otherwise
  'nextRefreshInMs', // validators: until the earliest replica's scheduled key-set refresh; -1 otherwise
  // Identity state (key bitmasks are over LiveLayout.keyNames, like trustedKeys):
  'publishedKeys', // key sets: bitmask of the keys it publishes now (after remove/add/restore faults); -1 otherwise
  'missingKeys', // key sets: keys that live tokens are signed with, or an identity provider signs with, but it does not publish; -1 otherwise
  'signingKey', // identity providers: index of the key new tokens are signed with now; -1 otherwise
  'rejectingKeys', // validators: keys live tokens use that at least one replica distrusts (which key is rejected); -1 otherwise
  'keysetFetchesPerSec', // validators: their key-set fetches per second; key sets: fetches served per second; -1 otherwise
  'reauthPerSec', // clients with auth: users signing in again after a rejected token, per second; -1 otherwise
] as const;

export const LIVE_LINK_FIELDS = [
  'up', // 1 up, 0 down
  'bufferDepth', // messages waiting in the request direction
  'bufferCapacity', // -1 = unbounded
  'sentPerSec',
  'droppedPerSec',
  'utilization', // 0..1, the request direction's transmitter
  'loss', // configured loss probability now
] as const;

export const LIVE_HEADER = 2;
export const NODE_STRIDE = LIVE_NODE_FIELDS.length;
export const LINK_STRIDE = LIVE_LINK_FIELDS.length;

export interface LiveLayout {
  /** Key ids by bit position, for `trustedKeys`. */
  keyNames: string[];
  nodeIds: string[];
  nodeKinds: string[];
  linkIds: string[];
  nodeFields: readonly string[];
  linkFields: readonly string[];
  /** Length of the Float64Array `writeLive` fills. */
  length: number;
}

export function liveLayout(sim: Simulation): LiveLayout {
  return {
    keyNames: [...sim.keyNames],
    nodeIds: sim.nodes.map((n) => n.id),
    nodeKinds: sim.nodes.map((n) => n.kind),
    linkIds: sim.links.map((l) => l.spec.id),
    nodeFields: LIVE_NODE_FIELDS,
    linkFields: LIVE_LINK_FIELDS,
    length: LIVE_HEADER + sim.nodes.length * NODE_STRIDE + sim.links.length * LINK_STRIDE,
  };
}

/** Offset of `field` for node `nodeIndex` (or link `linkIndex` with `linkFieldOffset`). */
export function nodeFieldOffset(nodeIndex: number, field: (typeof LIVE_NODE_FIELDS)[number]): number {
  return LIVE_HEADER + nodeIndex * NODE_STRIDE + LIVE_NODE_FIELDS.indexOf(field);
}

export function linkFieldOffset(nodeCount: number, linkIndex: number, field: (typeof LIVE_LINK_FIELDS)[number]): number {
  return LIVE_HEADER + nodeCount * NODE_STRIDE + linkIndex * LINK_STRIDE + LIVE_LINK_FIELDS.indexOf(field);
}

const finiteOr = (value: number, fallback: number): number => (value === Infinity ? fallback : value);

const breakersByNode = new WeakMap<NodeRuntime, CircuitBreaker[]>();

/** The node's breakers (found once), and the worst state among them now. */
function worstCircuit(node: NodeRuntime, nowMs: number): number {
  let breakers = breakersByNode.get(node);
  if (breakers === undefined) {
    breakers = [...new Set(node.plansByClass.flat().map((plan) => plan.breaker))].filter((b): b is CircuitBreaker => b !== null);
    breakersByNode.set(node, breakers);
  }
  if (breakers.length === 0) return -1;
  let worst = 0;
  for (const b of breakers) {
    b.admitPeek(nowMs);
    worst = Math.max(worst, b.state === CIRCUIT_OPEN ? 1 : b.state === CIRCUIT_HALF_OPEN ? 0.5 : 0);
  }
  return worst;
}

export function writeLive(sim: Simulation, out: Float64Array): void {
  const series = sim.series;
  const perSec = 1000 / series.intervalMs;
  const rate = (column: number): number => (series.rows > 0 ? series.latest(column) * perSec : 0);
  const latest = (column: number): number => (series.rows > 0 ? series.latest(column) : 0);
  out[0] = sim.nowMs;
  out[1] = sim.eventCount;
  const keysInUse = sim.keysInUseMask();
  const keysNeeded = keysInUse | sim.signingKeysMask();
  let o = LIVE_HEADER;
  for (const node of sim.nodes) {
    const c = node.seriesColumns;
    if (node instanceof ClientRuntime) {
      out[o] = 0;
      out[o + 1] = node.inFlight;
      out[o + 2] = -1;
      out[o + 3] = -1;
    } else {
      out[o] = node.stats.queued;
      out[o + 1] = node.stats.inService;
      out[o + 2] = node instanceof StationRuntime ? finiteOr(node.workers, -1) : -1;
      out[o + 3] = node instanceof StationRuntime ? finiteOr(node.pools[0].queueSpec.capacity, -1) : -1;
    }
    out[o + 4] = rate(c.arrived);
    out[o + 5] = rate(c.completed);
    out[o + 6] = rate(c.dropped);
    out[o + 7] = latest(c.p50);
    out[o + 8] = latest(c.p99);
    out[o + 9] = node.down ? 1 : 0;
    out[o + 10] = c.attempts >= 0 ? rate(c.attempts) : 0;
    out[o + 11] = node instanceof CacheRuntime ? node.intervalHitRatio(series) : -1;
    out[o + 12] = worstCircuit(node, sim.nowMs);
    out[o + 13] = c.authRejected >= 0 ? rate(c.authRejected) : node instanceof ClientRuntime ? node.authFailedInLastInterval * perSec : 0;
    const validator = node instanceof StationRuntime ? node.validator : null;
    out[o + 14] = validator === null ? -1 : validator.rejectingShare(keysInUse);
    out[o + 15] = validator === null ? -1 : validator.trustedByAll();
    out[o + 16] = validator === null ? -1 : Math.max(0, validator.earliestRefreshMs() - sim.nowMs);
    const keyset = node instanceof KeysetRuntime ? node : null;
    out[o + 17] = keyset === null ? -1 : keyset.publishedMask;
    out[o + 18] = keyset === null ? -1 : keysNeeded & ~keyset.publishedMask;
    out[o + 19] = node instanceof IdentityRuntime ? node.signingKey : -1;
    out[o + 20] = validator === null ? -1 : validator.distrustedAnywhere(keysInUse);
    const fetchesColumn = node instanceof StationRuntime ? node.keysetFetchesColumn : -1;
    out[o + 21] = keyset !== null ? rate(c.arrived) : fetchesColumn >= 0 ? rate(fetchesColumn) : -1;
    out[o + 22] = node instanceof ClientRuntime && node.sessions !== null ? node.reauthInLastInterval * perSec : -1;
    o += NODE_STRIDE;
  }
  for (const link of sim.links) {
    const c = sim.linkColumns[link.index];
    out[o] = link.up ? 1 : 0;
    out[o + 1] = link.forward.bufferDepth(sim.nowMs);
    out[o + 2] = link.forward.limited ? finiteOr(link.forward.buffer, -1) : 0;
    out[o + 3] = rate(c.sent);
    out[o + 4] = rate(c.dropped);
    out[o + 5] = latest(c.utilization);
    out[o + 6] = link.forward.loss;
    o += LINK_STRIDE;
  }
}
