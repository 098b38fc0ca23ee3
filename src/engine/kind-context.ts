import type { Call, CallPool } from './call.ts';
import type { EventQueue } from './event-queue.ts';
import type { TimerLanes } from './timer-lanes.ts';

/**
 * What a kind (and the validator it may hold) sees of the running simulation: the clock, the
 * event queue and call pool, and the caller-side steps it hands its jobs to. The simulation
 * implements it; kinds never import the simulation, so the engine has no import loop.
 */
export interface KindContext {
  readonly nowMs: number;
  /** Statistics count from here on (the report's window starts at warm-up). */
  readonly warmupMs: number;
  readonly queue: EventQueue;
  readonly pool: CallPool;
  readonly timers: TimerLanes;

  /** Runs the job's next downstream step, or finishes it (`finishJob`) when none is left. */
  runSteps(job: Call): void;
  /** The job answers its caller over the link it came in on. */
  respond(job: Call, result: number): void;
  /** The job stops waiting for its current attempt; the attempt's work goes on, unwatched. */
  abandonAttempt(job: Call): void;
  /** Makes the call's pending events stale (its token changes). */
  invalidateCall(call: Call): void;
  releaseCall(call: Call): void;
  /** Schedules `code` for the call at `atMs` under a fresh token. */
  scheduleCall(call: Call, atMs: number, code: number): void;
  /** Live jobs at a node whose phase passes `keep`, their pending events invalidated (crash handling). */
  jobsAt(node: number, keep: (phase: number) => boolean): Call[];

  /** Keys that some client's token holder has a token of (bitmask over the key ids). */
  keysInUseMask(): number;
  /** Keys that at least one validator replica anywhere distrusts. */
  keysDistrustedAnywhere(): number;
  /** Index of a key id (its bit in key masks); -1 when the scenario names no such key. */
  keyIndex(name: string): number;
  /** Key ids in a bitmask, in index order. */
  keysOf(mask: number): string[];
  /** A node's id by its index. */
  nodeId(index: number): string;
}

/** Undoes what a fault did (a fault with a finite `for` is undone that long after). */
export type Revert = () => void;
/** Applies a fault to one node or link now and returns how to undo it. */
export type FaultApply = () => Revert;
