import { CIRCUIT_HALF_OPEN, CIRCUIT_OPEN, type CircuitBreaker } from './circuit-breaker.ts';
import type { EngineState } from './engine-state.ts';
import type { NodeRuntime } from './kinds/node-runtime.ts';
import { LINK_FIELD, LIVE_LINK_FIELDS, LIVE_NODE_FIELDS, NODE_FIELD, type LiveLinkField, type LiveNodeField, type LiveNodeRow } from './live-fields.ts';
import type { SeriesRecorder } from './series.ts';

export { LINK_FIELD, LIVE_LINK_FIELDS, LIVE_NODE_FIELDS, NODE_FIELD, type LiveLinkField, type LiveNodeField };

/**
 * The live state hosts stream to the canvas: a flat Float64Array with a fixed layout, cheap to
 * write every frame and to transfer between threads. Fields are named in live-fields.ts and
 * written by name here and by each kind (`NodeRuntime.writeLive`); readers look them up by name.
 *
 * Layout: [nowMs, events, then nodeCount × NODE_STRIDE, then linkCount × LINK_STRIDE].
 * Per-second rates come from the last complete sample interval.
 */
export const LIVE_HEADER = 2;
export const NODE_STRIDE = LIVE_NODE_FIELDS.length;
export const LINK_STRIDE = LIVE_LINK_FIELDS.length;

export interface LiveLayout {
  /** Key ids by bit position, for `trustedKeys`. */
  keyNames: string[];
  nodeIds: string[];
  nodeKinds: string[];
  linkIds: string[];
  nodeFields: readonly LiveNodeField[];
  linkFields: readonly LiveLinkField[];
  /** Length of the Float64Array `writeLive` fills. */
  length: number;
}

export function liveLayout(sim: EngineState): LiveLayout {
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
export function nodeFieldOffset(nodeIndex: number, field: LiveNodeField): number {
  return LIVE_HEADER + nodeIndex * NODE_STRIDE + NODE_FIELD[field];
}

export function linkFieldOffset(nodeCount: number, linkIndex: number, field: LiveLinkField): number {
  return LIVE_HEADER + nodeCount * NODE_STRIDE + linkIndex * LINK_STRIDE + LINK_FIELD[field];
}

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

/**
 * Fields a kind owns, at the value meaning "not this kind", written before the kind fills its own.
 * (`authRejectedPerSec` is 0 rather than -1: a node without a validator rejects no token.)
 */
const NOT_THIS_KIND: readonly [LiveNodeField, number][] = [
  ['workers', -1],
  ['queueCapacity', -1],
  ['hitRatio', -1],
  ['rejectingShare', -1],
  ['trustedKeys', -1],
  ['nextRefreshInMs', -1],
  ['publishedKeys', -1],
  ['missingKeys', -1],
  ['signingKey', -1],
  ['rejectingKeys', -1],
  ['keysetFetchesPerSec', -1],
  ['reauthPerSec', -1],
];

/** One node's stretch of the output array; moved from node to node while writing. */
class NodeRow implements LiveNodeRow {
  out: Float64Array = new Float64Array(0);
  base = 0;
  nowMs = 0;
  perSec = 0;
  keysInUse = 0;
  keysNeeded = 0;
  constructor(readonly series: SeriesRecorder) {}

  set(field: LiveNodeField, value: number): void {
    this.out[this.base + NODE_FIELD[field]] = value;
  }

  rate(column: number): number {
    return this.series.rows > 0 ? this.series.latest(column) * this.perSec : 0;
  }

  latest(column: number): number {
    return this.series.rows > 0 ? this.series.latest(column) : 0;
  }
}

const finiteOr = (value: number, fallback: number): number => (value === Infinity ? fallback : value);

export function writeLive(sim: EngineState, out: Float64Array): void {
  const series = sim.series;
  const row = new NodeRow(series);
  row.out = out;
  row.nowMs = sim.nowMs;
  row.perSec = 1000 / series.intervalMs;
  row.keysInUse = sim.keysInUseMask();
  row.keysNeeded = row.keysInUse | sim.signingKeysMask();
  out[0] = sim.nowMs;
  out[1] = sim.eventCount;
  let o = LIVE_HEADER;
  for (const node of sim.nodes) {
    const c = node.seriesColumns;
    row.base = o;
    row.set('queued', node.stats.queued);
    row.set('inService', node.stats.inService);
    row.set('arrivedPerSec', row.rate(c.arrived));
    row.set('completedPerSec', row.rate(c.completed));
    row.set('droppedPerSec', row.rate(c.dropped));
    row.set('latencyP50Ms', row.latest(c.p50));
    row.set('latencyP99Ms', row.latest(c.p99));
    row.set('down', node.down ? 1 : 0);
    row.set('attemptsPerSec', c.attempts >= 0 ? row.rate(c.attempts) : 0);
    row.set('circuitState', worstCircuit(node, sim.nowMs));
    row.set('authRejectedPerSec', c.authRejected >= 0 ? row.rate(c.authRejected) : 0);
    row.set('alertsFiring', sim.alerts === null ? 0 : sim.alerts.firingOnNode[node.index]);
    for (const [field, value] of NOT_THIS_KIND) row.set(field, value);
    node.writeLive(row);
    o += NODE_STRIDE;
  }
  for (const link of sim.links) {
    const c = sim.linkColumns[link.index];
    out[o + LINK_FIELD.up] = link.up ? 1 : 0;
    out[o + LINK_FIELD.bufferDepth] = link.forward.bufferDepth(sim.nowMs);
    out[o + LINK_FIELD.bufferCapacity] = link.forward.limited ? finiteOr(link.forward.buffer, -1) : 0;
    out[o + LINK_FIELD.sentPerSec] = row.rate(c.sent);
    out[o + LINK_FIELD.droppedPerSec] = row.rate(c.dropped);
    out[o + LINK_FIELD.utilization] = row.latest(c.utilization);
    out[o + LINK_FIELD.loss] = link.forward.loss;
    out[o + LINK_FIELD.alertsFiring] = sim.alerts === null ? 0 : sim.alerts.firingOnLink[link.index];
    o += LINK_STRIDE;
  }
}
