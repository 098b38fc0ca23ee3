/**
 * Charts of the selected nodes and links over simulated time (the whole system when nothing is
 * selected). React only provides the container and the props; chart-board.ts — with uPlot, in
 * its own lazily loaded chunk — draws, polls and moves the playhead outside React.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useRunStore } from '../../store/run-store.ts';
import type { ChartBoard, FaultMarker } from './chart-board.ts';
import './charts.css';

export interface ChartsPanelProps {
  selectedNodeIds: string[];
  selectedLinkIds: string[];
}

export function ChartsPanel({ selectedNodeIds, selectedLinkIds }: ChartsPanelProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const [board, setBoard] = useState<ChartBoard | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const durationMs = useRunStore((s) => s.durationMs);
  const scenarioFaults = useRunStore((s) => s.scenarioFaults);
  const faultLog = useRunStore((s) => s.faultLog);
  const ids = useMemo(() => [...selectedNodeIds, ...selectedLinkIds], [selectedNodeIds, selectedLinkIds]);

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

  useEffect(() => board?.setSelection(ids), [board, ids]);

  useEffect(() => {
    const markers: FaultMarker[] = [
      ...scenarioFaults.map((f) => ({ atMs: f.atMs, label: `${f.action} ${f.target}`, injected: false })),
      ...faultLog.map((f) => ({ atMs: f.atMs, label: `${f.action} ${f.target} (live)`, injected: true })),
    ];
    board?.setContext(durationMs, markers);
  }, [board, durationMs, scenarioFaults, faultLog]);

  const subject = ids.length === 0 ? 'whole system' : ids.join(', ');
  return (
    <section className="fl-charts" aria-label="Charts">
      <h2 className="fl-charts-heading">
        Charts <span className="fl-charts-subject">{subject}</span>
      </h2>
      {loadError && <p role="alert">Charts could not load: {loadError}</p>}
      {board === null && !loadError && <p className="fl-charts-hint">Loading charts…</p>}
      <div ref={rootRef} className="fl-charts-board" />
      <p className="fl-charts-hint">Dashed red lines: the scenario’s faults; solid: injected live. The vertical bar is now.</p>
    </section>
  );
}
