import { isWorking, PHASE_BACKOFF, PHASE_SERVICE, PHASE_WAITING } from './call.ts';
import { CallerSteps } from './caller-steps.ts';
import { compile } from './compile.ts';
import { EV_ARRIVAL, EV_DEADLINE, EV_DELIVER, EV_FAULT, EV_NODE_TIMER, EV_REPLICA_TIMER, EV_RETRY, EV_SERVICE_DONE, EV_TIMEOUT, EV_TIMER_LANE } from './events.ts';
import { FaultRunner } from './faults.ts';
import type { ClientRuntime } from './kinds/client.ts';
import type { StationRuntime } from './kinds/station.ts';
import { LinkSampler, type LinkColumns } from './link-sampler.ts';
import { liveLayout, writeLive, type LiveLayout } from './live.ts';
import { patchLink, patchNode, type LinkPatch, type NodePatch } from './patch.ts';
import { R_DEADLINE, R_TIMEOUT } from './reasons.ts';
import { AlertBoard } from './alerts/board.ts';
import { buildReport } from './report.ts';
import { RunGuard, type RunGuardOptions } from './run-guard.ts';
import type { RunReport } from './report-types.ts';
import { SeriesRecorder } from './series.ts';
import type { FaultSpec, ScenarioSpec } from './spec.ts';

/** Most numbers the time series may hold in all (8 bytes each): keeps memory flat in run length. */
const SERIES_CELLS = 4_000_000;

/**
 * The discrete-event simulator. Simulated time only (never the wall clock); the same spec and seed
 * give bit-identical results in any JavaScript host. Hosts drive it in slices with `advance` (or
 * `advanceUntil` a simulated time). This file is the event loop and the host's API; the caller
 * side of jobs is `CallerSteps` (caller-steps.ts), messages over links `CallTransport` (transport.ts).
 */
export class Simulation extends CallerSteps {
  eventCount = 0;
  done = false;
  readonly series: SeriesRecorder;
  readonly faults: FaultRunner;
  private readonly linkSampler: LinkSampler;
  /** Alerting, in scenarios with alerts (null otherwise: nothing changes for those without). */
  readonly alerts: AlertBoard | null;
  /** Series columns of each link, by link index. */
  readonly linkColumns: LinkColumns[];
  private nextSampleMs: number;
  /** Stops a runaway run from inside `advance` (run-guard.ts); hosts may pass limits and a heap probe. */
  readonly guard: RunGuard;

  constructor(spec: ScenarioSpec, options: { guard?: RunGuardOptions } = {}) {
    super(spec, compile(spec));
    this.guard = new RunGuard(options.guard);
    this.series = new SeriesRecorder(spec.sampleEveryMs, Math.ceil(spec.durationMs / spec.sampleEveryMs), SERIES_CELLS);
    for (const node of this.nodes) node.registerSeries(this.series);
    this.linkSampler = new LinkSampler(this.links, this.series);
    this.linkColumns = this.linkSampler.columns;
    this.alerts = spec.alerts !== undefined && spec.alerts.length > 0 ? new AlertBoard(spec, spec.alerts, this.series, this) : null;
    this.series.allocate();
    this.nextSampleMs = spec.sampleEveryMs;
    this.faults = new FaultRunner(this);
    for (const node of this.nodes) node.start(this);
    this.faults.scheduleAll(spec.faults);
  }

  /**
   * Runs at most `maxEvents` events; returns true once the run has reached its end.
   * Events at exactly `endMs` are not run: the run covers [0, duration).
   * Throws RunawayRunError (between two events) when the run guard stops the run, and again on
   * every later call.
   */
  advance(maxEvents: number): boolean {
    return this.advanceUntil(Infinity, maxEvents);
  }

  /**
   * Like `advance`, but runs only events before `untilMs` (a paced host's target, a pause-at):
   * returns true when no event before `untilMs` is left — the run may have reached its end —
   * and false when `maxEvents` ran first (call again). With `untilMs` at or after the end, the run
   * ends as with `advance`; before it, the clock stays at the last event run.
   */
  advanceUntil(untilMs: number, maxEvents: number): boolean {
    if (this.done) return true;
    const guard = this.guard;
    if (guard.stopped !== null) throw guard.stopped;
    // Before the end, events at or after untilMs wait; from the end on, the end itself stops the loop.
    const stopMs = untilMs < this.endMs ? untilMs : this.endMs;
    let left = maxEvents;
    while (left > 0) {
      // Up to the guard's next check in the hot loop: no per-event test for the guard.
      const ran = this.runEvents(left < guard.eventsToCheck ? left : guard.eventsToCheck, stopMs);
      if (this.done) return true;
      left -= ran;
      guard.eventsToCheck -= ran;
      if (guard.eventsToCheck <= 0) guard.check(this);
      if (stopMs < this.endMs && this.queue.peekTimeMs() >= stopMs) return true;
    }
    return false;
  }

  /**
   * The hot loop: at most `maxEvents` events before `stopMs` (at most the end); returns how many
   * ran. Reaching the end finishes the run; reaching an earlier `stopMs` just stops.
   */
  private runEvents(maxEvents: number, stopMs: number): number {
    const q = this.queue;
    let processed = 0;
    while (processed < maxEvents) {
      const t = q.peekTimeMs();
      if (t >= stopMs) {
        if (stopMs < this.endMs) break;
        this.eventCount += processed;
        this.finish();
        return processed;
      }
      if (t >= this.nextSampleMs) {
        this.closeInterval();
        continue;
      }
      q.pop();
      this.nowMs = t;
      processed++;
      this.dispatch(q.poppedCode, q.poppedA, q.poppedB);
    }
    this.eventCount += processed;
    return processed;
  }

  /** Runs to the end in one go (for the CLI and tests). */
  runToEnd(): this {
    while (!this.advance(1 << 20));
    return this;
  }

  report(wallMs = 0): RunReport {
    return buildReport(this, wallMs);
  }

  /** The layout of `writeLive`'s array (see live.ts). */
  liveLayout(): LiveLayout {
    return liveLayout(this);
  }

  /** Fills `out` (length `liveLayout().length`) with the state now. */
  writeLive(out: Float64Array): void {
    writeLive(this, out);
  }

  /** Changes parameters of a node mid-run; returns the fields that need a reload instead. */
  patchNode(id: string, patch: NodePatch): string[] {
    return patchNode(this, id, patch);
  }

  patchLink(id: string, patch: LinkPatch): string[] {
    return patchLink(this, id, patch);
  }

  /** Applies a fault now (live injection); its `atMs` is ignored, `forMs` still reverts it. */
  inject(fault: FaultSpec): void {
    this.faults.injectNow(fault);
  }

  private dispatch(code: number, a: number, b: number): void {
    switch (code) {
      case EV_ARRIVAL:
        (this.nodes[a] as ClientRuntime).onArrival(this, b);
        break;
      case EV_DELIVER:
        this.deliver(this.pool.calls[a], b);
        break;
      case EV_SERVICE_DONE: {
        const job = this.pool.calls[a];
        if (job.token === b && job.phase === PHASE_SERVICE) (this.nodes[job.node] as StationRuntime).onServiceDone(this, job);
        break;
      }
      case EV_TIMEOUT: {
        const job = this.pool.calls[a];
        if (job.token === b && job.phase === PHASE_WAITING) {
          this.abandonAttempt(job);
          this.onAttemptResult(job, R_TIMEOUT);
        }
        break;
      }
      case EV_RETRY: {
        const job = this.pool.calls[a];
        if (job.token === b && job.phase === PHASE_BACKOFF) this.attempt(job);
        break;
      }
      case EV_DEADLINE: {
        const job = this.pool.calls[a];
        if (job.gen === b && isWorking(job.phase)) this.nodes[job.node].abortJob(this, job, R_DEADLINE);
        break;
      }
      case EV_FAULT:
        this.faults.fire(a, b === 1);
        break;
      case EV_NODE_TIMER: {
        const job = this.pool.calls[a];
        if (job.token === b) this.nodes[job.node].onJobTimer(this, job);
        break;
      }
      case EV_REPLICA_TIMER:
        this.nodes[a].onReplicaTimer(this, b);
        break;
      case EV_TIMER_LANE:
        if (this.timers.fire(a)) this.dispatch(this.timers.firedCode, this.timers.firedA, this.timers.firedB);
        break;
    }
  }

  /** Keys that some client's token holder has a token of. */
  keysInUseMask(): number {
    let mask = 0;
    for (const node of this.nodes) mask |= node.keysInUse();
    return mask;
  }

  /** Keys the identity providers sign new tokens with now. */
  signingKeysMask(): number {
    let mask = 0;
    for (const node of this.nodes) mask |= node.signingKeys();
    return mask;
  }

  /** Keys that at least one validator replica anywhere distrusts. */
  keysDistrustedAnywhere(): number {
    let mask = 0;
    const all = (1 << this.keyNames.length) - 1;
    for (const node of this.nodes) mask |= node.keysDistrusted(all);
    return mask;
  }

  private closeInterval(): void {
    this.nowMs = this.nextSampleMs;
    this.series.beginRow(this.nowMs);
    for (const node of this.nodes) node.writeSample(this.series, this);
    this.linkSampler.write(this.nowMs);
    this.alerts?.sample(this.series, this.nowMs);
    this.nextSampleMs += this.spec.sampleEveryMs;
  }

  private finish(): void {
    while (this.nextSampleMs <= this.endMs) this.closeInterval();
    this.nowMs = this.endMs;
    this.done = true;
  }
}
