/**
 * A finished comparison: the one-sentence reading, the numbers as a real table (A | B |
 * difference), and the overlaid charts drawn by compare-plot.ts.
 */
import { useEffect, useId, useRef, type JSX } from 'react';
import { formatDifference, formatValue, improvement, type AlertSpan, type Comparison, type FaultMarker, type OverlaidChart } from '../../compare/facts.ts';
import { formatSimTime } from '../run/format-run.ts';
import { drawOverlaidChart } from './compare-plot.ts';

export function CompareResults({ comparison, changeLabel }: { comparison: Comparison; changeLabel: string }): JSX.Element {
  return (
    <div className="fl-compare-results">
      <p className="fl-compare-reading"><strong>Reading:</strong> {comparison.reading}</p>
      <div className="fl-compare-table-wrap">
        <table className="fl-compare-table">
          <caption>{`A: the scenario as it is; B: ${changeLabel}. Same seed.`}</caption>
          <thead>
            <tr><th scope="col">Metric</th><th scope="col">A: as is</th><th scope="col">B: with the change</th><th scope="col">Difference (B − A)</th></tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <tr key={row.label} data-improvement={improvement(row) ?? 'none'}>
                <th scope="row">{row.label}</th>
                <td>{formatValue(row.a, row.unit)}</td>
                <td>{formatValue(row.b, row.unit)}</td>
                <td>{formatDifference(row)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="fl-compare-legend">
        <span className="fl-compare-swatch fl-compare-swatch--a" aria-hidden="true" /> A: as is (solid)
        <span className="fl-compare-swatch fl-compare-swatch--b" aria-hidden="true" /> B: with the change (dashed)
        <span className="fl-compare-swatch fl-compare-swatch--fault" aria-hidden="true" /> a fault starts
        {comparison.alerts !== null && (
          <>
            <span className="fl-compare-swatch fl-compare-swatch--alert-a" aria-hidden="true" /> an alert fires in A (band along the top)
            <span className="fl-compare-swatch fl-compare-swatch--alert-b" aria-hidden="true" /> in B (dashed band below it)
          </>
        )}
      </p>
      {comparison.alerts !== null && <p className="fl-compare-alerts">{alertsSentence(comparison.alerts)}</p>}
      {comparison.charts.map((chart) => <CompareChart key={chart.id} chart={chart} markers={comparison.markers} alerts={comparison.alerts} />)}
    </div>
  );
}

/** "First alert: A at 56m (APNs probe failing), B at 31m (…)" — the bands' story in words. */
function alertsSentence(alerts: NonNullable<Comparison['alerts']>): string {
  const first = (spans: readonly AlertSpan[]) => (spans.length === 0 ? 'none fired' : `${formatSimTime(spans[0].fromSec * 1000)} (${spans[0].name})`);
  return `First alert: A ${first(alerts.a)}; B ${first(alerts.b)}. Firings: ${alerts.a.length} in A, ${alerts.b.length} in B.`;
}

function mean(values: readonly number[]): number {
  const finite = values.filter(Number.isFinite);
  return finite.length > 0 ? finite.reduce((s, v) => s + v, 0) / finite.length : NaN;
}

function CompareChart({ chart, markers, alerts }: { chart: OverlaidChart; markers: readonly FaultMarker[]; alerts: Comparison['alerts'] }): JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const captionId = useId();
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let destroy: (() => void) | null = null;
    void drawOverlaidChart(element, chart, markers, alerts).then((d) => {
      if (disposed) d();
      else destroy = d;
    });
    return () => {
      disposed = true;
      destroy?.();
    };
  }, [chart, markers, alerts]);
  const summary = `${chart.title}: mean ${Math.round(mean(chart.a) * 10) / 10} ${chart.unit} in A, ${Math.round(mean(chart.b) * 10) / 10} in B.`;
  return (
    <figure className="fl-compare-chart" data-chart={chart.id} data-alert-firings={alerts === null ? undefined : `${alerts.a.length} ${alerts.b.length}`} aria-labelledby={captionId}>
      <figcaption id={captionId}>{`${chart.title} (${chart.unit})`}</figcaption>
      <p className="fl-visually-hidden">{summary}</p>
      <div ref={container} aria-hidden="true" />
    </figure>
  );
}
