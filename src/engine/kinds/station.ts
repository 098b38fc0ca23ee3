import { gaveUpAtMs, PHASE_QUEUED, PHASE_SERVICE, PHASE_WAITING, type Call } from '../call.ts';
import { Sampler } from '../distributions.ts';
import { streamFor, type RandomStream } from '../random.ts';
import { OK, R_AUTH_REJECTED, R_CANCELLED, R_ERROR, R_NODE_DOWN, R_QUEUE_FULL, R_SHED } from '../reasons.ts';
import { ACCEPT, PARKED, REJECT, Validator } from '../validator.ts';
import type { NodeReport } from '../report-types.ts';
import type { SeriesRecorder } from '../series.ts';
import { EV_DEADLINE, EV_SERVICE_DONE } from '../events.ts';
import type { FaultApply, KindContext } from '../kind-context.ts';
import type { AnyLiveEdit, LiveEdit } from '../live-edits.ts';
import type { LiveNodeRow } from '../live-fields.ts';
import type { FaultSpec, ServiceSpec } from '../spec.ts';
import { NO_RETRY, stepPlan } from '../steps.ts';
import type { PlanContext } from './node-runtime.ts';
import { ServerRuntime } from './server-runtime.ts';
import { WorkerPool } from './worker-pool.ts';

const finiteOr = (value: number, fallback: number): number => (value === Infinity ? fallback : value);

/**
 * What a running station (service, database, external; identity provider and key set too: they
 * are stations) takes live. Workers and the queue's capacity change on every replica.
 */
export const STATION_LIVE_EDITS: readonly LiveEdit<Omit<ServiceSpec, 'kind'>, StationRuntime>[] = [
  { patch: 'workers', specField: 'workers', value: (spec) => spec.workers, apply: (node, sim, workers) => (node.setWorkers(sim, workers), true) },
  { patch: 'serviceTime', specField: 'serviceTime', value: (spec) => spec.serviceTime, apply: (node, _sim, serviceTime) => ((node.serviceTime = new Sampler(serviceTime)), true) },
  { patch: 'errorRate', specField: 'errorRate', value: (spec) => spec.errorRate, apply: (node, _sim, errorRate) => ((node.errorRate = errorRate), true) },
  {
    patch: 'queueCapacity',
    specField: 'queue',
    value: (spec) => spec.queue.capacity,
    rest: (spec) => ({ ...spec.queue, capacity: 0 }),
    apply: (node, _sim, capacity) => (node.setQueueCapacity(capacity), true),
  },
];

/**
 * A service, database or external dependency: worker pools (its own, and its bulkheads), a queue
 * each, a service time, an error rate, then its downstream calls in order. A job holds its worker
 * for the whole time, waiting on downstream calls included — that is how slowness cascades up a
 * synchronous call chain.
 */
export class StationRuntime extends ServerRuntime {
  readonly spec: ServiceSpec;
  slowFactor = 1;
  errorRate: number;
  serviceTime: Sampler;
  /**
   * Per replica: the service's own pool, then its bulkheads, in order — replica r's pools are
   * pools[r × poolsPerReplica …]. Without replicas there is one set.
   */
  readonly pools: WorkerPool[];
  readonly poolsPerReplica: number;
  readonly replicas: number;
  private poolByClass: Int32Array = new Int32Array(0);
  /** Token validation (services with `auth`), and the request class its key-set fetches use. */
  validator: Validator | null = null;
  private fetchClass = -1;
  private readonly replicaRng: RandomStream;
  private readonly verdicts: { call: Call; verdict: number }[] = [];
  private authColumns: { accepted: number; fetches: number; trusted: number } | null = null;
  private readonly serviceRng: RandomStream;
  private readonly errorRng: RandomStream;
  private readonly droppedCalls: Call[] = [];
  private readonly droppedReasons: number[] = [];
  /** Worker time spent after the caller (or its caller…) had given up, and all worker time. */
  wastedMs = 0;
  busyMs = 0;
  usefulCompleted = 0;

  constructor(index: number, spec: ServiceSpec, seed: number) {
    super(index, spec, seed);
    this.spec = spec;
    this.replicas = spec.replicas;
    this.poolsPerReplica = 1 + spec.bulkheads.length;
    this.pools = [];
    for (let r = 0; r < spec.replicas; r++) {
      this.pools.push(new WorkerPool('default', spec.workers, spec.queue), ...spec.bulkheads.map((b) => new WorkerPool(b.name, b.workers, b.queue)));
    }
    this.replicaRng = streamFor(seed, spec.id, 'replica');
    this.updateWorkerTotal();
    this.errorRate = spec.errorRate;
    this.serviceTime = new Sampler(spec.serviceTime);
    this.serviceRng = streamFor(seed, spec.id, 'service');
    this.errorRng = streamFor(seed, spec.id, 'error');
    this.propagatesDeadline = spec.propagateDeadline;
    this.cancelsOnGiveUp = spec.cancelOnCallerGiveUp;
  }

  /** The service's own pool size (what setWorkers changes). */
  get workers(): number {
    return this.pools[0].workers;
  }

  plan(ctx: PlanContext): void {
    const all = this.spec.calls.map((c) => ({
      when: c.when === null ? null : new Set(c.when.map((name) => ctx.classIndex(name))),
      plan: stepPlan(
        ctx.nodeIndex(c.to),
        ctx.routeBetween(this.spec.id, c.to),
        c.timeoutMs,
        c.retry,
        c.circuitBreaker && {
          spec: c.circuitBreaker,
          fallbackNode: c.circuitBreaker.fallback === null ? -1 : ctx.nodeIndex(c.circuitBreaker.fallback),
          fallbackRoute: c.circuitBreaker.fallback === null ? null : ctx.routeBetween(this.spec.id, c.circuitBreaker.fallback),
        },
      ),
      to: c.to,
    }));
    this.plansByClass = Array.from({ length: ctx.classCount }, (_, cls) => all.filter((c) => c.when === null || c.when.has(cls)).map((c) => c.plan));
    // A class goes to the first bulkhead that names it, or names a target its calls reach.
    this.poolByClass = new Int32Array(ctx.classCount);
    for (let cls = 0; cls < ctx.classCount; cls++) {
      const targets = new Set(all.filter((c) => c.when === null || c.when.has(cls)).map((c) => c.to));
      const bulkhead = this.spec.bulkheads.findIndex((b) => (b.when !== null && b.when.some((name) => ctx.classIndex(name) === cls)) || (b.to !== null && targets.has(b.to)));
      this.poolByClass[cls] = bulkhead + 1; // -1 (none) → pool 0
    }
    const auth = this.spec.auth;
    if (auth !== null) {
      // Key-set fetches are jobs of the internal class, whose one step here is the fetch.
      this.fetchClass = ctx.internalClass;
      this.plansByClass[this.fetchClass] = [stepPlan(ctx.nodeIndex(auth.keyset), ctx.routeBetween(this.spec.id, auth.keyset), auth.fetchTimeoutMs, NO_RETRY)];
      this.validator = new Validator(auth, this.replicas, ctx.initialKeyMask(auth.keyset), this.index, (sim, replica) => this.startFetch(sim, replica));
    }
  }

  override start(sim: KindContext): void {
    this.validator?.start(sim, this.seed, this.id);
  }

  override onReplicaTimer(sim: KindContext, replica: number): void {
    this.validator?.onRefreshDue(sim, replica);
  }

  forceRefresh(sim: KindContext): void {
    this.validator?.forceRefresh(sim);
  }

  receive(sim: KindContext, call: Call): void {
    if (!this.acceptArrival(sim, call)) return;
    const s = this.stats;
    const measured = sim.nowMs >= sim.warmupMs;
    call.replica = this.replicas > 1 ? this.replicaRng.below(this.replicas) : 0;
    if (call.parentGaveUp && this.cancelsOnGiveUp) {
      this.reject(sim, call, R_CANCELLED);
      return;
    }
    const verdict = this.validator === null ? ACCEPT : this.validator.check(sim, call, call.replica);
    if (verdict === REJECT) this.reject(sim, call, R_AUTH_REJECTED);
    else if (verdict === PARKED) {
      s.queued++; // waiting for the key set counts as waiting in the queue
      call.phase = PHASE_QUEUED;
    } else this.admit(sim, call, measured);
  }

  /** Into its pool: a free worker, else the queue, else refused. */
  private admit(sim: KindContext, call: Call, measured: boolean): void {
    const s = this.stats;
    call.pool = call.replica * this.poolsPerReplica + this.poolByClass[call.classIndex];
    const pool = this.pools[call.pool];
    if (pool.hasFreeWorker) this.begin(sim, pool, call);
    else if (pool.hasQueueRoom) {
      if (measured) s.waitedMeasured++;
      s.queued++;
      call.phase = PHASE_QUEUED;
      pool.queue.pushBack(call);
    } else {
      pool.dropped[R_QUEUE_FULL]++;
      this.reject(sim, call, R_QUEUE_FULL);
    }
  }

  onServiceDone(sim: KindContext, call: Call): void {
    if (this.errorRate > 0 && this.errorRng.next() < this.errorRate) {
      this.finishJob(sim, call, R_ERROR);
      return;
    }
    // One hop: a job without downstream steps is done — what runSteps would find, without asking.
    if (this.plansByClass[call.classIndex].length === 0) {
      this.finishJob(sim, call, OK);
      return;
    }
    call.step = 0;
    call.stepAttempts = 0;
    sim.runSteps(call);
  }

  finishJob(sim: KindContext, call: Call, result: number): void {
    if (call.parent === null && call.classIndex === this.fetchClass) {
      this.finishFetch(sim, call, result);
      return;
    }
    const s = this.stats;
    s.touch(sim.nowMs, sim.warmupMs);
    const pool = this.pools[call.pool];
    pool.inService--;
    s.inService--;
    this.countWork(sim, call, result);
    this.recordDeparture(sim, call, result);
    // Hand the worker to the next queued job before answering: the answer may travel inline and
    // bring a new arrival here, which must not jump the queue.
    this.pullQueue(sim, pool);
    if (result === OK) this.beforeAnswer(sim, call);
    sim.respond(call, result);
  }

  /** What a successful answer carries (identity: a token; key set: the keys). Nothing by default. */
  protected beforeAnswer(_sim: KindContext, _call: Call): void {}

  private startFetch(sim: KindContext, replica: number): void {
    const job = sim.pool.acquire();
    job.node = this.index;
    job.classIndex = this.fetchClass;
    job.replica = replica;
    job.phase = PHASE_WAITING;
    job.originMs = sim.nowMs;
    job.arrivedMs = sim.nowMs;
    sim.runSteps(job);
  }

  private finishFetch(sim: KindContext, job: Call, result: number): void {
    const verdicts = this.verdicts;
    this.validator?.onFetchDone(sim, job, result, verdicts);
    sim.releaseCall(job);
    if (verdicts.length === 0) return;
    const decided = verdicts.splice(0);
    const s = this.stats;
    const measured = sim.nowMs >= sim.warmupMs;
    for (const { call, verdict } of decided) {
      s.touch(sim.nowMs, sim.warmupMs);
      s.queued--;
      if (this.down) this.reject(sim, call, R_NODE_DOWN);
      else if (verdict === ACCEPT) this.admit(sim, call, measured);
      else this.reject(sim, call, R_AUTH_REJECTED);
    }
  }

  override abortJob(sim: KindContext, job: Call, reason: number): void {
    // A queued job stays put and is dropped when it reaches a worker (no O(n) removal).
    if (job.phase === PHASE_QUEUED) return;
    super.abortJob(sim, job, reason);
  }

  setWorkers(sim: KindContext, workers: number): void {
    this.stats.touch(sim.nowMs, sim.warmupMs);
    for (let r = 0; r < this.replicas; r++) this.pools[r * this.poolsPerReplica].workers = workers;
    this.updateWorkerTotal();
    for (let r = 0; r < this.replicas; r++) this.pullQueue(sim, this.pools[r * this.poolsPerReplica]);
  }

  /** The capacity of the service's own queue, on every replica (a bulkhead keeps its own). */
  setQueueCapacity(capacity: number): void {
    for (let r = 0; r < this.replicas; r++) this.pools[r * this.poolsPerReplica].queueSpec.capacity = capacity;
  }

  override get liveEdits(): readonly AnyLiveEdit[] {
    return STATION_LIVE_EDITS;
  }

  /** Crash and recover as every server; `slow`, `error`, `setWorkers`; `forceRefresh` for validators. */
  override faultAction(sim: KindContext, fault: FaultSpec): FaultApply | null {
    const p = fault.params;
    switch (fault.action) {
      case 'slow':
        return () => {
          const before = this.slowFactor;
          this.slowFactor = p.factor ?? 1;
          return () => (this.slowFactor = before);
        };
      case 'error':
        return () => {
          const before = this.errorRate;
          this.errorRate = p.errorRate ?? 0;
          return () => (this.errorRate = before);
        };
      case 'setWorkers':
        return () => {
          const before = this.workers;
          this.setWorkers(sim, p.workers ?? before);
          return () => this.setWorkers(sim, before);
        };
      case 'forceRefresh':
        if (this.validator === null) return null;
        return () => {
          this.forceRefresh(sim);
          return () => {}; // a refresh cannot be undone; `for` has nothing to revert
        };
      default:
        return super.faultAction(sim, fault);
    }
  }

  override writeLive(row: LiveNodeRow): void {
    row.set('workers', finiteOr(this.workers, -1));
    row.set('queueCapacity', finiteOr(this.pools[0].queueSpec.capacity, -1));
    const v = this.validator;
    if (v === null) return;
    row.set('rejectingShare', v.rejectingShare(row.keysInUse));
    row.set('trustedKeys', v.trustedByAll());
    row.set('nextRefreshInMs', Math.max(0, v.earliestRefreshMs() - row.nowMs));
    row.set('rejectingKeys', v.distrustedAnywhere(row.keysInUse));
    if (this.authColumns !== null) row.set('keysetFetchesPerSec', row.rate(this.authColumns.fetches));
  }

  override hasUnboundedQueue(): boolean {
    return this.pools.some((p) => p.queueSpec.capacity === Infinity);
  }

  override keysDistrusted(all: number): number {
    return this.validator === null ? 0 : this.validator.distrustedAnywhere(all);
  }

  override crash(sim: KindContext): void {
    if (this.down) return;
    const s = this.stats;
    const working = this.goDown(sim);
    // Key-set fetches in flight are not requests: they just end.
    const fetches = working.filter((call) => call.parent === null && call.classIndex === this.fetchClass);
    const active = working.filter((call) => !fetches.includes(call));
    for (const job of fetches) {
      sim.abandonAttempt(job);
      this.validator?.onFetchDone(sim, job, R_NODE_DOWN, this.verdicts);
      sim.releaseCall(job);
    }
    this.verdicts.length = 0;
    const queued: Call[] = this.validator?.drainParked() ?? [];
    for (const pool of this.pools) {
      pool.queue.drain((call) => queued.push(call));
      pool.inService = 0;
    }
    s.queued = 0;
    s.inService = 0;
    for (const call of active) {
      sim.abandonAttempt(call);
      this.countWork(sim, call, R_NODE_DOWN);
      this.recordDeparture(sim, call, R_NODE_DOWN);
    }
    for (const call of queued) this.recordDeparture(sim, call, R_NODE_DOWN);
    for (const call of active) sim.respond(call, R_NODE_DOWN);
    for (const call of queued) sim.respond(call, R_NODE_DOWN);
  }

  override rejectingShare(sim: KindContext): number {
    if (this.validator === null) return 0;
    const inUse = sim.keysInUseMask();
    this.validator.noteRejecting(inUse);
    return this.validator.rejectingShare(inUse);
  }

  override registerSeries(series: SeriesRecorder): void {
    super.registerSeries(series);
    if (this.spec.auth === null) return;
    this.authColumns = {
      accepted: series.column('nodes', this.id, 'authAccepted', 'count'),
      fetches: series.column('nodes', this.id, 'keysetFetches', 'count'),
      trusted: series.column('nodes', this.id, 'trustedKeys', 'level'), // a bitmask of keys
    };
  }

  override writeSample(series: SeriesRecorder, sim: KindContext): void {
    super.writeSample(series, sim);
    const v = this.validator;
    if (v === null || this.authColumns === null) return;
    series.set(this.authColumns.accepted, v.accepted - v.acceptedAtSample);
    series.set(this.authColumns.fetches, v.fetches - v.fetchesAtSample);
    // keys every replica trusts at the interval's end, as a bitmask over the report's `keys`
    series.set(this.authColumns.trusted, v.trustedByAll());
    v.acceptedAtSample = v.accepted;
    v.fetchesAtSample = v.fetches;
  }

  override summarize(sim: KindContext): NodeReport {
    const report = super.summarize(sim);
    const v = this.validator;
    if (v !== null) {
      report.auth = {
        trustedByAllReplicas: sim.keysOf(v.trustedByAll()),
        trustedBySomeReplica: sim.keysOf(v.trustedBySome()),
        rejectingShare: v.rejectingShare(sim.keysInUseMask()),
        everRejectingShare: v.everRejectingShare(),
        accepted: v.accepted,
        rejectedUntrustedKey: v.rejectedUntrusted,
        rejectedExpired: v.rejectedExpired,
        rejectedNoToken: v.rejectedMissing,
        negativeCacheHits: v.negativeHits,
        keysetFetches: v.fetches,
        keysetFetchFailures: v.fetchFailures,
        nextRefreshInMs: Math.max(0, v.earliestRefreshMs() - sim.nowMs),
        replicas: this.replicas,
      };
    }
    const windowMs = Math.max(1, sim.nowMs - sim.warmupMs);
    report.wastedWorkMs = this.wastedMs;
    report.wastedShare = this.busyMs > 0 ? this.wastedMs / this.busyMs : 0;
    report.goodputPerSec = (this.usefulCompleted / windowMs) * 1000;
    if (this.pools.length > 1) {
      report.bulkheads = {};
      for (const pool of this.pools) {
        report.bulkheads[pool.name] = {
          workers: pool.workers === Infinity ? null : pool.workers,
          queued: pool.queue.length,
          inService: pool.inService,
          queueFull: pool.dropped[R_QUEUE_FULL],
          shed: pool.dropped[R_SHED],
        };
      }
    }
    return report;
  }

  private begin(sim: KindContext, pool: WorkerPool, call: Call): void {
    const s = this.stats;
    const alreadyInService = s.inService;
    pool.inService++;
    s.inService++;
    call.phase = PHASE_SERVICE;
    call.startedMs = sim.nowMs;
    let durationMs = this.serviceTime.sample(this.serviceRng) * this.slowFactor;
    if (this.spec.slowdownPerInFlightMs > 0) durationMs += this.spec.slowdownPerInFlightMs * alreadyInService;
    sim.scheduleCall(call, sim.nowMs + durationMs, EV_SERVICE_DONE);
    // A deadline-aware service abandons the job then (its gen, not its token, identifies it).
    if (this.propagatesDeadline && call.deadlineMs !== Infinity) sim.queue.push(call.deadlineMs, EV_DEADLINE, call.id, call.gen);
  }

  private pullQueue(sim: KindContext, pool: WorkerPool): void {
    const s = this.stats;
    const lifo = pool.lifo;
    const maxWaitMs = pool.queueSpec.maxWaitMs;
    const deadlineAware = this.propagatesDeadline;
    while (pool.hasFreeWorker && pool.queue.length > 0) {
      const next = lifo ? pool.queue.popBack() : pool.queue.popFront();
      s.queued--;
      const reason =
        next.parentGaveUp && this.cancelsOnGiveUp
          ? R_CANCELLED
          : (deadlineAware && sim.nowMs >= next.deadlineMs) || sim.nowMs - next.arrivedMs > maxWaitMs
            ? R_SHED
            : OK;
      if (reason === OK) this.begin(sim, pool, next);
      else {
        pool.dropped[reason]++;
        this.recordDeparture(sim, next, reason);
        this.droppedCalls.push(next);
        this.droppedReasons.push(reason);
      }
    }
    // Answer the dropped ones only now that the pool's state is settled.
    if (this.droppedCalls.length === 0) return;
    const calls = this.droppedCalls.splice(0);
    const reasons = this.droppedReasons.splice(0);
    for (let i = 0; i < calls.length; i++) sim.respond(calls[i], reasons[i]);
  }

  /** Books the job's worker time, and the part of it spent after its caller had given up. */
  private countWork(sim: KindContext, call: Call, result: number): void {
    if (sim.nowMs < sim.warmupMs) return;
    const from = Math.max(call.startedMs, sim.warmupMs);
    this.busyMs += sim.nowMs - from;
    const gaveUp = gaveUpAtMs(call);
    if (gaveUp !== Infinity) this.wastedMs += sim.nowMs - Math.max(from, gaveUp);
    else if (result === OK) this.usefulCompleted++;
  }

  private updateWorkerTotal(): void {
    this.stats.workers = this.pools.reduce((total, pool) => total + pool.workers, 0);
  }
}
