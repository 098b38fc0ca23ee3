/**
 * The results of a sweep of the scenario on the canvas: the plot of one collected metric (the
 * built-ins' figure: line, p10–p90 band, every seed as a dot) and a table of every metric, one
 * row per value — the median across seeds, and the p10–p90 band when there is more than one.
 */
import { useId, useMemo, useState, type JSX } from 'react';
import { parseDuration } from '../../scenario/facts.ts';
import type { ExperimentResults, Stats } from '../../experiments/panel.ts';
import type { ExperimentPlot } from '../../scenarios/experiments/index.ts';
import { ExperimentFigure } from './ExperimentFigure.tsx';
import { formatOutcome } from './SweepStatusLine.tsx';

/** A 0/1 outcome's mean is its probability; elsewhere the median (docs/experiments.md "Summaries"). */
const lineFor = (metric: string): ExperimentPlot['line'] => (metric.startsWith('collapsed(') ? 'mean' : 'median');

/** The unit of a metric's numbers (docs/experiments.md), for the plot's axis. */
const METRIC_UNITS: Record<string, string> = { meanLatency: 'ms', p50: 'ms', p95: 'ms', p99: 'ms', goodput: '/s', recoverySeconds: 's' };
const withUnit = (metric: string): string => {
  const unit = METRIC_UNITS[metric.slice(0, metric.indexOf('('))];
  return unit ? `${metric} (${unit})` : metric;
};

function cell(stats: Stats | undefined, key: 'mean' | 'median' | 'p10' | 'p90'): string {
  if (!stats || stats.n === 0) return '—';
  const v = stats[key];
  return v === Infinity ? 'never' : formatOutcome(Number.isFinite(v) ? v : null);
}

export function OwnSweepResults({ results }: { results: ExperimentResults }): JSX.Element {
  const selectId = useId();
  const captionId = useId();
  const [metric, setMetric] = useState(results.metrics[0]);
  const shown = results.metrics.includes(metric) ? metric : results.metrics[0];
  const durations = results.values.some((v) => typeof v === 'string' && parseDuration(v) !== null);
  const plot = useMemo<ExperimentPlot>(() => ({ metric: shown, line: lineFor(shown), xLabel: durations ? `${results.path} (ms)` : results.path, yLabel: withUnit(shown) }), [shown, results, durations]);
  const band = results.seeds.length > 1;
  const seedsText = `${results.seeds.length} seed${results.seeds.length === 1 ? '' : 's'}`;
  return (
    <div className="fl-own-sweep__results">
      <div className="fl-experiments-controls">
        <label htmlFor={selectId}>Plot</label>
        <select id={selectId} value={shown} onChange={(e) => setMetric(e.target.value)}>
          {results.metrics.map((m) => (
            <option key={m} value={m}>{m}</option>
          ))}
        </select>
      </div>
      <ExperimentFigure plot={plot} title={`${shown} against ${results.path} (${plot.line} of ${seedsText})`} results={results} plottedTable={false} />
      {/* the title outside the sideways-scrolling box, so a phone shows it whole */}
      <p id={captionId} className="fl-own-sweep__caption">{`Sweep results: ${band ? 'median and 10th–90th percentile' : 'value'} across ${seedsText}, one row per value`}</p>
      <div className="fl-own-sweep__table">
        <table aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{results.path}</th>
              {results.metrics.map((m) => (
                <th key={m} scope="col" colSpan={band ? 2 : 1}>{m}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {results.summary.map((row, i) => (
              <tr key={i}>
                <th scope="row">{String(row.value)}</th>
                {results.metrics.map((m) => {
                  const line = lineFor(m);
                  return band ? (
                    <FragmentCells key={m} main={cell(row.outcomes[m], line)} band={`${cell(row.outcomes[m], 'p10')}–${cell(row.outcomes[m], 'p90')}`} />
                  ) : (
                    <td key={m}>{cell(row.outcomes[m], line)}</td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function FragmentCells({ main, band }: { main: string; band: string }): JSX.Element {
  return (
    <>
      <td>{main}</td>
      <td className="fl-own-sweep__band">{band}</td>
    </>
  );
}
