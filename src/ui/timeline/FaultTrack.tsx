/**
 * The time axis with one marker per fault: drag a marker, or focus it and use the arrow keys
 * (Shift: bigger steps, Home/End), Delete to remove. Live injections show below, read-only.
 * The playhead follows the live clock through the frame scheduler, outside React.
 */
import { useEffect, useEffectEvent, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { formatDuration, parseDuration } from '../../scenario/facts.ts';
import type { FaultLogEntry } from '../../../workers/protocol.ts';
import { liveMetrics } from '../../store/live-metrics.ts';
import { frameScheduler } from '../frame-scheduler.ts';
import { mountPlayhead, type PlayheadPainter } from '../playhead-canvas.ts';
import { formatSimTime } from '../run/format-run.ts';
import { formatTimeTick, maxTicksForWidth, timeTicks } from '../time-ticks.ts';
import type { AlertFiring } from './use-alert-firings.ts';
import { BellGlyph } from '../canvas/BellGlyph.tsx';

export type V1Fault = Record<string, unknown> & { at?: unknown; target?: unknown; action?: unknown };

interface FaultTrackProps {
  faults: V1Fault[];
  durationMs: number;
  faultLog: FaultLogEntry[];
  /** Alert firings of the run so far (issue 13): marked beside the faults. */
  alertFirings?: readonly AlertFiring[];
  onMove(index: number, atMs: number): void;
  onDelete(index: number): void;
}

export const faultAtMs = (fault: V1Fault): number => parseDuration(fault.at) ?? 0;
export const describeFault = (fault: V1Fault): string => `${String(fault.action)} ${String(fault.target)}`;

/** Writes `at` back in the notation it had: a number stays ms, a string gets units. */
export function withAt(fault: V1Fault, atMs: number): V1Fault {
  return { ...fault, at: typeof fault.at === 'number' ? atMs : formatDuration(atMs) };
}

const percentOf = (ms: number, spanMs: number) => `${(Math.min(spanMs, Math.max(0, ms)) / spanMs) * 100}%`;

export function FaultTrack({ faults, durationMs, faultLog, alertFirings = [], onMove, onDelete }: FaultTrackProps) {
  const track = useRef<HTMLDivElement>(null);
  const playhead = useRef<HTMLCanvasElement>(null);
  const [drag, setDrag] = useState<{ index: number; atMs: number } | null>(null);
  const laneWidthPx = useWidth(track);
  const span = Math.max(1, durationMs);
  // Whole seconds on long runs, tenths on short ones: positions a person would type.
  const grainMs = span >= 600_000 ? 1000 : 100;
  const snap = (ms: number) => Math.min(span, Math.max(0, Math.round(ms / grainMs) * grainMs));
  const percent = (ms: number) => percentOf(ms, span);

  // Drawn on a canvas across the lane: moving an element re-layerizes the page (../playhead-canvas.ts).
  const playheadPainter = useRef<PlayheadPainter | null>(null);
  const paintPlayhead = useEffectEvent(() => {
    const values = liveMetrics.get().values;
    const painter = playheadPainter.current;
    painter?.moveTo((Math.min(span, Math.max(0, values ? values[0] : 0)) / span) * painter.widthPx());
  });
  useEffect(() => {
    if (!playhead.current) return;
    const mounted = mountPlayhead(playhead.current);
    playheadPainter.current = mounted;
    const stopFrames = frameScheduler.onFrame(() => paintPlayhead());
    return () => {
      stopFrames();
      mounted.destroy();
      playheadPainter.current = null;
    };
  }, []);

  // The charts' tick rule (time-ticks.ts): nice steps, as many as the lane's width labels clearly.
  const ticks = timeTicks(0, span, maxTicksForWidth(laneWidthPx));

  const atFromPointer = (clientX: number): number => {
    const rect = track.current!.getBoundingClientRect();
    return snap(((clientX - rect.left) / Math.max(1, rect.width)) * span);
  };

  const onKeyDown = (index: number, event: KeyboardEvent<HTMLButtonElement>) => {
    const atMs = faultAtMs(faults[index]);
    const stepMs = Math.max(grainMs, snap(span / (event.shiftKey ? 10 : 100)));
    const moves: Record<string, number> = { ArrowLeft: atMs - stepMs, ArrowDown: atMs - stepMs, ArrowRight: atMs + stepMs, ArrowUp: atMs + stepMs, Home: 0, End: span };
    if (event.key in moves) {
      event.preventDefault();
      onMove(index, snap(moves[event.key]));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onDelete(index);
    }
  };

  const onPointerDown = (index: number, event: PointerEvent<HTMLButtonElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({ index, atMs: faultAtMs(faults[index]) });
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    if (drag) setDrag({ index: drag.index, atMs: atFromPointer(event.clientX) });
  };
  const onPointerUp = () => {
    if (drag && drag.atMs !== faultAtMs(faults[drag.index])) onMove(drag.index, drag.atMs);
    setDrag(null);
  };

  return (
    <div className="fl-track">
      <div className="fl-track-lane" ref={track}>
        <div className="fl-track-axis" aria-hidden="true">
          {ticks.ticksMs.map((ms) => (
            <span key={ms} style={{ left: percent(ms) }}>{formatTimeTick(ms, ticks.stepMs)}</span>
          ))}
        </div>
        {faults.map((fault, index) => {
          const atMs = drag?.index === index ? drag.atMs : faultAtMs(fault);
          return (
            <button
              key={index}
              type="button"
              className="fl-track-marker"
              data-dragging={drag?.index === index || undefined}
              style={{ left: percent(atMs) }}
              aria-label={`${describeFault(fault)} at ${formatSimTime(atMs)}${fault.for !== undefined ? ` for ${String(fault.for)}` : ''}. Arrow keys move, Delete removes.`}
              title={`${describeFault(fault)} at ${formatSimTime(atMs)}`}
              onKeyDown={(e) => onKeyDown(index, e)}
              onPointerDown={(e) => onPointerDown(index, e)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={() => setDrag(null)}
            >
              <span aria-hidden="true">{String(fault.action).slice(0, 1).toUpperCase()}</span>
            </button>
          );
        })}
        {alertFirings.map((f, index) => {
          const text = `${f.name} (${f.severity}) fired at ${formatSimTime(f.firedAtMs)}${f.clearedAtMs === null ? ', still firing' : `, cleared at ${formatSimTime(f.clearedAtMs)}`}`;
          return (
            <span
              key={`alert-${index}`}
              className="fl-track-alert"
              data-severity={f.severity}
              data-firing={f.clearedAtMs === null || undefined}
              style={{ left: percent(f.firedAtMs), width: `calc(${percent((f.clearedAtMs ?? f.untilMs) - f.firedAtMs)} + 2px)` }}
              role="img"
              aria-label={text}
              title={text}
            >
              <span aria-hidden="true">
                <BellGlyph sizePx={12} />
              </span>
            </span>
          );
        })}
        {faultLog.map((entry, index) => (
          <span key={`live-${index}`} className="fl-track-injected" style={{ left: percent(entry.atMs) }} title={`${entry.action} ${entry.target} (injected live at ${formatSimTime(entry.atMs)})`} />
        ))}
        <canvas className="fl-track-playhead" ref={playhead} aria-hidden="true" />
      </div>
    </div>
  );
}

/** An element's width in CSS px, kept up to date (0 until it is laid out). */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(Math.round(element.clientWidth)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
