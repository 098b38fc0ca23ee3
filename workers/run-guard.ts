/**
 * The worker's watchdog over one run: stops a run that makes no progress in simulated time (a
 * zero-delay loop) or whose event queue outgrows memory. The parser's limits (src/scenario/
 * limits.ts) reject absurd files up front; these catch what a valid file can still do at run
 * time. Thresholds are explained in docs/security.md.
 */
import type { Simulation } from '../src/engine/index.ts';

export const RUN_GUARD_LIMITS = {
  /** Events run without the simulated clock moving. A legitimate instant (a million users starting at t = 0: 1 M events) stays well below. */
  maxEventsWithoutProgress: 10_000_000,
  /**
   * Events waiting at once. The heap takes 28 bytes per slot and doubles when full: this stops a
   * run before it grows from 2^23 slots (235 MB) to 2^24 (470 MB). A million requests a second on
   * links of 5 s latency keeps 5 M in flight, so a legitimate run fits.
   */
  maxQueuedEvents: 8_000_000,
};

/** Thrown from inside a slice; the run loop turns it into status 'failed' with this message. */
export class RunawayRunError extends Error {}

const count = (n: number) => n.toLocaleString('en-US');

export class RunGuard {
  private stalledAtMs = 0;
  private eventsAtStall = 0;

  constructor(private readonly limits = RUN_GUARD_LIMITS) {}

  /** A new run (load, reload, reset). */
  reset(sim: Simulation): void {
    this.stalledAtMs = sim.nowMs;
    this.eventsAtStall = sim.eventCount;
  }

  /** Throws RunawayRunError when the run went wrong; cheap enough to call every few thousand events. */
  check(sim: Simulation): void {
    if (sim.queue.size > this.limits.maxQueuedEvents) {
      throw new RunawayRunError(
        `stopped at t = ${formatSimMs(sim.nowMs)}: more than ${count(this.limits.maxQueuedEvents)} events were waiting at once ` +
          '(a Faultline limit, to protect memory). The scenario creates work much faster than it finishes it: ' +
          'lower client rates or users, or give queues a capacity and calls a timeout.',
      );
    }
    if (sim.nowMs > this.stalledAtMs) {
      this.stalledAtMs = sim.nowMs;
      this.eventsAtStall = sim.eventCount;
      return;
    }
    const stuck = sim.eventCount - this.eventsAtStall;
    if (stuck > this.limits.maxEventsWithoutProgress) {
      throw new RunawayRunError(
        `stopped at t = ${formatSimMs(sim.nowMs)}: ${count(stuck)} events ran without simulated time moving ` +
          `(a Faultline limit: ${count(this.limits.maxEventsWithoutProgress)}). Something loops with zero delay: ` +
          'give the links a latency, the services a service time, or closed-loop clients a think time above 0.',
      );
    }
  }
}

function formatSimMs(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(3)} s`;
}
