import { CallPool, PHASE_BACKOFF, PHASE_FREE, PHASE_SERVICE, PHASE_TO_CALLER, PHASE_TO_NODE, PHASE_WAITING, type Call } from './call';

/** The attempt went to the breaker's fallback target: its outcome says nothing about the primary. */
const FALLBACK = 3;

/** A job is working at its node: holding a worker or waiting on a downstream attempt. */
function isWorking(phase: number): boolean {
  return phase === PHASE_SERVICE || phase === PHASE_WAITING || phase === PHASE_BACKOFF;
}
import { compile } from './compile';
import { EventQueue } from './event-queue';
import { FaultRunner } from './faults';
import { ClientRuntime } from './kinds/client';
import { IdentityRuntime } from './kinds/identity';
import type { NodeRuntime } from './kinds/node-runtime';
import { StationRuntime } from './kinds/station';
import type { LinkRuntime } from './link';
import { LinkSampler, type LinkColumns } from './link-sampler';
import { liveLayout, writeLive, type LiveLayout } from './live';
import { patchLink, patchNode, type LinkPatch, type NodePatch } from './patch';
import { OK, R_BUFFER_FULL, R_CANCELLED, R_CIRCUIT_OPEN, R_DEADLINE, R_LINK_DOWN, R_LINK_LOSS, R_NODE_DOWN, R_TIMEOUT } from './reasons';
import { PASS, REFUSE } from './circuit-breaker';
import { buildReport } from './report';
import { RunGuard, type RunGuardOptions } from './run-guard';
import type { RunReport } from './report-types';
import { SeriesRecorder } from './series';
import type { FaultSpec, ScenarioSpec } from './spec';
import { backoffDelayMs, type StepPlan } from './steps';
import { TimerLanes } from './timer-lanes';

// Integer event codes: the hot loop switches on these instead of calling a closure per event.
export const EV_ARRIVAL = 1; // a: client node, b: arrival token (-1 for closed loop)
export const EV_DELIVER = 2; // a: call id, b: call token — a message reaches the end of its link
export const EV_TIMEOUT = 3; // a: job id, b: token — the job stops waiting for its attempt
export const EV_SERVICE_DONE = 4; // a: job id, b: token
export const EV_RETRY = 5; // a: job id, b: token — backoff over, send the next attempt
export const EV_DEADLINE = 6; // a: root id, b: root gen — the user gives up
export const EV_FAULT = 7; // a: fault index, b: 0 apply / 1 revert
export const EV_TIMER_LANE = 8; // a: lane — the head of a timer lane is due (see TimerLanes)
export const EV_NODE_TIMER = 9; // a: job id, b: token — a kind's own timer on one of its jobs (NodeRuntime.onJobTimer)
export const EV_REPLICA_TIMER = 10; // a: node, b: replica — a kind's own timer on one of its replicas

/** Most numbers the time series may hold in all (8 bytes each): keeps memory flat in run length. */
const SERIES_CELLS = 4_000_000;

/**
 * The discrete-event simulator. Simulated time only (never the wall clock); the same spec and seed
 * give bit-identical results in any JavaScript host. Hosts drive it in slices with `advance`.
 */
export class Simulation {
  readonly spec: ScenarioSpec;
  readonly endMs: number;
  readonly warmupMs: number;
  nowMs = 0;
  eventCount = 0;
  done = false;
  readonly queue = new EventQueue();
  readonly pool = new CallPool();
  readonly timers: TimerLanes;
  readonly nodes: NodeRuntime[];
  readonly links: LinkRuntime[];
  readonly nodeIndex: Map<string, number>;
  readonly linkIndex: Map<string, number>;
  /** Key ids by index (bit positions in key-set masks). */
  readonly keyNames: string[];
  readonly series: SeriesRecorder;
  readonly faults: FaultRunner;
  private readonly linkSampler: LinkSampler;
  /** Series columns of each link, by link index. */
  readonly linkColumns: LinkColumns[];
  private nextSampleMs: number;
  private tokenCounter = 0;
  /** Stops a runaway run from inside `advance` (run-guard.ts); hosts may pass limits and a heap probe. */
  readonly guard: RunGuard;

  constructor(spec: ScenarioSpec, options: { guard?: RunGuardOptions } = {}) {
    this.spec = spec;
    this.guard = new RunGuard(options.guard);
    this.endMs = spec.durationMs;
    this.warmupMs = spec.warmupMs;
    this.timers = new TimerLanes(this.queue, EV_TIMER_LANE, (code, a, b) => this.isStaleTimer(code, a, b));
    const compiled = compile(spec);
    this.nodes = compiled.nodes;
    this.links = compiled.links;
    this.nodeIndex = compiled.nodeIndex;
    this.linkIndex = compiled.linkIndex;
    this.keyNames = compiled.keyNames;
    this.series = new SeriesRecorder(spec.sampleEveryMs, Math.ceil(spec.durationMs / spec.sampleEveryMs), SERIES_CELLS);
    for (const node of this.nodes) node.registerSeries(this.series);
    this.linkSampler = new LinkSampler(this.links, this.series);
    this.linkColumns = this.linkSampler.columns;
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
    if (this.done) return true;
    const guard = this.guard;
    if (guard.stopped !== null) throw guard.stopped;
    let left = maxEvents;
    while (left > 0) {
      // Up to the guard's next check in the hot loop: no per-event test for the guard.
      const ran = this.runEvents(left < guard.eventsToCheck ? left : guard.eventsToCheck);
      if (this.done) return true;
      left -= ran;
      guard.eventsToCheck -= ran;
      if (guard.eventsToCheck <= 0) guard.check(this);
    }
    return false;
  }

  /** The hot loop: at most `maxEvents` events; returns how many ran (it may have reached the end). */
  private runEvents(maxEvents: number): number {
    const q = this.queue;
    let processed = 0;
    while (processed < maxEvents) {
      const t = q.peekTimeMs();
      if (t >= this.endMs) {
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
    for (const node of this.nodes) if (node instanceof ClientRuntime && node.sessions !== null) mask |= node.sessions.keysInUse();
    return mask;
  }

  /** Keys the identity providers sign new tokens with now. */
  signingKeysMask(): number {
    let mask = 0;
    for (const node of this.nodes) if (node instanceof IdentityRuntime && node.signingKey >= 0) mask |= 1 << node.signingKey;
    return mask;
  }

  /** Keys that at least one validator replica anywhere distrusts. */
  keysDistrustedAnywhere(): number {
    let mask = 0;
    const all = (1 << this.keyNames.length) - 1;
    for (const node of this.nodes) if (node instanceof StationRuntime && node.validator !== null) mask |= node.validator.distrustedAnywhere(all);
    return mask;
  }

  keyIndex(name: string): number {
    return this.keyNames.indexOf(name);
  }

  /** Key ids in a bitmask, in index order. */
  keysOf(mask: number): string[] {
    return this.keyNames.filter((_, k) => (mask & (1 << k)) !== 0);
  }

  invalidateCall(call: Call): void {
    this.invalidate(call);
  }

  private isStaleTimer(code: number, a: number, b: number): boolean {
    const call = this.pool.calls[a];
    if (code === EV_TIMEOUT) return call.token !== b || call.phase !== PHASE_WAITING;
    return call.gen !== b || call.phase === PHASE_FREE;
  }

  // ---- steps: the caller side of every job (client roots, services, balancers) ----

  /** Runs the job's next downstream step, or finishes it when none is left. */
  runSteps(job: Call): void {
    const node = this.nodes[job.node];
    const plans = node.plansByClass[job.classIndex];
    if (node.hasStepHooks) while (job.step < plans.length && node.skipsStep(this, job)) job.step++;
    if (job.step >= plans.length) node.finishJob(this, job, OK);
    else this.attempt(job);
  }

  private attempt(job: Call): void {
    const node = this.nodes[job.node];
    const plan = node.plansByClass[job.classIndex][job.step];
    job.stepAttempts++;
    if (job.stepAttempts > 1) node.retriesSent++;
    let target = plan.toNode >= 0 ? plan.toNode : node.pickTarget(this, job);
    let route = plan.route;
    job.admission = PASS;
    if (plan.guarded) {
      // Budgets and breakers live out of line: most calls have neither.
      const redirected = this.admitGuarded(job, plan, node);
      if (redirected === -2) return;
      if (redirected >= 0) {
        target = redirected;
        route = plan.fallbackRoute;
      }
    }
    if (target < 0) {
      this.onAttemptResult(job, R_NODE_DOWN);
      return;
    }
    const link = (route ?? node.routeTo(target))?.pick(this.nowMs) ?? null;
    if (link === null) {
      this.onAttemptResult(job, R_LINK_DOWN);
      return;
    }
    node.attemptStarted(job, target);
    const child = this.pool.acquire();
    child.node = target;
    child.parent = job;
    child.link = link.index;
    child.classIndex = job.classIndex;
    child.tokenKey = job.tokenKey;
    child.tokenExpiresMs = job.tokenExpiresMs;
    child.originMs = job.originMs;
    // The callee may as well know when its caller stops waiting: this attempt's timeout counts too.
    child.deadlineMs = node.propagatesDeadline ? Math.min(job.deadlineMs, this.nowMs + plan.timeoutMs) : Infinity;
    job.child = child;
    job.childTarget = target;
    job.phase = PHASE_WAITING;
    this.invalidate(job);
    if (plan.timeoutMs !== Infinity) {
      if (plan.timeoutLane < 0) plan.timeoutLane = this.timers.laneFor(plan.timeoutMs);
      this.timers.set(plan.timeoutLane, this.nowMs + plan.timeoutMs, EV_TIMEOUT, job.id, job.token);
    }
    this.transmit(child, link, false);
  }

  /**
   * Counts a step's first attempt for its retry budget and passes the attempt through its
   * circuit breaker. Returns -1 to go on as planned, a node to send to instead (the fallback), or
   * -2 when the breaker refused and the job has been finished with `circuitOpen`.
   */
  private admitGuarded(job: Call, plan: StepPlan, node: NodeRuntime): number {
    if (job.stepAttempts === 1) plan.control?.onRequest(this.nowMs);
    if (plan.breaker === null) return -1;
    const admission = plan.breaker.admit(this.nowMs);
    if (admission !== REFUSE) {
      job.admission = admission;
      return -1;
    }
    if (plan.fallbackNode < 0) {
      // Refused without trying: not an attempt, and retrying into an open breaker is pointless.
      this.invalidate(job);
      node.finishJob(this, job, R_CIRCUIT_OPEN);
      return -2;
    }
    job.admission = FALLBACK;
    return plan.fallbackNode;
  }

  /** The current attempt of `job` ended with `result` (OK or a reason): next step, retry, or fail. */
  private onAttemptResult(job: Call, result: number): void {
    this.invalidate(job);
    const node = this.nodes[job.node];
    const plan = node.plansByClass[job.classIndex][job.step];
    if (plan.guarded) {
      plan.control?.onAttemptEnded(this.nowMs, result === OK);
      if (plan.breaker !== null && job.admission !== FALLBACK) plan.breaker.record(this.nowMs, job.admission, result === OK);
    }
    if (node.hasStepHooks && node.interceptResult(this, job, result)) return;
    if (result === OK) {
      job.step++;
      job.stepAttempts = 0;
      job.lastBackoffMs = 0;
      this.runSteps(job);
      return;
    }
    const retry = plan.retry;
    if (job.stepAttempts >= retry.attempts || (plan.control !== null && !plan.control.allowRetry(this.nowMs))) {
      node.finishJob(this, job, result);
      return;
    }
    const delayMs = backoffDelayMs(retry, job.stepAttempts, job, node.retryRng);
    if (delayMs <= 0) {
      this.attempt(job);
      return;
    }
    job.phase = PHASE_BACKOFF;
    this.scheduleCall(job, this.nowMs + delayMs, EV_RETRY);
  }

  /** The job stops waiting for its current attempt; the attempt's work goes on, unwatched. */
  abandonAttempt(job: Call): void {
    const child = job.child;
    if (child !== null) {
      child.parentGaveUp = true;
      child.gaveUpAtMs = this.nowMs;
      job.child = null;
      const callee = this.nodes[child.node];
      if (callee.cancelsOnGiveUp && isWorking(child.phase)) callee.abortJob(this, child, R_CANCELLED);
    }
    if (job.childTarget >= 0) {
      this.nodes[job.node].attemptEnded(job, job.childTarget);
      job.childTarget = -1;
    }
  }

  /** The job answers its caller over the link it came in on. */
  respond(job: Call, result: number): void {
    job.result = result;
    this.transmit(job, this.links[job.link], true);
  }

  // ---- transport ----

  private transmit(call: Call, link: LinkRuntime, back: boolean): void {
    const dir = back ? link.back : link.forward;
    call.phase = back ? PHASE_TO_CALLER : PHASE_TO_NODE;
    dir.sent++;
    if (!link.up) {
      dir.drop(R_LINK_DOWN);
      this.lose(call);
      return;
    }
    let departMs = this.nowMs;
    if (dir.limited) {
      departMs = dir.enqueue(this.nowMs, this.nowMs >= this.warmupMs);
      if (departMs < 0) {
        dir.drop(R_BUFFER_FULL);
        this.lose(call);
        return;
      }
    }
    if (dir.loss > 0 && dir.lossRng.next() < dir.loss) {
      dir.drop(R_LINK_LOSS);
      this.lose(call);
      return;
    }
    const arriveMs = dir.latencyIsZero ? departMs : departMs + dir.latency.sample(dir.latencyRng);
    if (arriveMs === this.nowMs) {
      // Nothing to wait for: deliver inline rather than through the event queue.
      dir.delivered++;
      if (this.nowMs >= this.warmupMs) dir.deliveredMeasured++;
      this.arrive(call, back);
      return;
    }
    dir.inTransit++;
    call.linkEpoch = link.epoch;
    call.sentMs = this.nowMs;
    this.scheduleCall(call, arriveMs, EV_DELIVER);
  }

  private deliver(call: Call, token: number): void {
    if (call.token !== token) return;
    const link = this.links[call.link];
    const back = call.phase === PHASE_TO_CALLER;
    const dir = back ? link.back : link.forward;
    dir.inTransit--;
    if (call.linkEpoch !== link.epoch) {
      dir.drop(R_LINK_DOWN);
      this.lose(call);
      return;
    }
    dir.delivered++;
    if (this.nowMs >= this.warmupMs) {
      dir.deliveredMeasured++;
      dir.delayMeasuredMs += this.nowMs - call.sentMs;
    }
    this.arrive(call, back);
  }

  private arrive(call: Call, back: boolean): void {
    if (!back) {
      this.nodes[call.node].receive(this, call);
      return;
    }
    const parent = call.parent;
    const result = call.result;
    const stale = call.parentGaveUp || parent === null;
    if (!stale) {
      parent.child = null;
      parent.answer = call.payload;
      parent.answer2 = call.payload2;
      this.nodes[parent.node].attemptEnded(parent, parent.childTarget);
      parent.childTarget = -1;
    }
    this.releaseCall(call);
    if (!stale) this.onAttemptResult(parent, result);
  }

  /**
   * A message vanished (loss, full buffer, dead link). Nobody is told: a caller still waiting finds
   * out by its timeout — or waits forever, as a caller without a timeout does.
   */
  private lose(call: Call): void {
    const parent = call.parent;
    if (!call.parentGaveUp && parent !== null && parent.child === call) parent.child = null;
    this.releaseCall(call);
  }

  // ---- bookkeeping ----

  scheduleCall(call: Call, atMs: number, code: number): void {
    this.tokenCounter = (this.tokenCounter + 1) | 0;
    call.token = this.tokenCounter;
    this.queue.push(atMs, code, call.id, call.token);
  }

  private invalidate(call: Call): void {
    this.tokenCounter = (this.tokenCounter + 1) | 0;
    call.token = this.tokenCounter;
  }

  releaseCall(call: Call): void {
    this.invalidate(call);
    this.pool.release(call);
  }

  /** Live jobs at a node whose phase passes `keep` (crash handling; rare, so a scan is fine). */
  jobsAt(node: number, keep: (phase: number) => boolean): Call[] {
    const out: Call[] = [];
    for (const call of this.pool.calls) {
      if (call.node === node && call.phase !== PHASE_FREE && keep(call.phase)) out.push(call);
    }
    for (const call of out) this.invalidate(call);
    return out;
  }

  private closeInterval(): void {
    this.nowMs = this.nextSampleMs;
    this.series.beginRow(this.nowMs);
    for (const node of this.nodes) node.writeSample(this.series, this);
    this.linkSampler.write(this.nowMs);
    this.nextSampleMs += this.spec.sampleEveryMs;
  }

  private finish(): void {
    while (this.nextSampleMs <= this.endMs) this.closeInterval();
    this.nowMs = this.endMs;
    this.done = true;
  }
}
