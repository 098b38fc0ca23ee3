/** What a call is doing at a cache. */
export const ROLE_NONE = 0;
/** Answering from a fresh or stale entry after the hit time. */
export const ROLE_HIT = 1;
/** Answering `error` from a fresh negative entry after the hit time. */
export const ROLE_NEGATIVE_HIT = 2;
/** A miss waiting for a backend fetch. */
export const ROLE_WAITER = 3;
/** The cache's own call to its backend: no caller of its own; it answers its waiters. */
export const ROLE_FETCH = 4;

/**
 * A cache's per-call state, in typed arrays indexed by call id (calls are pooled, so ids stay
 * small and are reused): each call's role, each fetch's key, and each fetch's waiters as a doubly
 * linked list. Grows with the pool; nothing is allocated per request.
 */
export class CacheJobs {
  role: Uint8Array = new Uint8Array(64);
  /** The key a fetch reads. */
  keyOf: Int32Array = new Int32Array(64);
  /** Per fetch: its first and last waiter (call ids), -1 when none. */
  private firstWaiter: Int32Array = new Int32Array(64);
  private lastWaiter: Int32Array = new Int32Array(64);
  /** Per waiter: its neighbours in its fetch's list, and the fetch. */
  next: Int32Array = new Int32Array(64);
  private prev: Int32Array = new Int32Array(64);
  private fetchOf: Int32Array = new Int32Array(64);

  /** Makes room for call ids below `callCount`. */
  ensure(callCount: number): void {
    if (callCount <= this.role.length) return;
    let size = this.role.length;
    while (size < callCount) size *= 2;
    this.role = grownU8(this.role, size);
    this.keyOf = grown(this.keyOf, size);
    this.firstWaiter = grown(this.firstWaiter, size);
    this.lastWaiter = grown(this.lastWaiter, size);
    this.next = grown(this.next, size);
    this.prev = grown(this.prev, size);
    this.fetchOf = grown(this.fetchOf, size);
  }

  startFetch(fetch: number, key: number): void {
    this.role[fetch] = ROLE_FETCH;
    this.keyOf[fetch] = key;
    this.firstWaiter[fetch] = -1;
    this.lastWaiter[fetch] = -1;
  }

  /** Appends `waiter` to the fetch's waiters (answered in arrival order). */
  join(waiter: number, fetch: number): void {
    this.role[waiter] = ROLE_WAITER;
    this.fetchOf[waiter] = fetch;
    const last = this.lastWaiter[fetch];
    this.prev[waiter] = last;
    this.next[waiter] = -1;
    if (last >= 0) this.next[last] = waiter;
    else this.firstWaiter[fetch] = waiter;
    this.lastWaiter[fetch] = waiter;
  }

  /** Takes a waiter out of its fetch's list (it was answered some other way). */
  leave(waiter: number): void {
    const fetch = this.fetchOf[waiter];
    const prev = this.prev[waiter];
    const next = this.next[waiter];
    if (prev >= 0) this.next[prev] = next;
    else this.firstWaiter[fetch] = next;
    if (next >= 0) this.prev[next] = prev;
    else this.lastWaiter[fetch] = prev;
    this.role[waiter] = ROLE_NONE;
  }

  /**
   * Detaches the fetch's waiters and returns the first (follow `next`, -1 ends); the fetch's
   * slot is free for reuse at once, so answering the waiters may start new fetches safely.
   */
  takeWaiters(fetch: number): number {
    const first = this.firstWaiter[fetch];
    this.firstWaiter[fetch] = -1;
    this.lastWaiter[fetch] = -1;
    this.role[fetch] = ROLE_NONE;
    return first;
  }
}

function grown(from: Int32Array, size: number): Int32Array {
  const to = new Int32Array(size);
  to.set(from);
  return to;
}

function grownU8(from: Uint8Array, size: number): Uint8Array {
  const to = new Uint8Array(size);
  to.set(from);
  return to;
}
