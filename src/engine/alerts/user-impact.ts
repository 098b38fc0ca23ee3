import type { SeriesRecorder } from '../series.ts';
import type { FaultSpec } from '../spec.ts';

/**
 * User impact per fault: the end of the first sample interval after the fault's start in which
 * the users' goodput share — good outcomes (successes before the deadline) over all outcomes of
 * every client — is below the objective. An interval with no outcome says nothing.
 */
export class UserImpact {
  /** Per fault (the scenario's order); null until impact is seen. */
  readonly startMs: (number | null)[];

  constructor(
    private readonly faults: readonly FaultSpec[],
    private readonly objective: number,
    /** Per client: its goodput, succeeded and failed columns. */
    private readonly clientColumns: readonly number[][],
  ) {
    this.startMs = faults.map(() => null);
  }

  sample(series: SeriesRecorder, endMs: number): void {
    let good = 0;
    let total = 0;
    for (const [goodput, succeeded, failed] of this.clientColumns) {
      good += series.latest(goodput);
      total += series.latest(succeeded) + series.latest(failed);
    }
    if (total === 0 || good / total >= this.objective) return;
    this.faults.forEach((fault, i) => {
      if (this.startMs[i] === null && endMs > fault.atMs) this.startMs[i] = endMs;
    });
  }
}
