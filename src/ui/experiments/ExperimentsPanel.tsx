/**
 * Experiments: sweep a built-in experiment or the scenario on the canvas (OwnSweep.tsx) on a pool
 * of Web Workers (one per core, capped), watch the progress, cancel, and read outcome against
 * parameter — the line through the seeds, the 10th–90th percentile band, every seed as a dot; or
 * try every single failure of a scenario (src/ui/weak-points/WeakPointsPanel.tsx) on the same pool.
 * Mounted lazily by the toolbar's Experiments button (src/ui/layout/ExperimentsButton.tsx), which
 * also opens it for "Sweep this…" (sweep-request.ts). uPlot is loaded on the first plot.
 */
import { useEffect, useEffectEvent, useId, useRef, useState, type JSX } from 'react';
import { browserWorkerCount, planSweepInWorker } from '../../experiments/browser-pool.ts';
import { useGraphStore } from '../../store/graph-store.ts';
import { builtinExperiments } from '../../scenarios/experiments/index.ts';
import { ExperimentFigure } from './ExperimentFigure.tsx';
import { OwnSweep } from './OwnSweep.tsx';
import { SweepStatusLine } from './SweepStatusLine.tsx';
import { peekSweepRequest, subscribeSweepRequests, takeSweepRequest } from './sweep-request.ts';
import { useSweepRun } from './use-sweep-run.ts';
import { WeakPointsPanel } from '../weak-points/WeakPointsPanel.tsx';
import './experiments.css';

type Mode = 'builtin' | 'own' | 'weak-points';

export function ExperimentsPanel(): JSX.Element {
  const headingId = useId();
  // a "Sweep this…" waiting for the panel, or a document that carries an experiment, open "this scenario"
  // (peeked while rendering, taken once mounted: a first render that suspends is run again)
  const [request, setRequest] = useState(() => ({ path: peekSweepRequest(), n: 0 }));
  const [mode, setMode] = useState<Mode>(() => (request.path !== null || useGraphStore.getState().document.experiment !== undefined ? 'own' : 'builtin'));
  const [running, setRunningState] = useState(false);
  const runningNow = useRef(false);
  const setRunning = (value: boolean): void => {
    runningNow.current = value;
    setRunningState(value);
  };

  const takeOnMount = useEffectEvent(() => {
    const path = takeSweepRequest();
    if (path !== null && path !== request.path) setRequest((r) => ({ path, n: r.n + 1 }));
  });
  useEffect(() => takeOnMount(), []);
  useEffect(
    () =>
      subscribeSweepRequests(() => {
        const path = takeSweepRequest();
        if (path === null) return;
        // a built-in sweep in progress is not cancelled by it: the request waits for "the scenario on the canvas"
        if (!runningNow.current) setMode('own');
        setRequest((r) => ({ path, n: r.n + 1 }));
      }),
    [],
  );

  return (
    <section className="fl-experiments" aria-labelledby={headingId}>
      <h2 id={headingId}>Experiments</h2>
      <fieldset className="fl-experiments-mode" disabled={running}>
        <legend>Sweep</legend>
        <label><input type="radio" name="fl-experiments-mode" checked={mode === 'builtin'} onChange={() => setMode('builtin')} /> a built-in experiment</label>
        <label><input type="radio" name="fl-experiments-mode" checked={mode === 'own'} onChange={() => setMode('own')} /> the scenario on the canvas</label>
        <label><input type="radio" name="fl-experiments-mode" checked={mode === 'weak-points'} onChange={() => setMode('weak-points')} /> weak points: every single failure</label>
      </fieldset>
      {mode === 'builtin' ? <BuiltinSweep onRunning={setRunning} /> : mode === 'own' ? <OwnSweep request={request} onRunning={setRunning} /> : <WeakPointsPanel onRunning={setRunning} />}
    </section>
  );
}

function BuiltinSweep({ onRunning }: { onRunning(running: boolean): void }): JSX.Element {
  const selectId = useId();
  const [selectedId, setSelectedId] = useState(builtinExperiments[0].id);
  const sweep = useSweepRun();
  const experiment = builtinExperiments.find((e) => e.id === selectedId) ?? builtinExperiments[0];
  const running = sweep.status.kind === 'running';
  const tellRunning = useEffectEvent((now: boolean) => onRunning(now));
  useEffect(() => tellRunning(running), [running]);

  const [planning, setPlanning] = useState(false);
  /** Planned in an experiment worker (the page carries no parser), then run in the pool. */
  async function run(): Promise<void> {
    setPlanning(true);
    try {
      const planned = await planSweepInWorker(structuredClone(experiment.document));
      if (!planned.ok) sweep.reset(planned.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
      else void sweep.run(planned.plan);
    } catch (error) {
      sweep.reset(error instanceof Error ? error.message : String(error));
    } finally {
      setPlanning(false);
    }
  }

  return (
    <>
      <div className="fl-experiments-controls">
        <label htmlFor={selectId}>Experiment</label>
        <select id={selectId} value={selectedId} disabled={running} onChange={(e) => { setSelectedId(e.target.value); sweep.reset(); }}>
          {builtinExperiments.map((e) => (
            <option key={e.id} value={e.id}>{`${e.reference} — ${e.title}`}</option>
          ))}
        </select>
        {running ? (
          <button type="button" className="fl-button" onClick={sweep.cancel}>Cancel</button>
        ) : (
          <button type="button" className="fl-button" disabled={planning} onClick={() => void run()}>Run</button>
        )}
      </div>
      <SweepStatusLine status={sweep.status} workers={browserWorkerCount()} />
      <p className="fl-experiments-read"><strong>How to read this plot:</strong> {experiment.howToRead}</p>
      {sweep.results && <ExperimentFigure plot={experiment.plot} title={experiment.title} results={sweep.results} />}
    </>
  );
}
