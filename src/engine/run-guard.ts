/**
 * The run guard: stops a valid scenario that runs away — loops at one instant for ever, or piles
 * up work in memory faster than it finishes it — with a reason that names the node or link that
 * grew and what to change. It lives in the engine so every host (the browser worker, the CLI's
 * `run`, sweeps on worker threads, the experiment and compare workers) gets the same guard.
 *
 * Cheap by construction: `Simulation.advance` calls `check` every `checkEveryEvents` events (no
 * per-event test), and a check reads a few counters the engine keeps anyway. Only when a limit
 * is crossed does it look at every node and link, to say which one grew. No clock: the host may
 * pass a heap probe, read every `heapEveryChecks` checks. The numbers are explained in
 * docs/security.md ("The run guard").
 */
import { diagnose, type Culprit } from './run-guard-diagnosis.ts';
import type { EngineState } from './engine-state.ts';

export const RUN_GUARD_LIMITS = {
  /** Events between checks: ~1 ms of work, so a runaway is seen within a slice. */
  checkEveryEvents: 4096,
  /** Events run without the simulated clock moving. A legitimate instant (a million users starting at t = 0: ~1 M events) stays well below. */
  maxEventsWithoutProgress: 10_000_000,
  /**
   * Events waiting in the heap at once. 28 bytes a slot, doubling when full: this stops before
   * 2^23 slots (235 MB) become 2^24 (470 MB). A million requests a second on 5 s links keeps 5 M.
   */
  maxQueuedEvents: 8_000_000,
  /** Timers (timeouts, deadlines) waiting at once, cancelled ones included until due: 28 bytes each. */
  maxPendingTimers: 16_000_000,
  /**
   * Requests and calls alive at once — queued at a node, in service, in transit on a link, or
   * waiting at a client for an answer. About 380 bytes each: 2.5 M is ~1 GB. A million closed-loop
   * users (the most a file may have) with one call each keeps 2 M.
   */
  maxCallsInFlight: 2_500_000,
  /** The host's heap (when it can measure it) may not pass this, nor `maxHeapShare` of its limit. */
  maxHeapBytes: 3 * 2 ** 30,
  maxHeapShare: 0.8,
  /** Checks between heap probes (~33 k events, a few ms of work: a probe costs a microsecond or two). */
  heapEveryChecks: 8,
};

export type RunGuardLimits = typeof RUN_GUARD_LIMITS;

/** What the host's heap holds now and may hold at most (bytes); null when it cannot tell. */
export type HeapProbe = () => { usedBytes: number; limitBytes: number } | null;

/** Which limit stopped the run. */
export type RunawayKind = 'noProgress' | 'eventQueue' | 'pendingTimers' | 'callsInFlight' | 'heap';

export interface RunawayReason {
  kind: RunawayKind;
  /** Simulated time when the run was stopped. */
  atMs: number;
  /** What was measured, against the limit it crossed (events, calls, timers or bytes). */
  measured: number;
  limit: number;
  /** The node or link that holds most of what grew, when one does. */
  culprit: Culprit | null;
  /** One paragraph for people: what happened, where, and what to change. */
  message: string;
}

/** Thrown by `Simulation.advance` between two events (the simulation's state is consistent). */
export class RunawayRunError extends Error {
  constructor(readonly reason: RunawayReason) {
    super(reason.message);
    this.name = 'RunawayRunError';
  }
}

export interface RunGuardOptions {
  limits?: Partial<RunGuardLimits>;
  heapProbe?: HeapProbe;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

export function formatSimMs(ms: number): string {
  return ms < 1000 ? `${Number(ms.toFixed(3))} ms` : `${(ms / 1000).toFixed(3)} s`;
}

export class RunGuard {
  readonly limits: RunGuardLimits;
  /** Counted down by `Simulation.advance`; at 0 it calls `check`. */
  eventsToCheck: number;
  /** Set once the guard has stopped the run: `advance` throws it again rather than go on. */
  stopped: RunawayRunError | null = null;
  private readonly heapProbe: HeapProbe | undefined;
  private stalledAtMs = 0;
  private eventsAtStall = 0;
  private checksToHeap: number;

  constructor(options: RunGuardOptions = {}) {
    this.limits = { ...RUN_GUARD_LIMITS, ...options.limits };
    this.heapProbe = options.heapProbe;
    this.eventsToCheck = this.limits.checkEveryEvents;
    this.checksToHeap = this.limits.heapEveryChecks;
  }

  /** Throws RunawayRunError when a limit is crossed. */
  check(sim: EngineState): void {
    this.eventsToCheck = this.limits.checkEveryEvents;
    const limits = this.limits;
    if (sim.pool.live > limits.maxCallsInFlight) this.stop(sim, 'callsInFlight', sim.pool.live, limits.maxCallsInFlight);
    if (sim.queue.size > limits.maxQueuedEvents) this.stop(sim, 'eventQueue', sim.queue.size, limits.maxQueuedEvents);
    if (sim.timers.pending > limits.maxPendingTimers) this.stop(sim, 'pendingTimers', sim.timers.pending, limits.maxPendingTimers);
    if (sim.nowMs > this.stalledAtMs) {
      this.stalledAtMs = sim.nowMs;
      this.eventsAtStall = sim.eventCount;
    } else if (sim.eventCount - this.eventsAtStall > limits.maxEventsWithoutProgress) {
      this.stop(sim, 'noProgress', sim.eventCount - this.eventsAtStall, limits.maxEventsWithoutProgress);
    }
    if (this.heapProbe !== undefined && --this.checksToHeap <= 0) this.checkHeap(sim);
  }

  private checkHeap(sim: EngineState): void {
    this.checksToHeap = this.limits.heapEveryChecks;
    const heap = this.heapProbe?.();
    if (!heap) return;
    const limit = Math.min(this.limits.maxHeapBytes, heap.limitBytes > 0 ? heap.limitBytes * this.limits.maxHeapShare : Infinity);
    // The engine allocates next to nothing in steady state, so a full heap is live data.
    if (heap.usedBytes > limit) this.stop(sim, 'heap', heap.usedBytes, limit);
  }

  private stop(sim: EngineState, kind: RunawayKind, measured: number, limit: number): never {
    const culprit = kind === 'noProgress' ? null : diagnose(sim, kind);
    const reason: RunawayReason = { kind, atMs: sim.nowMs, measured, limit, culprit, message: describe(kind, sim.nowMs, measured, limit, culprit) };
    this.stopped = new RunawayRunError(reason);
    throw this.stopped;
  }
}

function describe(kind: RunawayKind, atMs: number, measured: number, limit: number, culprit: Culprit | null): string {
  const at = `stopped at t = ${formatSimMs(atMs)}: `;
  const mb = (bytes: number) => `${count(bytes / 2 ** 20)} MB`;
  const where = culprit === null ? '' : ` ${culprit.message}`;
  switch (kind) {
    case 'noProgress':
      return (
        `${at}${count(measured)} events ran without simulated time moving (a Faultline limit: ${count(limit)}). ` +
        'Something loops with zero delay: give the links a latency, the services a service time, or closed-loop clients a think time above 0.'
      );
    case 'callsInFlight':
      return `${at}${count(measured)} requests were alive at once (a Faultline limit: ${count(limit)}, to protect memory).${where || ' The scenario creates work much faster than it finishes it: lower client rates or users, or give queues a capacity and calls a timeout.'}`;
    case 'eventQueue':
      return `${at}more than ${count(limit)} events were waiting at once (a Faultline limit, to protect memory).${where || ' The scenario creates work much faster than it finishes it: lower client rates or users, or give queues a capacity and calls a timeout.'}`;
    case 'pendingTimers':
      return `${at}${count(measured)} timeouts and deadlines were pending at once (a Faultline limit: ${count(limit)}, to protect memory).${where || ' Every request keeps its timer until it is due: shorten long timeouts or lower the client rates.'}`;
    case 'heap':
      return `${at}the simulation's memory reached ${mb(measured)} (a Faultline limit: ${mb(limit)}).${where || ' Lower client rates or users, or give queues a capacity and calls a timeout.'}`;
  }
}
