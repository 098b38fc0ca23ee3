import { PHASE_WAITING, type Call } from '../call.ts';
import { EV_ARRIVAL } from '../events.ts';
import { LogHistogram } from '../histogram.ts';
import type { KindContext } from '../kind-context.ts';
import { streamFor } from '../random.ts';
import { OK, REASON_COUNT, reasonCounts } from '../reasons.ts';
import type { ProbeReport } from '../report-types.ts';
import type { SeriesRecorder } from '../series.ts';
import type { ProbeSpec } from '../spec.ts';
import { NO_RETRY, stepPlan } from '../steps.ts';
import { latencySummary } from '../summaries.ts';
import { NodeRuntime, type HeadlineColumns, type Holding, type PlanContext, type ReportGroup } from './node-runtime.ts';

/**
 * A synthetic check (the format's top-level `probes`): one request every `everyMs` to its target,
 * over the links real traffic takes from `via`, one attempt with its own timeout. Its outcomes
 * are its own (reported under `probes`), never a client's goodput. The first probe goes at a
 * uniform offset in [0, everyMs) drawn from the probe's own stream, so adding a probe changes no
 * other component's random numbers (the links it crosses do draw for its messages, as for any).
 * Compiled after the scenario's nodes; the loop's EV_ARRIVAL reaches it as it reaches a client.
 */
export class ProbeRuntime extends NodeRuntime {
  readonly spec: ProbeSpec;
  override readonly reportGroup: ReportGroup = 'probes';
  private classIndex = 0;
  sent = 0;
  succeeded = 0;
  failedTotal = 0;
  readonly failed = new Float64Array(REASON_COUNT);
  inFlight = 0;
  /** Failures since the last success (what a "N failures in a row" alert reads). */
  failuresInARow = 0;
  private readonly latency = new LogHistogram();
  private intervalLatencySumMs = 0;
  private readonly atSample = { sent: 0, succeeded: 0, failed: 0 };
  private columns = { sent: 0, succeeded: 0, failed: 0, failuresInARow: 0, latencyMs: 0 };

  constructor(index: number, spec: ProbeSpec, seed: number) {
    super(index, { kind: 'probe', id: spec.id }, seed);
    this.spec = spec;
  }

  plan(ctx: PlanContext): void {
    const plan = stepPlan(ctx.nodeIndex(this.spec.target), ctx.routeBetween(this.spec.via, this.spec.target), this.spec.timeoutMs, NO_RETRY);
    this.plansByClass = Array.from({ length: ctx.classCount }, () => [plan]);
    this.classIndex = this.spec.className === null ? 0 : Math.max(0, ctx.classIndex(this.spec.className));
  }

  override start(sim: KindContext): void {
    const phaseMs = streamFor(this.seed, this.spec.id, 'probe-phase').next() * this.spec.everyMs;
    sim.queue.push(sim.nowMs + phaseMs, EV_ARRIVAL, this.index, 0);
  }

  /** EV_ARRIVAL: send one probe and schedule the next. */
  onArrival(sim: KindContext, _token: number): void {
    sim.queue.push(sim.nowMs + this.spec.everyMs, EV_ARRIVAL, this.index, 0);
    const root = sim.pool.acquire();
    root.node = this.index;
    root.classIndex = this.classIndex;
    root.originMs = sim.nowMs;
    root.arrivedMs = sim.nowMs;
    root.deadlineMs = Infinity;
    root.phase = PHASE_WAITING;
    root.session = 0;
    this.sent++;
    this.inFlight++;
    sim.runSteps(root);
  }

  receive(): void {
    throw new Error(`probe ${this.id} cannot receive requests`);
  }

  finishJob(sim: KindContext, root: Call, result: number): void {
    this.inFlight--;
    if (result === OK) {
      const latencyMs = sim.nowMs - root.originMs;
      this.succeeded++;
      this.failuresInARow = 0;
      this.latency.record(latencyMs);
      this.intervalLatencySumMs += latencyMs;
    } else {
      this.failed[result]++;
      this.failedTotal++;
      this.failuresInARow++;
    }
    sim.releaseCall(root);
  }

  override holdings(): Holding[] {
    return [{ holds: 'waiting', count: this.inFlight }];
  }

  get seriesColumns(): HeadlineColumns {
    const c = this.columns;
    return { arrived: c.sent, completed: c.succeeded, dropped: c.failed, p50: c.latencyMs, p99: c.latencyMs, attempts: -1, authRejected: -1 };
  }

  registerSeries(series: SeriesRecorder): void {
    const c = this.columns;
    c.sent = series.column('probes', this.id, 'sent', 'count');
    c.succeeded = series.column('probes', this.id, 'succeeded', 'count');
    c.failed = series.column('probes', this.id, 'failed', 'count');
    c.failuresInARow = series.column('probes', this.id, 'failuresInARow', 'level');
    c.latencyMs = series.column('probes', this.id, 'latencyMs', 'level', c.succeeded);
  }

  writeSample(series: SeriesRecorder): void {
    const c = this.columns;
    const last = this.atSample;
    const succeeded = this.succeeded - last.succeeded;
    series.set(c.sent, this.sent - last.sent);
    series.set(c.succeeded, succeeded);
    series.set(c.failed, this.failedTotal - last.failed);
    series.set(c.failuresInARow, this.failuresInARow);
    series.set(c.latencyMs, succeeded > 0 ? this.intervalLatencySumMs / succeeded : 0);
    this.intervalLatencySumMs = 0;
    last.sent = this.sent;
    last.succeeded = this.succeeded;
    last.failed = this.failedTotal;
  }

  summarize(): ProbeReport {
    return {
      kind: 'probe',
      target: this.spec.target,
      via: this.spec.via,
      everyMs: this.spec.everyMs,
      sent: this.sent,
      succeeded: this.succeeded,
      failed: reasonCounts(this.failed),
      inFlight: this.inFlight,
      latencyMs: latencySummary(this.latency),
    };
  }
}
