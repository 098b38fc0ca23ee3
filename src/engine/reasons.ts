/**
 * Why a request, job or message did not succeed. Integer codes in the hot loop; names in reports.
 * A failure's reason travels up the call chain, so a client sees why the deepest hop failed.
 */
export const REASONS = [
  'queueFull', // the node's queue was at capacity on arrival
  'timeout', // the caller stopped waiting for an attempt
  'shed', // dropped when it reached a worker: it had waited past queue.maxWait or its deadline
  'linkDown', // no usable link, or the link went down under the message
  'linkLoss', // the link lost the message
  'bufferFull', // the link's transmit buffer was full (drop-tail)
  'circuitOpen', // a circuit breaker refused the call
  'authRejected', // a validator rejected the token
  'error', // the node failed the request itself (error rate)
  'nodeDown', // the node was crashed
  'deadline', // the request's deadline passed (the user gave up, or a server abandoned it)
  'cancelled', // the caller gave up and the server, told so, stopped the job
] as const;

export type ReasonName = (typeof REASONS)[number];

export const R_QUEUE_FULL = 0;
export const R_TIMEOUT = 1;
export const R_SHED = 2;
export const R_LINK_DOWN = 3;
export const R_LINK_LOSS = 4;
export const R_BUFFER_FULL = 5;
export const R_CIRCUIT_OPEN = 6;
export const R_AUTH_REJECTED = 7;
export const R_ERROR = 8;
export const R_NODE_DOWN = 9;
export const R_DEADLINE = 10;
export const R_CANCELLED = 11;

/** Marks a successful outcome where a reason code is expected. */
export const OK = -1;

export const REASON_COUNT = REASONS.length;

export function reasonCounts(counts: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < REASON_COUNT; i++) out[REASONS[i]] = counts[i];
  return out;
}
