import { PHASE_WAITING, type Call } from '../call.ts';
import { Sampler } from '../distributions.ts';
import { IntervalLatency, LogHistogram } from '../histogram.ts';
import { streamFor, type RandomStream } from '../random.ts';
import { OK, R_AUTH_REJECTED, REASON_COUNT, reasonCounts } from '../reasons.ts';
import { TokenHolders } from '../token-holders.ts';
import type { ClientReport } from '../report-types.ts';
import type { ColumnTable, SeriesRecorder } from '../series.ts';
import { EV_ARRIVAL, EV_DEADLINE } from '../events.ts';
import type { FaultApply, KindContext } from '../kind-context.ts';
import type { AnyLiveEdit, LiveEdit } from '../live-edits.ts';
import type { LiveNodeRow } from '../live-fields.ts';
import type { ClientAuthSpec, ClientSpec, FaultSpec } from '../spec.ts';
import { retryRefusals, stepPlan } from '../steps.ts';
import { latencySummary } from '../summaries.ts';
import { NodeRuntime, type HeadlineColumns, type Holding, type PlanContext, type ReportGroup } from './node-runtime.ts';

/** What a running client takes live: an open loop's rate, and the timeout of every attempt. */
export const CLIENT_LIVE_EDITS: readonly LiveEdit<ClientSpec, ClientRuntime>[] = [
  {
    patch: 'ratePerSec',
    specField: 'ratePerSec',
    value: (spec) => (spec.loop === 'open' ? spec.ratePerSec : undefined),
    apply: (node, sim, ratePerSec) => node.spec.loop === 'open' && (node.setRate(sim, ratePerSec), true),
  },
  {
    patch: 'timeoutMs',
    specField: 'timeoutMs',
    value: (spec) => spec.timeoutMs,
    apply: (node, _sim, timeoutMs) => {
      for (const plans of node.plansByClass) for (const p of plans) Object.assign(p, { timeoutMs, timeoutLane: -1 });
      return true;
    },
  },
];

type ClientColumn = 'generated' | 'succeeded' | 'goodput' | 'failed' | 'attempts' | 'inFlight' | 'p50' | 'p99' | 'signIns' | 'rejectedTokenShare';

/** Every client's series columns, in the report's order (latencies need a success); sign-ins only with `auth`. */
const CLIENT_COLUMNS: ColumnTable<ClientColumn> = [
  ['generated', 'generated', 'count'], ['succeeded', 'succeeded', 'count'], ['goodput', 'goodput', 'count'],
  ['failed', 'failed', 'count'], ['attempts', 'attempts', 'count'], ['inFlight', 'inFlight', 'level'],
  ['p50', 'latencyP50Ms', 'level', 'succeeded'], ['p99', 'latencyP99Ms', 'level', 'succeeded'],
];

/**
 * A population of callers. Open loop: arrivals at a rate, whatever happens to earlier requests.
 * Closed loop: `users` each send one request, wait for its outcome, think, and send again.
 * Each original request is a root call living at the client; its attempts are the steps.
 */
export class ClientRuntime extends NodeRuntime {
  readonly spec: ClientSpec;
  ratePerSec: number;
  private arrivalToken = 0;
  private deadlineLane = -1;
  /** Token holders (clients with `auth`), and which step is the request proper. */
  sessions: TokenHolders | null = null;
  private targetStep = 0;
  private readonly sessionRng: RandomStream;
  signIns = 0;
  reauthentications = 0;
  /** Sign-ins again after a rejected token in the last complete sample interval (live state only, not in the report). */
  reauthInLastInterval = 0;
  private reauthAtSample = 0;
  /** Requests that failed for a rejected token in the last complete sample interval (live state only). */
  authFailedInLastInterval = 0;
  private authFailedAtSample = 0;
  /** Per request class of this client (its own order): generated, succeeded, and their series. */
  readonly generatedByClass: Float64Array;
  readonly succeededByClass: Float64Array;
  private classColumns: { generated: number; succeeded: number; atGenerated: number; atSucceeded: number }[] = [];
  private readonly think: Sampler;
  private readonly arrivalRng: RandomStream;
  private readonly classRng: RandomStream;
  private readonly thinkRng: RandomStream;
  /** The spec's string choices as flags: they are read on every request. */
  private readonly poisson: boolean;
  private readonly closedLoop: boolean;
  private classIndices: number[] = [];
  private classCumulative: number[] = [];

  generated = 0;
  succeeded = 0;
  goodput = 0;
  readonly failed = new Float64Array(REASON_COUNT);
  failedTotal = 0;
  inFlight = 0;
  attempts = 0;
  /** The measured window's latencies, filled from the interval's values (IntervalLatency). */
  private readonly latency = new LogHistogram();
  private readonly intervalLatency = new IntervalLatency(this.latency);
  private readonly quantiles = new Float64Array(2);
  private readonly atSample = { generated: 0, succeeded: 0, failed: 0, attempts: 0, goodput: 0 };
  private columns: Record<ClientColumn, number> = { generated: 0, succeeded: 0, goodput: 0, failed: 0, attempts: 0, inFlight: 0, p50: 0, p99: 0, signIns: -1, rejectedTokenShare: -1 };
  private signInsAtSample = 0;

  constructor(index: number, spec: ClientSpec, seed: number) {
    super(index, spec, seed);
    this.spec = spec;
    this.ratePerSec = spec.ratePerSec;
    this.think = new Sampler(spec.think);
    this.arrivalRng = streamFor(seed, spec.id, 'arrival');
    this.classRng = streamFor(seed, spec.id, 'class');
    this.thinkRng = streamFor(seed, spec.id, 'think');
    this.sessionRng = streamFor(seed, spec.id, 'session');
    this.generatedByClass = new Float64Array(spec.classes.length);
    this.succeededByClass = new Float64Array(spec.classes.length);
    this.propagatesDeadline = spec.propagateDeadline;
    this.poisson = spec.arrival === 'poisson';
    this.closedLoop = spec.loop === 'closed';
  }

  override readonly reportGroup: ReportGroup = 'clients';

  plan(ctx: PlanContext): void {
    const plan = stepPlan(ctx.nodeIndex(this.spec.target), ctx.routeBetween(this.spec.id, this.spec.target), this.spec.timeoutMs, this.spec.retry);
    const auth = this.spec.auth;
    if (auth === null) this.plansByClass = Array.from({ length: ctx.classCount }, () => [plan]);
    else {
      // Step 0 signs in (skipped while the holder's token is good), step 1 is the request itself.
      const signIn = stepPlan(ctx.nodeIndex(auth.issuer), ctx.routeBetween(this.spec.id, auth.issuer), this.spec.timeoutMs, this.spec.retry);
      this.plansByClass = Array.from({ length: ctx.classCount }, () => [signIn, plan]);
      this.sessions = new TokenHolders(auth.sessions);
      this.targetStep = 1;
      this.hasStepHooks = true;
    }
    let total = 0;
    for (const c of this.spec.classes) {
      this.classIndices.push(ctx.classIndex(c.name));
      total += c.weight;
      this.classCumulative.push(total);
    }
  }

  override start(sim: KindContext): void {
    if (this.spec.loop === 'open') {
      this.scheduleNextArrival(sim);
      return;
    }
    for (let u = 0; u < this.spec.users; u++) sim.queue.push(this.think.sample(this.thinkRng), EV_ARRIVAL, this.index, -1);
  }

  setRate(sim: KindContext, ratePerSec: number): void {
    if (this.spec.loop !== 'open') return;
    this.ratePerSec = ratePerSec;
    this.arrivalToken++;
    this.scheduleNextArrival(sim);
  }

  onArrival(sim: KindContext, token: number): void {
    if (token !== -1) {
      if (token !== this.arrivalToken) return;
      this.scheduleNextArrival(sim);
    }
    const root = sim.pool.acquire();
    root.node = this.index;
    const own = this.pickOwnClass();
    root.classIndex = this.classIndices[own];
    this.generatedByClass[own]++;
    root.originMs = sim.nowMs;
    root.arrivedMs = sim.nowMs;
    root.deadlineMs = sim.nowMs + this.spec.deadlineMs;
    root.phase = PHASE_WAITING;
    root.session = this.sessions !== null ? this.sessionRng.below(this.sessions.count) : 0;
    this.generated++;
    this.inFlight++;
    if (this.spec.deadlineMs !== Infinity) {
      if (this.deadlineLane < 0) this.deadlineLane = sim.timers.laneFor(this.spec.deadlineMs);
      sim.timers.set(this.deadlineLane, root.deadlineMs, EV_DEADLINE, root.id, root.gen);
    }
    sim.runSteps(root);
  }

  override get liveEdits(): readonly AnyLiveEdit[] {
    return CLIENT_LIVE_EDITS;
  }

  /** `setRate`: an open loop's arrival rate (closed loops ignore it). */
  override faultAction(sim: KindContext, fault: FaultSpec): FaultApply | null {
    const rate = fault.params.ratePerSec;
    if (fault.action !== 'setRate' || rate === undefined) return null;
    return () => {
      const before = this.ratePerSec;
      this.setRate(sim, rate);
      return () => this.setRate(sim, before);
    };
  }

  /** No queue: the requests in flight are "in service"; with auth, rejected tokens and sign-ins again. */
  override writeLive(row: LiveNodeRow): void {
    row.set('queued', 0);
    row.set('inService', this.inFlight);
    row.set('authRejectedPerSec', this.authFailedInLastInterval * row.perSec);
    if (this.sessions !== null) row.set('reauthPerSec', this.reauthInLastInterval * row.perSec);
  }

  override keysInUse(): number {
    return this.sessions === null ? 0 : this.sessions.keysInUse();
  }

  override holdings(): Holding[] {
    return [{ holds: 'waiting', count: this.inFlight }];
  }

  override ownsTimerOf(delayMs: number): boolean {
    return super.ownsTimerOf(delayMs) || this.spec.deadlineMs === delayMs;
  }

  override attemptStarted(job: Call, _target: number): void {
    if (job.step === this.targetStep) this.attempts++;
  }

  /** Sign-in is skipped while the holder's token is good for longer than `refreshBefore`. */
  override skipsStep(sim: KindContext, job: Call): boolean {
    const sessions = this.sessions;
    if (sessions === null || job.step !== 0) return false;
    const auth = this.spec.auth as ClientAuthSpec;
    if (!sessions.holds(job.session, sim.nowMs + auth.refreshBeforeMs)) return false;
    job.tokenKey = sessions.key[job.session];
    job.tokenExpiresMs = sessions.expiresMs[job.session];
    return true;
  }

  /** Keeps a new token; on a rejected one, drops it and signs in again (once per request). */
  override interceptResult(sim: KindContext, job: Call, result: number): boolean {
    const sessions = this.sessions;
    if (sessions === null) return false;
    if (job.step === 0) {
      if (result === OK) {
        this.signIns++;
        sessions.store(job.session, job.answer, job.answer2);
        job.tokenKey = job.answer;
        job.tokenExpiresMs = job.answer2;
      }
      return false;
    }
    if (result !== R_AUTH_REJECTED || job.reauthenticated) return false;
    sessions.clear(job.session);
    job.reauthenticated = true;
    this.reauthentications++;
    job.step = 0;
    job.stepAttempts = 0;
    sim.runSteps(job);
    return true;
  }

  receive(): void {
    throw new Error(`client ${this.id} cannot receive requests`);
  }

  finishJob(sim: KindContext, root: Call, result: number): void {
    this.inFlight--;
    const latencyMs = sim.nowMs - root.originMs;
    if (result === OK) {
      this.succeeded++;
      this.succeededByClass[this.classIndices.length === 1 ? 0 : this.classIndices.indexOf(root.classIndex)]++;
      if (latencyMs <= this.spec.deadlineMs) this.goodput++;
      this.intervalLatency.record(latencyMs, sim.nowMs >= sim.warmupMs);
    } else {
      this.failed[result]++;
      this.failedTotal++;
    }
    sim.releaseCall(root);
    if (this.closedLoop) sim.queue.push(sim.nowMs + this.think.sample(this.thinkRng), EV_ARRIVAL, this.index, -1);
  }

  get seriesColumns(): HeadlineColumns {
    const c = this.columns;
    return { arrived: c.generated, completed: c.succeeded, dropped: c.failed, p50: c.p50, p99: c.p99, attempts: c.attempts, authRejected: -1 };
  }

  registerSeries(series: SeriesRecorder): void {
    const c = this.columns;
    series.declare('clients', this.id, CLIENT_COLUMNS, c);
    if (this.spec.classes.length > 1) {
      this.classColumns = this.spec.classes.map((cls) => ({
        generated: series.column('clients', this.id, `generated.${cls.name}`, 'count'),
        succeeded: series.column('clients', this.id, `succeeded.${cls.name}`, 'count'),
        atGenerated: 0,
        atSucceeded: 0,
      }));
    }
    if (this.spec.auth !== null) {
      c.signIns = series.column('clients', this.id, 'signIns', 'count');
      c.rejectedTokenShare = series.column('clients', this.id, 'rejectedTokenShare', 'level');
    }
  }

  writeSample(series: SeriesRecorder, sim: KindContext): void {
    const c = this.columns;
    this.classColumns.forEach((cc, i) => {
      series.set(cc.generated, this.generatedByClass[i] - cc.atGenerated);
      series.set(cc.succeeded, this.succeededByClass[i] - cc.atSucceeded);
      cc.atGenerated = this.generatedByClass[i];
      cc.atSucceeded = this.succeededByClass[i];
    });
    if (this.sessions !== null) {
      series.set(c.signIns, this.signIns - this.signInsAtSample);
      this.signInsAtSample = this.signIns;
      this.reauthInLastInterval = this.reauthentications - this.reauthAtSample;
      this.reauthAtSample = this.reauthentications;
      this.authFailedInLastInterval = this.failed[R_AUTH_REJECTED] - this.authFailedAtSample;
      this.authFailedAtSample = this.failed[R_AUTH_REJECTED];
      series.set(c.rejectedTokenShare, this.sessions.shareWithKeyIn(sim.keysDistrustedAnywhere()));
    }
    const last = this.atSample;
    series.set(c.generated, this.generated - last.generated);
    series.set(c.succeeded, this.succeeded - last.succeeded);
    series.set(c.goodput, this.goodput - last.goodput);
    series.set(c.failed, this.failedTotal - last.failed);
    series.set(c.attempts, this.attempts - last.attempts);
    series.set(c.inFlight, this.inFlight);
    this.intervalLatency.takeQuantiles(this.quantiles);
    series.set(c.p50, this.quantiles[0]);
    series.set(c.p99, this.quantiles[1]);
    last.generated = this.generated;
    last.succeeded = this.succeeded;
    last.failed = this.failedTotal;
    last.attempts = this.attempts;
    last.goodput = this.goodput;
  }

  summarize(sim: KindContext): ClientReport {
    const sessions = this.sessions;
    const auth =
      sessions === null
        ? undefined
        : { signIns: this.signIns, reauthentications: this.reauthentications, holders: sessions.count, rejectedTokenShare: sessions.shareWithKeyIn(sim.keysDistrustedAnywhere()) };
    // keyed by class names a person chose: no prototype, so "__proto__" stays a class
    const byClass: Record<string, { generated: number; succeeded: number }> = Object.create(null) as Record<string, { generated: number; succeeded: number }>;
    this.spec.classes.forEach((cls, i) => (byClass[cls.name] = { generated: this.generatedByClass[i], succeeded: this.succeededByClass[i] }));
    return {
      ...(auth ? { auth } : {}),
      classes: byClass,
      kind: 'client',
      generated: this.generated,
      succeeded: this.succeeded,
      goodput: this.goodput,
      failed: reasonCounts(this.failed),
      inFlight: this.inFlight,
      attempts: this.attempts,
      retryAmplification: this.generated > 0 ? this.attempts / this.generated : 0,
      retries: { sent: this.retriesSent, ...retryRefusals(this.plansByClass) },
      latencyMs: latencySummary(this.runLatency()),
    };
  }

  /** The measured window's latency histogram, up to date. */
  private runLatency(): LogHistogram {
    this.intervalLatency.flush();
    return this.latency;
  }

  private scheduleNextArrival(sim: KindContext): void {
    if (this.ratePerSec <= 0) return;
    const meanGapMs = 1000 / this.ratePerSec;
    const gapMs = this.poisson ? -meanGapMs * Math.log(1 - this.arrivalRng.next()) : meanGapMs;
    sim.queue.push(sim.nowMs + gapMs, EV_ARRIVAL, this.index, this.arrivalToken);
  }

  /** One of this client's classes, by weight (its position in `spec.classes`). */
  private pickOwnClass(): number {
    if (this.classIndices.length === 1) return 0;
    const r = this.classRng.next() * this.classCumulative[this.classCumulative.length - 1];
    for (let i = 0; i < this.classCumulative.length; i++) if (r < this.classCumulative[i]) return i;
    return this.classIndices.length - 1;
  }
}
