/** The sweep's progress (runs done, %, workers), its end, a cancel, or what went wrong. */
import type { JSX } from 'react';
import type { SweepStatus } from './use-pool-run.ts';

/** `kept`: what a cancel keeps, in the caller's words (a sweep's plot, the weak points' table). */
export function SweepStatusLine({ status, workers, kept = 'the plot shows the runs that finished' }: { status: SweepStatus; workers: number; kept?: string }): JSX.Element {
  switch (status.kind) {
    case 'running':
    case 'done':
    case 'cancelled': {
      const percent = Math.round((100 * status.done) / Math.max(1, status.total));
      const text =
        status.kind === 'running'
          ? `${status.done} of ${status.total} runs (${percent}%) on ${workers} workers`
          : status.kind === 'done'
            ? `${status.total} of ${status.total} runs (100%) on ${workers} workers, finished in ${status.seconds.toFixed(1)} s.`
            : `Cancelled after ${status.done} of ${status.total} runs (${percent}%); ${kept}.`;
      return (
        <div className="fl-experiments-status">
          <progress aria-label="Sweep progress" value={status.done} max={status.total} />
          <span role="status">{text}</span>
        </div>
      );
    }
    case 'error':
      return <p role="alert" className="fl-experiments-status fl-experiments-error">{status.message}</p>;
    default:
      return <p role="status" className="fl-experiments-status">{`Runs every value × seed on ${workers} workers.`}</p>;
  }
}

/** Four significant digits; "—" for a gap (never, undefined). */
export function formatOutcome(v: number | null): string {
  return v === null ? '—' : String(Number(v.toPrecision(4)));
}
