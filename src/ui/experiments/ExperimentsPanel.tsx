/**
 * Experiments: pick a built-in sweep, run it on a pool of Web Workers (one per core, capped),
 * watch the progress, cancel, and read outcome against parameter — the line through the seeds,
 * the 10th–90th percentile band, every seed as a dot — with a sentence on how to read it.
 * Mounted lazily by the toolbar's Experiments button (src/ui/layout/ExperimentsButton.tsx). uPlot is loaded on the first plot.
 */
import { useEffect, useId, useMemo, useRef, useState, type JSX } from 'react';
import { planExperiment, plotData, summarise, type ExperimentResults, type PlotData } from '../../experiments/index.ts';
import { browserWorkerCount, runInBrowser } from '../../experiments/browser-pool.ts';
import { builtinExperiments, type BuiltinExperiment } from '../../scenarios/experiments/index.ts';
import { drawExperimentPlot } from './experiment-plot.ts';
import './experiments.css';

type Status = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; done: number; total: number; seconds: number } | { kind: 'cancelled'; done: number; total: number } | { kind: 'error'; message: string };

export function ExperimentsPanel(): JSX.Element {
  const headingId = useId();
  const selectId = useId();
  const [selectedId, setSelectedId] = useState(builtinExperiments[0].id);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [results, setResults] = useState<ExperimentResults | null>(null);
  const controller = useRef<AbortController | null>(null);
  const experiment = builtinExperiments.find((e) => e.id === selectedId) ?? builtinExperiments[0];
  const running = status.kind === 'running';

  useEffect(() => () => controller.current?.abort(), []);

  async function run(): Promise<void> {
    const planned = planExperiment(structuredClone(experiment.document));
    if (!planned.ok) {
      setStatus({ kind: 'error', message: planned.errors.map((e) => `${e.path}: ${e.message}`).join('\n') });
      return;
    }
    const abort = new AbortController();
    controller.current = abort;
    setResults(null);
    const total = planned.plan.tasks.length;
    setStatus({ kind: 'running', done: 0, total });
    const started = performance.now();
    try {
      const outcome = await runInBrowser(planned.plan, { signal: abort.signal, onProgress: ({ done }) => setStatus({ kind: 'running', done, total }) });
      const summary = summarise(planned.plan, outcome.results);
      setResults(summary);
      setStatus(outcome.cancelled ? { kind: 'cancelled', done: summary.runs.length, total } : { kind: 'done', done: total, total, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    } finally {
      if (controller.current === abort) controller.current = null;
    }
  }

  return (
    <section className="fl-experiments" aria-labelledby={headingId}>
      <h2 id={headingId}>Experiments</h2>
      <div className="fl-experiments-controls">
        <label htmlFor={selectId}>Experiment</label>
        <select id={selectId} value={selectedId} disabled={running} onChange={(e) => { setSelectedId(e.target.value); setResults(null); setStatus({ kind: 'idle' }); }}>
          {builtinExperiments.map((e) => (
            <option key={e.id} value={e.id}>{`${e.reference} — ${e.title}`}</option>
          ))}
        </select>
        {running ? (
          <button type="button" className="fl-button" onClick={() => controller.current?.abort()}>Cancel</button>
        ) : (
          <button type="button" className="fl-button" onClick={() => void run()}>Run</button>
        )}
      </div>
      <StatusLine status={status} workers={browserWorkerCount()} />
      <p className="fl-experiments-read"><strong>How to read this plot:</strong> {experiment.howToRead}</p>
      {results && <ExperimentPlot experiment={experiment} results={results} />}
    </section>
  );
}

function StatusLine({ status, workers }: { status: Status; workers: number }): JSX.Element {
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
            : `Cancelled after ${status.done} of ${status.total} runs (${percent}%); the plot shows the runs that finished.`;
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

function ExperimentPlot({ experiment, results }: { experiment: BuiltinExperiment; results: ExperimentResults }): JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const data: PlotData = useMemo(() => plotData(results, experiment.plot), [results, experiment.plot]);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let destroy: (() => void) | null = null;
    void drawExperimentPlot(element, experiment.plot, data, results).then((d) => {
      if (disposed) d();
      else destroy = d;
    });
    return () => {
      disposed = true;
      destroy?.();
    };
  }, [experiment.plot, data, results]);
  const { plot } = experiment;
  return (
    <figure className="fl-experiments-figure">
      <div ref={container} role="img" aria-label={`${plot.yLabel} against ${plot.xLabel}: ${plot.line} across seeds with the 10th–90th percentile band; the table below has the numbers.`} />
      <figcaption>{experiment.title}</figcaption>
      <details>
        <summary>The plotted numbers as a table</summary>
        <table>
          <caption>{`${plot.yLabel} (${plot.line} and 10th–90th percentile across seeds)`}</caption>
          <thead>
            <tr><th scope="col">{plot.xLabel}</th><th scope="col">{plot.line}</th><th scope="col">p10</th><th scope="col">p90</th><th scope="col">never</th></tr>
          </thead>
          <tbody>
            {data.x.map((x, i) => (
              <tr key={i}>
                <th scope="row">{fmt(x)}</th><td>{fmt(data.line[i])}</td><td>{fmt(data.low[i])}</td><td>{fmt(data.high[i])}</td><td>{data.never[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function fmt(v: number | null): string {
  return v === null ? '—' : String(Number(v.toPrecision(4)));
}
