import type { SeriesRecorder } from './series.ts';

/**
 * The names of the live numbers hosts stream to the canvas, declared once. The writer and every
 * reader use these names; offsets are compiled from them once (`NODE_FIELD`, `LINK_FIELD`), so a
 * misspelt field is a type error, not a "–" on screen for ever. A new field is appended.
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
  'alertsFiring', // alerts firing now whose bell is on this node (its target, or what its probe checks); 0 without alerts
] as const;

export const LIVE_LINK_FIELDS = [
  'up', // 1 up, 0 down
  'bufferDepth', // messages waiting in the request direction
  'bufferCapacity', // -1 = unbounded
  'sentPerSec',
  'droppedPerSec',
  'utilization', // 0..1, the request direction's transmitter
  'loss', // configured loss probability now
  'alertsFiring', // alerts firing now on this link; 0 without alerts
] as const;

export type LiveNodeField = (typeof LIVE_NODE_FIELDS)[number];
export type LiveLinkField = (typeof LIVE_LINK_FIELDS)[number];

function offsetsOf<F extends string>(fields: readonly F[]): Readonly<Record<F, number>> {
  return Object.freeze(Object.fromEntries(fields.map((field, i) => [field, i])) as Record<F, number>);
}

/** Offset of each field within a node's (a link's) stretch of the live array. */
export const NODE_FIELD = offsetsOf(LIVE_NODE_FIELDS);
export const LINK_FIELD = offsetsOf(LIVE_LINK_FIELDS);

/**
 * One node's stretch of the live array while it is written, and what a kind needs to fill its
 * own fields: the last complete interval's series, the keys in use. Every field starts at the
 * value meaning "not this kind" (live.ts); a kind sets the ones it owns (`NodeRuntime.writeLive`).
 */
export interface LiveNodeRow {
  set(field: LiveNodeField, value: number): void;
  readonly nowMs: number;
  readonly series: SeriesRecorder;
  /** Per-second rate of a count column over the last complete interval (0 before the first). */
  rate(column: number): number;
  /** 1000 / the sample interval: a count per interval times this is a rate per second. */
  readonly perSec: number;
  /** Keys some client's token holder has a token of. */
  readonly keysInUse: number;
  /** Keys in use, or signed with by an identity provider now. */
  readonly keysNeeded: number;
}
