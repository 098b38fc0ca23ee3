/**
 * Weak points: every single failure of a scenario tried (src/experiments/single-failures.ts) on the
 * sweeps' worker pool — progress, Cancel — then the components ranked worst first and the canvas
 * tinted by impact (src/store/impact-store.ts: a class per node and link, never node data).
 * A mode of the Experiments dialog (ExperimentsPanel.tsx: "weak points"), so it is loaded with it,
 * lazily, and stays mounted once opened; the toolbar keeps its one row at 1280 px.
 */
import { useEffect, useEffectEvent, useId, useState, type JSX } from 'react';
import { SINGLE_FAILURE_DEFAULTS, type SingleFailureRequest, type WeakPointsResults } from '../../experiments/panel.ts';
import { browserWorkerCount, planSingleFailuresInWorker } from '../../experiments/browser-pool.ts';
import { formatDuration, parseDuration } from '../../scenario/facts.ts';
import { findBuiltin } from '../../scenarios/index.ts';
import { builtinWeakPoints } from '../../scenarios/experiments/index.ts';
import { useGraphStore } from '../../store/graph-store.ts';
import { impactActions, useImpactStore } from '../../store/impact-store.ts';
import { openBuiltin } from '../library/open-builtin.ts';
import { SweepStatusLine } from '../experiments/SweepStatusLine.tsx';
import { useWeakPointsRun } from './use-weak-points-run.ts';
import { WeakPointsTable } from './WeakPointsTable.tsx';
import '../experiments/experiments.css';
import './weak-points.css';

/** The request's fields as the form names them (problems name the form's part). */
const FORM_LABELS = { at: 'Fail at', for: 'For' } as const;

/** "" = the scenario on the canvas; else a built-in analysis' id. */
type Source = string;

const tint = (results: WeakPointsResults): void => impactActions.show(results.ranked.map((p) => [p.id, p.impact]));

export function WeakPointsPanel({ onRunning }: { onRunning(running: boolean): void }): JSX.Element {
  const headingId = useId();
  const sourceId = useId();
  const atId = useId();
  const forId = useId();
  const [source, setSource] = useState<Source>('');
  const [at, setAt] = useState('');
  const [forText, setFor] = useState('');
  const analysis = useWeakPointsRun();
  const doc = useGraphStore((s) => s.document) as unknown as Record<string, unknown>;
  const tinted = useImpactStore((s) => s.bands.size > 0);
  const builtin = builtinWeakPoints.find((w) => w.id === source);
  const running = analysis.status.kind === 'running';
  const tellRunning = useEffectEvent((now: boolean) => onRunning(now));
  useEffect(() => tellRunning(running), [running]);
  // placeholders from the analysis' defaults and the scenario's length: one home for the default
  const durationMs = parseDuration(((builtin ? findBuiltin(builtin.scenario)?.scenario : doc) as { duration?: unknown } | undefined)?.duration) ?? 0;
  const atPlaceholder = builtin?.at ?? (durationMs > 0 ? formatDuration(Math.round(durationMs * SINGLE_FAILURE_DEFAULTS.atShare)) : 'a third of the run');
  const forPlaceholder = builtin?.for ?? (durationMs > 0 ? formatDuration(Math.round(durationMs * SINGLE_FAILURE_DEFAULTS.forShare)) : 'a sixth of the run');

  const [planning, setPlanning] = useState(false);
  async function run(): Promise<void> {
    const scenario = builtin ? findBuiltin(builtin.scenario)?.scenario : doc;
    const request: SingleFailureRequest = { ...(at.trim() ? { at: at.trim() } : builtin?.at ? { at: builtin.at } : {}), ...(forText.trim() ? { for: forText.trim() } : builtin?.for ? { for: builtin.for } : {}), ...(builtin?.only ? { only: builtin.only } : {}) };
    setPlanning(true);
    let planned;
    try {
      // planned in an experiment worker: the page carries no parser (issue 16)
      planned = await planSingleFailuresInWorker(structuredClone(scenario), request);
    } catch (error) {
      analysis.reset(error instanceof Error ? error.message : String(error));
      return;
    } finally {
      setPlanning(false);
    }
    if (!planned.ok) {
      analysis.reset(planned.errors.map((e) => `${Object.hasOwn(FORM_LABELS, e.path) ? FORM_LABELS[e.path as keyof typeof FORM_LABELS] : e.path}: ${e.message}`).join('\n'));
      return;
    }
    impactActions.clear();
    const results = await analysis.run(planned.plan);
    // the canvas shows the scenario analysed only when it is the canvas' own
    if (results && !builtin) tint(results);
  }

  async function showOnCanvas(): Promise<void> {
    const scenario = builtin && findBuiltin(builtin.scenario);
    if (!scenario || !analysis.results) return;
    if (await openBuiltin(scenario)) tint(analysis.results);
  }

  return (
    <section className="fl-weak-points" aria-labelledby={headingId}>
      <h3 id={headingId}>Weak points</h3>
      <p className="fl-experiments-read">
        Every single failure, tried: one run per node (crashed) and per link (down) — parallel links too — each on the same seed as the healthy run, then the components ranked by the goodput their failure lost.
      </p>
      <div className="fl-weak-points__form">
        <label htmlFor={sourceId}>Scenario</label>
        <select id={sourceId} value={source} disabled={running} onChange={(e) => { setSource(e.target.value); analysis.reset(); }}>
          <option value="">The scenario on the canvas</option>
          {builtinWeakPoints.map((w) => (
            <option key={w.id} value={w.id}>{`Built-in: ${w.title}`}</option>
          ))}
        </select>
        <label htmlFor={atId}>Fail at</label>
        <input id={atId} type="text" value={at} placeholder={atPlaceholder} disabled={running} onChange={(e) => setAt(e.target.value)} spellCheck={false} />
        <label htmlFor={forId}>For</label>
        <input id={forId} type="text" value={forText} placeholder={forPlaceholder} disabled={running} onChange={(e) => setFor(e.target.value)} spellCheck={false} />
      </div>
      <div className="fl-experiments-controls">
        {running ? (
          <button type="button" className="fl-button" onClick={analysis.cancel}>Cancel</button>
        ) : (
          <button type="button" className="fl-button" disabled={planning} onClick={() => void run()}>Run</button>
        )}
        {builtin && analysis.results && !running && (
          <button type="button" className="fl-button" onClick={() => void showOnCanvas()}>{`Open ${builtin.scenario} on the canvas, tinted`}</button>
        )}
        {tinted && !running && (
          <button type="button" className="fl-button" onClick={impactActions.clear}>Clear the tint</button>
        )}
      </div>
      <SweepStatusLine status={analysis.status} workers={browserWorkerCount()} kept="the table ranks the components whose runs finished" />
      {builtin && <p className="fl-experiments-read"><strong>How to read this:</strong> {builtin.howToRead}</p>}
      {tinted && !running && <p className="fl-experiments-read" role="note">The canvas is tinted by impact: close this dialog to see it.</p>}
      {analysis.results && <WeakPointsTable results={analysis.results} />}
    </section>
  );
}
