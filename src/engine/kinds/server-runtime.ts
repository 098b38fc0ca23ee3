import { PHASE_BACKOFF, PHASE_SERVICE, PHASE_WAITING, type Call } from '../call.ts';
import { OK, R_AUTH_REJECTED, R_NODE_DOWN, reasonCounts } from '../reasons.ts';
import type { NodeReport } from '../report-types.ts';
import type { ColumnTable, SeriesRecorder } from '../series.ts';
import type { FaultSpec } from '../spec.ts';
import type { FaultApply, KindContext } from '../kind-context.ts';
import { retryRefusals } from '../steps.ts';
import { circuitReports, latencySummary } from '../summaries.ts';
import { NodeRuntime, type HeadlineColumns } from './node-runtime.ts';

type ServerColumn = 'arrived' | 'completed' | 'dropped' | 'queueDepth' | 'inService' | 'p50' | 'p99' | 'authRejected' | 'rejectingShare';

/** Every serving node's series columns, in the report's order (latencies need a completion). */
const SERVER_COLUMNS: ColumnTable<ServerColumn> = [
  ['arrived', 'arrived', 'count'], ['completed', 'completed', 'count'], ['dropped', 'dropped', 'count'],
  ['queueDepth', 'queueDepth', 'level'], ['inService', 'inService', 'level'],
  ['p50', 'latencyP50Ms', 'level', 'completed'], ['p99', 'latencyP99Ms', 'level', 'completed'],
  ['authRejected', 'authRejected', 'count'], ['rejectingShare', 'rejectingShare', 'level'],
];

/**
 * What every node that serves requests shares: conservation counters, time averages, the series
 * it records and the report it gives. Stations and balancers build on it.
 */
export abstract class ServerRuntime extends NodeRuntime {
  private readonly quantiles = new Float64Array(2);
  private columns: Record<ServerColumn, number> = { arrived: 0, completed: 0, dropped: 0, queueDepth: 0, inService: 0, p50: 0, p99: 0, authRejected: 0, rejectingShare: 0 };
  private authRejectedAtSample = 0;

  /** Share of this node's replicas that distrust a key live tokens use (validators override). */
  rejectingShare(_sim: KindContext): number {
    return 0;
  }

  /**
   * Books an arrival; a crashed node refuses it at once (`nodeDown`). Returns whether the kind
   * should go on with the call.
   */
  protected acceptArrival(sim: KindContext, call: Call): boolean {
    const s = this.stats;
    s.touch(sim.nowMs, sim.warmupMs);
    s.arrived++;
    if (sim.nowMs >= sim.warmupMs) s.arrivedMeasured++;
    call.arrivedMs = sim.nowMs;
    if (!this.down) return true;
    this.reject(sim, call, R_NODE_DOWN);
    return false;
  }

  /**
   * The start of every crash: books time, marks the node down, and returns the jobs that were
   * working here (their pending events invalidated) for the kind to fail.
   */
  protected goDown(sim: KindContext): Call[] {
    this.stats.touch(sim.nowMs, sim.warmupMs);
    this.down = true;
    this.changedAtMs = sim.nowMs;
    return sim.jobsAt(this.index, (phase) => phase === PHASE_SERVICE || phase === PHASE_WAITING || phase === PHASE_BACKOFF);
  }

  /** Fails every job here and refuses new ones until `recover`. */
  abstract crash(sim: KindContext): void;

  /** Every node that serves requests can crash and recover. */
  override faultAction(sim: KindContext, fault: FaultSpec): FaultApply | null {
    if (fault.action !== 'crash' && fault.action !== 'recover') return null;
    const crash = fault.action === 'crash';
    return () => {
      const wasDown = this.down;
      if (crash) this.crash(sim);
      else this.recover(sim);
      return () => (wasDown ? this.crash(sim) : this.recover(sim));
    };
  }

  /** Takes requests again; callers notice after their detection delay. */
  recover(sim: KindContext): void {
    if (!this.down) return;
    this.down = false;
    this.changedAtMs = sim.nowMs;
  }

  /** Reject on arrival (no worker held): counts as arrived and dropped, answers at once. */
  protected reject(sim: KindContext, call: Call, reason: number): void {
    this.stats.departed(sim.nowMs, sim.warmupMs, 0, false, reason);
    sim.respond(call, reason);
  }

  protected recordDeparture(sim: KindContext, call: Call, result: number): void {
    this.stats.departed(sim.nowMs, sim.warmupMs, sim.nowMs - call.arrivedMs, result === OK, result);
  }

  get seriesColumns(): HeadlineColumns {
    const c = this.columns;
    return { arrived: c.arrived, completed: c.completed, dropped: c.dropped, p50: c.p50, p99: c.p99, attempts: -1, authRejected: c.authRejected };
  }

  registerSeries(series: SeriesRecorder): void {
    series.declare('nodes', this.id, SERVER_COLUMNS, this.columns);
  }

  writeSample(series: SeriesRecorder, sim: KindContext): void {
    const s = this.stats;
    const c = this.columns;
    series.set(c.arrived, s.arrived - s.arrivedAtSample);
    series.set(c.completed, s.completed - s.completedAtSample);
    series.set(c.dropped, s.droppedTotal - s.droppedAtSample);
    series.set(c.queueDepth, s.queued);
    series.set(c.inService, s.inService);
    s.intervalLatency.takeQuantiles(this.quantiles);
    series.set(c.p50, this.quantiles[0]);
    series.set(c.p99, this.quantiles[1]);
    const authRejected = s.dropped[R_AUTH_REJECTED];
    series.set(c.authRejected, authRejected - this.authRejectedAtSample);
    this.authRejectedAtSample = authRejected;
    series.set(c.rejectingShare, this.rejectingShare(sim));
    s.arrivedAtSample = s.arrived;
    s.completedAtSample = s.completed;
    s.droppedAtSample = s.droppedTotal;
  }

  summarize(sim: KindContext): NodeReport {
    const s = this.stats;
    s.touch(sim.nowMs, sim.warmupMs);
    const windowMs = Math.max(0, sim.nowMs - sim.warmupMs);
    const perMs = windowMs > 0 ? 1 / windowMs : 0;
    const meanInSystem = s.systemIntegral * perMs;
    const meanQueueLength = s.queueIntegral * perMs;
    const meanBusyWorkers = meanInSystem - meanQueueLength;
    return {
      kind: this.kind,
      arrived: s.arrived,
      completed: s.completed,
      dropped: reasonCounts(s.dropped),
      queued: s.queued,
      inService: s.inService,
      latencyMs: latencySummary(s.runLatency()),
      meanQueueLength,
      meanInSystem,
      utilization: s.workerIntegral > 0 ? (s.systemIntegral - s.queueIntegral) / s.workerIntegral : null,
      meanBusyWorkers,
      throughputPerSec: s.completedMeasured * perMs * 1000,
      waitedShare: s.arrivedMeasured > 0 ? s.waitedMeasured / s.arrivedMeasured : 0,
      retries: { sent: this.retriesSent, ...retryRefusals(this.plansByClass) },
      circuits: circuitReports(this.plansByClass, sim),
    };
  }
}
