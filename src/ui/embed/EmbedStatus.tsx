/** One line: simulated time of duration, and what the run is doing, in words. */
import { useRunStore, type RunStatus } from '../../store/run-store.ts';
import { formatClock, RUN_STATUS_TEXT } from '../run/format-run.ts';

// An embed always has a scenario on its way: idle is only the moment before it loads.
const STATUS_TEXT: Record<RunStatus, string> = { ...RUN_STATUS_TEXT, idle: 'Starting…' };

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
