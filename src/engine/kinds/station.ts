import { gaveUpAtMs, PHASE_BACKOFF, PHASE_QUEUED, PHASE_SERVICE, PHASE_WAITING, type Call } from '../call';
import { Sampler } from '../distributions';
import { streamFor, type RandomStream } from '../random';
import { OK, R_CANCELLED, R_ERROR, R_NODE_DOWN, R_QUEUE_FULL, R_SHED } from '../reasons';
import type { NodeReport } from '../report-types';
import { EV_DEADLINE, EV_SERVICE_DONE, type Simulation } from '../simulation';
import type { ServiceSpec } from '../spec';
import { stepPlan } from '../steps';
import type { PlanContext } from './node-runtime';
import { ServerRuntime } from './server-runtime';
import { WorkerPool } from './worker-pool';

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
  /** pools[0] is the service's own pool; the rest are its bulkheads, in order. */
  readonly pools: WorkerPool[];
  private poolByClass: Int32Array = new Int32Array(0);
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
    this.pools = [new WorkerPool('default', spec.workers, spec.queue), ...spec.bulkheads.map((b) => new WorkerPool(b.name, b.workers, b.queue))];
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
  }

  receive(sim: Simulation, call: Call): void {
    const s = this.stats;
    s.touch(sim.nowMs, sim.warmupMs);
    s.arrived++;
    const measured = sim.nowMs >= sim.warmupMs;
    if (measured) s.arrivedMeasured++;
    call.arrivedMs = sim.nowMs;
    const pool = this.pools[this.poolByClass[call.classIndex]];
    call.pool = this.poolByClass[call.classIndex];
    if (this.down) this.reject(sim, call, R_NODE_DOWN);
    else if (call.parentGaveUp && this.cancelsOnGiveUp) this.reject(sim, call, R_CANCELLED);
    else if (pool.hasFreeWorker) this.begin(sim, pool, call);
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

  onServiceDone(sim: Simulation, call: Call): void {
    if (this.errorRate > 0 && this.errorRng.next() < this.errorRate) {
      this.finishJob(sim, call, R_ERROR);
      return;
    }
    call.step = 0;
    call.stepAttempts = 0;
    sim.runSteps(call);
  }

  finishJob(sim: Simulation, call: Call, result: number): void {
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
    sim.respond(call, result);
  }

  override abortJob(sim: Simulation, job: Call, reason: number): void {
    // A queued job stays put and is dropped when it reaches a worker (no O(n) removal).
    if (job.phase === PHASE_QUEUED) return;
    super.abortJob(sim, job, reason);
  }

  setWorkers(sim: Simulation, workers: number): void {
    this.stats.touch(sim.nowMs, sim.warmupMs);
    this.pools[0].workers = workers;
    this.updateWorkerTotal();
    this.pullQueue(sim, this.pools[0]);
  }

  crash(sim: Simulation): void {
    if (this.down) return;
    const s = this.stats;
    s.touch(sim.nowMs, sim.warmupMs);
    this.down = true;
    this.changedAtMs = sim.nowMs;
    const active = sim.jobsAt(this.index, (phase) => phase === PHASE_SERVICE || phase === PHASE_WAITING || phase === PHASE_BACKOFF);
    const queued: Call[] = [];
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

  recover(sim: Simulation): void {
    if (!this.down) return;
    this.down = false;
    this.changedAtMs = sim.nowMs;
  }

  override summarize(sim: Simulation): NodeReport {
    const report = super.summarize(sim);
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

  private begin(sim: Simulation, pool: WorkerPool, call: Call): void {
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

  private pullQueue(sim: Simulation, pool: WorkerPool): void {
    const s = this.stats;
    const lifo = pool.queueSpec.discipline === 'lifo';
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
  private countWork(sim: Simulation, call: Call, result: number): void {
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
