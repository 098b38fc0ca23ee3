/** One line: simulated time of duration, and what the run is doing, in words. */
import { useRunStore, type RunStatus } from '../../store/run-store.ts';
import { formatClock } from '../run/format-run.ts';

const STATUS_TEXT: Record<RunStatus, string> = {
  idle: 'Starting…',
  loading: 'Loading…',
  paused: 'Paused',
  running: 'Running',
  finished: 'Finished',
  invalid: 'Scenario has errors',
  failed: 'Simulation failed',
};

export function EmbedStatus() {
  const status = useRunStore((s) => s.status);
  const simulatedMs = useRunStore((s) => s.simulatedMs);
  const durationMs = useRunStore((s) => s.durationMs);
  const failure = useRunStore((s) => s.failure);
  return (
    <p className="fl-embed-status">
      <span className="fl-embed-clock" role="timer" aria-label="Simulated time">
        {formatClock(simulatedMs)} <span className="fl-embed-muted">/ {formatClock(durationMs)}</span>
      </span>
      <span role="status" data-status={status} title={failure ?? undefined}>
        {STATUS_TEXT[status]}
      </span>
    </p>
  );
}
