import { OK } from './reasons.ts';

/** Where a call is in its life. */
export const PHASE_FREE = 0;
export const PHASE_TO_NODE = 1; // request message in transit on a link
export const PHASE_QUEUED = 2; // waiting for a worker
export const PHASE_SERVICE = 3; // holding a worker for its own service time
export const PHASE_WAITING = 4; // waiting for a downstream attempt (still holding its worker)
export const PHASE_BACKOFF = 5; // waiting to retry a downstream step
export const PHASE_TO_CALLER = 6; // response message in transit back to the caller

/** A job is working at its node: holding a worker or waiting on a downstream attempt. */
export function isWorking(phase: number): boolean {
  return phase === PHASE_SERVICE || phase === PHASE_WAITING || phase === PHASE_BACKOFF;
}

/**
 * One attempt of one hop, and the job it becomes at the node that receives it. A client's original
 * request is a root call (no parent) that lives at the client. Calls are pooled and reused: events
 * refer to them by `id` and carry the `token` they were scheduled with, so an event whose call has
 * moved on (timed out, crashed, reused) is recognised as stale and ignored.
 */
export class Call {
  readonly id: number;
  /** Bumped on every release; a root's deadline event carries it. */
  gen = 0;
  /** Changed whenever the call's pending event is scheduled or invalidated. */
  token = 0;
  phase = PHASE_FREE;
  /** The node this job runs at. */
  node = -1;
  parent: Call | null = null;
  /** The caller stopped waiting (timeout, deadline, crash); the work goes on, its response is discarded. */
  parentGaveUp = false;
  /** The link this call travels on between the parent's node and `node`. */
  link = -1;
  linkEpoch = 0;
  sentMs = 0;
  classIndex = 0;
  /** When the original client request was created. */
  originMs = 0;
  deadlineMs = Infinity;
  arrivedMs = 0;
  /** Outcome carried by the response: OK or a reason code. */
  result = OK;
  /** Index of the downstream step this job is on, and attempts made on it. */
  step = 0;
  stepAttempts = 0;
  child: Call | null = null;
  childTarget = -1;
  lastBackoffMs = 0;
  /** How the current attempt passed its circuit breaker (PASS, PROBE) or went to its fallback. */
  admission = 0;
  /** When the parent stopped waiting (meaningful once parentGaveUp). */
  gaveUpAtMs = Infinity;
  /** When the job took a worker; its worker pool (bulkhead) at a service. */
  startedMs = 0;
  pool = 0;
  /** The replica of its node that serves it (services with `replicas`). */
  replica = 0;
  /** The token it carries: key index (-1: none) and expiry. Calls inherit their job's token. */
  tokenKey = -1;
  tokenExpiresMs = 0;
  /** What its answer carries (a key-set fetch: the key mask; a sign-in: key and expiry)… */
  payload = 0;
  payload2 = 0;
  /** …copied onto the waiting job when the answer arrives. */
  answer = 0;
  answer2 = 0;
  /** Client roots: the token holder it belongs to, and whether it already signed in again. */
  session = 0;
  reauthenticated = false;

  constructor(id: number) {
    this.id = id;
  }
}

/** The time the first ancestor's caller gave up on this job's chain, or Infinity if nobody did. */
export function gaveUpAtMs(job: Call): number {
  for (let c: Call | null = job; c !== null; c = c.parent) if (c.parentGaveUp) return c.gaveUpAtMs;
  return Infinity;
}

export class CallPool {
  readonly calls: Call[] = [];
  private readonly freeIds: number[] = [];
  live = 0;

  acquire(): Call {
    const id = this.freeIds.pop();
    const call = id === undefined ? this.create() : this.calls[id];
    this.live++;
    return call;
  }

  release(call: Call): void {
    // Only what a new use reads before writing is reset; the rest (arrivedMs, pool, replica,
    // payload, answer, gaveUpAtMs, admission…) is always set before it is read.
    call.gen++;
    call.phase = PHASE_FREE;
    call.parent = null;
    call.child = null;
    call.parentGaveUp = false;
    call.result = OK;
    call.step = 0;
    call.stepAttempts = 0;
    call.childTarget = -1;
    call.lastBackoffMs = 0;
    call.deadlineMs = Infinity;
    call.tokenKey = -1;
    call.reauthenticated = false;
    this.freeIds.push(call.id);
    this.live--;
  }

  private create(): Call {
    const call = new Call(this.calls.length);
    this.calls.push(call);
    return call;
  }
}

/** A double-ended queue of calls (FIFO takes the oldest, LIFO the newest). */
export class CallDeque {
  private items: (Call | null)[] = new Array<Call | null>(16).fill(null);
  private head = 0;
  length = 0;

  pushBack(call: Call): void {
    if (this.length === this.items.length) this.grow();
    this.items[(this.head + this.length) & (this.items.length - 1)] = call;
    this.length++;
  }

  popFront(): Call {
    const call = this.items[this.head] as Call;
    this.items[this.head] = null;
    this.head = (this.head + 1) & (this.items.length - 1);
    this.length--;
    return call;
  }

  popBack(): Call {
    const slot = (this.head + this.length - 1) & (this.items.length - 1);
    const call = this.items[slot] as Call;
    this.items[slot] = null;
    this.length--;
    return call;
  }

  /** The call at position i from the front. */
  at(i: number): Call {
    return this.items[(this.head + i) & (this.items.length - 1)] as Call;
  }

  drain(visit: (call: Call) => void): void {
    while (this.length > 0) visit(this.popFront());
  }

  private grow(): void {
    const next = new Array<Call | null>(this.items.length * 2).fill(null);
    for (let i = 0; i < this.length; i++) next[i] = this.items[(this.head + i) & (this.items.length - 1)];
    this.items = next;
    this.head = 0;
  }
}
