/**
 * Charts of the selected and highlighted nodes and links over simulated time (the whole system
 * when there are none), over a window that follows the playhead unless "Whole run" is on. React
 * only provides the container, the toggle and the props; chart-board.ts — with uPlot, in its own
 * lazily loaded chunk — draws, polls, follows the clock and moves the playhead outside React.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRunStore } from '../../store/run-store.ts';
import type { ChartBoard, FaultMarker } from './chart-board.ts';
import { FOLLOW_SPAN_MS, type ChartWindowMode, type StoryWindow } from './chart-window.ts';
import './charts.css';

export interface ChartsPanelProps {
  selectedNodeIds: readonly string[];
  selectedLinkIds: readonly string[];
  /**
   * Ids the guide highlights (its step's `watch`), charted after the selection. Today the guide
   * selects them, so they arrive as the selection; a separate highlight state can pass them here.
   */
  highlightedIds?: readonly string[];
  /** The scenario's story window, if it names one: the charts show it while the playhead is inside. */
  storyWindow?: StoryWindow | null;
}

const NONE: readonly string[] = [];

export function ChartsPanel({ selectedNodeIds, selectedLinkIds, highlightedIds = NONE, storyWindow = null }: ChartsPanelProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [board, setBoard] = useState<ChartBoard | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<ChartWindowMode>('follow');
  const durationMs = useRunStore((s) => s.durationMs);
  const scenarioFaults = useRunStore((s) => s.scenarioFaults);
  const faultLog = useRunStore((s) => s.faultLog);
  const selected = useMemo(() => [...selectedNodeIds, ...selectedLinkIds], [selectedNodeIds, selectedLinkIds]);
  const ids = useMemo(() => [...selected, ...highlightedIds.filter((id) => !selected.includes(id))], [selected, highlightedIds]);

  useEffect(() => {
    let mounted: ChartBoard | null = null;
    let cancelled = false;
    import('./chart-board.ts')
      .then(({ createChartBoard }) => {
        if (cancelled || rootRef.current === null) return;
        mounted = createChartBoard(rootRef.current);
        setBoard(mounted);
      })
      .catch((error: unknown) => setLoadError(error instanceof Error ? error.message : String(error)));
    return () => {
      cancelled = true;
      mounted?.destroy();
    };
  }, []);

  useEffect(() => board?.setSelection(ids, selected), [board, ids, selected]);
  useEffect(() => board?.setWindowMode(mode), [board, mode]);

  useEffect(() => {
    const markers: FaultMarker[] = [
      ...scenarioFaults.map((f) => ({ atMs: f.atMs, label: `${f.action} ${f.target}`, injected: false })),
      ...faultLog.map((f) => ({ atMs: f.atMs, label: `${f.action} ${f.target} (live)`, injected: true })),
    ];
    board?.setContext(durationMs, markers, storyWindow);
  }, [board, durationMs, scenarioFaults, faultLog, storyWindow]);

  const subject = ids.length === 0 ? 'whole system' : ids.join(', ');
  const follows = durationMs > FOLLOW_SPAN_MS; // a shorter run is shown whole either way
  return (
    <section className="fl-charts" aria-label="Charts">
      <div className="fl-charts-head">
        <h2 className="fl-charts-heading">
          Charts <span className="fl-charts-subject">{subject}</span>
        </h2>
        <button
          type="button"
          className="fl-button fl-button--small fl-charts-window"
          aria-pressed={mode === 'whole'}
          disabled={!follows}
          title={follows ? 'Off: the charts follow the playhead (the story window, or the last 10 minutes). On: the whole run.' : 'The run is short enough to show whole.'}
          onClick={() => setMode(mode === 'whole' ? 'follow' : 'whole')}
        >
          Whole run
        </button>
      </div>
      {loadError && <p role="alert">Charts could not load: {loadError}</p>}
      {board === null && !loadError && <p className="fl-charts-hint">Loading charts…</p>}
      <div ref={rootRef} className="fl-charts-board" />
      <p className="fl-charts-hint">
        {follows && mode === 'follow' ? `Following the playhead: ${storyWindow ? 'the story window, else ' : ''}the last ${FOLLOW_SPAN_MS / 60_000} minutes. ` : ''}
        Dashed red lines: the scenario’s faults; solid: injected live. The vertical bar is now.
      </p>
    </section>
  );
}
