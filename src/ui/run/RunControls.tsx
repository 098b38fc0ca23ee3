/**
 * Play/pause, step, speed, reset, the simulated clock and events per second. Every control is
 * a labelled native button, so keyboard and screen readers work without extra wiring; Space and
 * K toggle play anywhere outside a text field (video-player habit).
 */
import { useEffect } from 'react';
import { RUN_SPEEDS, type RunSpeed } from '../../../workers/protocol.ts';
import { timeOfDay } from '../../story/index.ts';
import { usePresenterStore } from '../guide/presenter-store.ts';
import { useGraphStore } from '../../store/graph-store.ts';
import { runActions, useRunStore, type RunStatus } from '../../store/run-store.ts';
import { formatClock, formatRate, progressValue, RUN_STATUS_TEXT, speedLabel, speedTitle } from './format-run.ts';
import './run.css';

/** The select's value back to a speed: one of RUN_SPEEDS, compared as text. */
const parseSpeed = (value: string): RunSpeed => RUN_SPEEDS.find((s) => String(s) === value) ?? 1;
const canRun = (status: RunStatus) => status === 'paused' || status === 'running';

/** Play at the end of a run plays it again from the start. */
function togglePlay(status: RunStatus): void {
  if (status === 'running') void runActions.pause();
  else if (status === 'paused') void runActions.play();
  else if (status === 'finished') void runActions.reset().then(runActions.play);
}

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

export function RunControls() {
  const status = useRunStore((s) => s.status);
  const speed = useRunStore((s) => s.speed);
  const simulatedMs = useRunStore((s) => s.simulatedMs);
  const durationMs = useRunStore((s) => s.durationMs);
  const eventsPerSec = useRunStore((s) => s.eventsPerSec);
  const failure = useRunStore((s) => s.failure);
  // a room follows the story's captions ("19:05 — …"): present mode reads the clock in their time of day too
  const startOfDay = useRunStore((s) => s.story?.startOfDay ?? null);
  const presenting = usePresenterStore((s) => s.presenting);
  // an empty canvas has nothing to run, which is not an error
  const empty = useGraphStore((s) => s.document.nodes.length === 0);
  const running = status === 'running';

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTextField(event.target)) return;
      // Space on a focused button already clicks it.
      if ((event.key === ' ' && !(event.target instanceof HTMLButtonElement)) || event.key === 'k') {
        event.preventDefault();
        togglePlay(useRunStore.getState().status);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="fl-run-controls" role="group" aria-label="Run controls">
      <button type="button" className="fl-run-play" onClick={() => togglePlay(status)} disabled={!canRun(status) && status !== 'finished'} aria-keyshortcuts="Space K" title={RUN_STATUS_TEXT[status]}>
        <span aria-hidden="true">{running ? '❚❚' : '▶'}</span> {running ? 'Pause' : 'Play'}
      </button>
      <button type="button" onClick={() => void runActions.step()} disabled={!canRun(status)} title="Advance one sample interval and pause">
        Step
      </button>
      <select className="fl-run-speed" aria-label="Speed" value={String(speed)} onChange={(e) => void runActions.setSpeed(parseSpeed(e.target.value))} title="Simulated seconds per second">
        {RUN_SPEEDS.map((s) => (
          <option key={s} value={String(s)} title={speedTitle(s)}>{speedLabel(s)}</option>
        ))}
      </select>
      <button type="button" onClick={() => void runActions.reset()} disabled={status === 'idle' || status === 'loading' || status === 'invalid'}>
        Reset
      </button>
      <div className="fl-run-readouts">
        {presenting && startOfDay !== null && (
          <span className="fl-run-time-of-day" aria-label="Time of day in the story" role="timer" aria-live="off">
            {timeOfDay(simulatedMs, startOfDay)}
          </span>
        )}
        <span className="fl-run-clock" aria-label="Simulated time" role="timer" aria-live="off">
          {formatClock(simulatedMs)} <span className="fl-run-muted">/ {formatClock(durationMs)}</span>
        </span>
        <progress className="fl-run-progress" max={Math.max(1, durationMs)} value={progressValue(simulatedMs, durationMs)} aria-label="Run progress" />
        <span className="fl-run-rate" aria-label="Events per second">
          {formatRate(eventsPerSec)} <span className="fl-run-muted">events/s</span>
        </span>
        <span className="fl-run-status" role="status" data-status={empty ? 'empty' : status} title={failure ?? undefined}>
          {empty ? 'Nothing to run yet' : RUN_STATUS_TEXT[status]}
        </span>
      </div>
    </div>
  );
}
