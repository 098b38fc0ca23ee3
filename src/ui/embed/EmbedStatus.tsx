/**
 * One line: simulated time of duration, and what the run is doing, in words. A story told in
 * the incident's time of day ("19:05 — the 5-minute group is fully broken") shows that clock
 * first, so the caption and the clock agree; the run's own clock follows, muted.
 */
import { timeOfDay } from '../../story/index.ts';
import { useRunStore, type RunStatus } from '../../store/run-store.ts';
import { formatClock, RUN_STATUS_TEXT } from '../run/format-run.ts';

// An embed always has a scenario on its way: idle is only the moment before it loads.
const STATUS_TEXT: Record<RunStatus, string> = { ...RUN_STATUS_TEXT, idle: 'Starting…' };

export function EmbedStatus() {
  const status = useRunStore((s) => s.status);
  const simulatedMs = useRunStore((s) => s.simulatedMs);
  const durationMs = useRunStore((s) => s.durationMs);
  const failure = useRunStore((s) => s.failure);
  const startOfDay = useRunStore((s) => s.story?.startOfDay ?? null);
  return (
    <p className="fl-embed-status">
      {startOfDay !== null && (
        <span className="fl-embed-time-of-day" role="timer" aria-label="Time of day in the story">
          {timeOfDay(simulatedMs, startOfDay)}
        </span>
      )}
      <span className="fl-embed-clock" role="timer" aria-label="Simulated time" data-secondary={startOfDay !== null || undefined}>
        {formatClock(simulatedMs)} <span className="fl-embed-muted">/ {formatClock(durationMs)}</span>
      </span>
      <span role="status" data-status={status} title={failure ?? undefined}>
        {STATUS_TEXT[status]}
      </span>
    </p>
  );
}
