import { PHASE_BACKOFF, PHASE_QUEUED, PHASE_SERVICE, PHASE_WAITING, CallDeque, type Call } from '../call';
import { Sampler } from '../distributions';
import { streamFor, type RandomStream } from '../random';
import { R_ERROR, R_NODE_DOWN, R_QUEUE_FULL } from '../reasons';
import { EV_SERVICE_DONE, type Simulation } from '../simulation';
import type { ServiceSpec } from '../spec';
import { stepPlan } from '../steps';
import type { PlanContext } from './node-runtime';
import { ServerRuntime } from './server-runtime';

/**
 * A service, database or external dependency: workers, a queue, a service time, an error rate,
 * then its downstream calls in order. A job holds its worker for the whole time, waiting on
 * downstream calls included — that is how slowness cascades up a synchronous call chain.
 */
export class StationRuntime extends ServerRuntime {
  readonly spec: ServiceSpec;
  workers: number;
  slowFactor = 1;
  errorRate: number;
  private readonly queue = new CallDeque();
  serviceTime: Sampler;
  private readonly serviceRng: RandomStream;
  private readonly errorRng: RandomStream;

  constructor(index: number, spec: ServiceSpec, seed: number) {
    super(index, spec, seed);
    this.spec = { ...spec, queue: { ...spec.queue } }; // own copy: live patches change the queue
    this.workers = spec.workers;
    this.stats.workers = spec.workers;
    this.errorRate = spec.errorRate;
    this.serviceTime = new Sampler(spec.serviceTime);
    this.serviceRng = streamFor(seed, spec.id, 'service');
    this.errorRng = streamFor(seed, spec.id, 'error');
  }

  plan(ctx: PlanContext): void {
    const all = this.spec.calls.map((c) => ({
      when: c.when === null ? null : new Set(c.when.map((name) => ctx.classIndex(name))),
      plan: stepPlan(ctx.nodeIndex(c.to), ctx.routeBetween(this.spec.id, c.to), c.timeoutMs, c.retry),
    }));
    this.plansByClass = Array.from({ length: ctx.classCount }, (_, cls) => all.filter((c) => c.when === null || c.when.has(cls)).map((c) => c.plan));
  }

  receive(sim: Simulation, call: Call): void {
    const s = this.stats;
    s.touch(sim.nowMs, sim.warmupMs);
    s.arrived++;
    const measured = sim.nowMs >= sim.warmupMs;
    if (measured) s.arrivedMeasured++;
    call.arrivedMs = sim.nowMs;
    if (this.down) this.reject(sim, call, R_NODE_DOWN);
    else if (s.inService < this.workers) this.begin(sim, call);
    else if (s.queued < this.spec.queue.capacity) {
      if (measured) s.waitedMeasured++;
      s.queued++;
      call.phase = PHASE_QUEUED;
      this.queue.pushBack(call);
    } else this.reject(sim, call, R_QUEUE_FULL);
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
    s.inService--;
    this.recordDeparture(sim, call, result);
    // Hand the worker to the next queued job before answering: the answer may travel inline and
    // bring a new arrival here, which must not jump the queue.
    this.pullQueue(sim);
    sim.respond(call, result);
  }

  setWorkers(sim: Simulation, workers: number): void {
    this.stats.touch(sim.nowMs, sim.warmupMs);
    this.workers = workers;
    this.stats.workers = workers;
    this.pullQueue(sim);
  }

  crash(sim: Simulation): void {
    if (this.down) return;
    const s = this.stats;
    s.touch(sim.nowMs, sim.warmupMs);
    this.down = true;
    this.changedAtMs = sim.nowMs;
    const active = sim.jobsAt(this.index, (phase) => phase === PHASE_SERVICE || phase === PHASE_WAITING || phase === PHASE_BACKOFF);
    const queued: Call[] = [];
    this.queue.drain((call) => queued.push(call));
    s.queued = 0;
    s.inService = 0;
    for (const call of active) {
      sim.abandonAttempt(call);
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

  private begin(sim: Simulation, call: Call): void {
    this.stats.inService++;
    call.phase = PHASE_SERVICE;
    const durationMs = this.serviceTime.sample(this.serviceRng) * this.slowFactor;
    sim.scheduleCall(call, sim.nowMs + durationMs, EV_SERVICE_DONE);
  }

  private pullQueue(sim: Simulation): void {
    const s = this.stats;
    const lifo = this.spec.queue.discipline === 'lifo';
    while (s.inService < this.workers && this.queue.length > 0) {
      const next = lifo ? this.queue.popBack() : this.queue.popFront();
      s.queued--;
      this.begin(sim, next);
    }
  }
}
