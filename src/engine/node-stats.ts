import { IntervalLatency, LogHistogram } from './histogram.ts';
import { REASON_COUNT } from './reasons.ts';

/**
 * A node's counters. All-time counts (arrived, completed, dropped) balance at every instant:
 * arrived = completed + dropped + queued + inService. Time averages and latency percentiles cover
 * only the measured window (after warm-up).
 */
export class NodeStats {
  arrived = 0;
  completed = 0;
  droppedTotal = 0;
  readonly dropped = new Float64Array(REASON_COUNT);
  queued = 0;
  inService = 0;
  /** Workers available now (Infinity when unbounded); integrated for utilisation. */
  workers = Infinity;

  /** The measured window's latencies: read through `runLatency()`, which brings in the interval's. */
  private readonly latency = new LogHistogram();
  readonly intervalLatency = new IntervalLatency(this.latency);
  completedMeasured = 0;
  /** Arrivals (after warm-up) that found every worker busy and had to queue. */
  arrivedMeasured = 0;
  waitedMeasured = 0;
  departedMeasured = 0;
  sojournMeasuredMs = 0;

  private lastChangeMs = 0;
  queueIntegral = 0;
  systemIntegral = 0;
  workerIntegral = 0;

  arrivedAtSample = 0;
  completedAtSample = 0;
  droppedAtSample = 0;

  /** Accumulate time integrals up to `nowMs`; call before any change to queued/inService/workers. */
  touch(nowMs: number, warmupMs: number): void {
    // Math.max, not a conditional: a branch between a field and a parameter boxed `from` on every call.
    const from = Math.max(this.lastChangeMs, warmupMs);
    if (nowMs > from) {
      const dt = nowMs - from;
      this.queueIntegral += this.queued * dt;
      this.systemIntegral += (this.queued + this.inService) * dt;
      if (this.workers !== Infinity) this.workerIntegral += this.workers * dt;
    }
    this.lastChangeMs = nowMs;
  }

  /** A job left the node (completed or dropped) after `sojournMs`. */
  departed(nowMs: number, warmupMs: number, sojournMs: number, ok: boolean, reason: number): void {
    if (ok) this.completed++;
    else {
      this.dropped[reason]++;
      this.droppedTotal++;
    }
    const measured = nowMs >= warmupMs;
    if (measured) {
      this.departedMeasured++;
      this.sojournMeasuredMs += sojournMs;
      if (ok) this.completedMeasured++;
    }
    // measured latencies reach `latency` from the interval's values (IntervalLatency)
    if (ok) this.intervalLatency.record(sojournMs, measured);
  }

  /** The measured window's latency histogram, up to date. */
  runLatency(): LogHistogram {
    this.intervalLatency.flush();
    return this.latency;
  }
}
