/**
 * An experiment's plot (uPlot, drawn by experiment-plot.ts outside React) with its accessible
 * name, caption and, for built-ins, the plotted numbers as a table in a disclosure.
 */
import { useEffect, useMemo, useRef, type JSX } from 'react';
import { plotData, type ExperimentResults, type PlotData } from '../../experiments/panel.ts';
import type { ExperimentPlot } from '../../scenarios/experiments/index.ts';
import { drawExperimentPlot } from './experiment-plot.ts';
import { formatOutcome as fmt } from './SweepStatusLine.tsx';

/** `plot` must keep its identity while it means the same: a new object redraws. */
export function ExperimentFigure({ plot, title, results, plottedTable = true }: { plot: ExperimentPlot; title: string; results: ExperimentResults; plottedTable?: boolean }): JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const data: PlotData = useMemo(() => plotData(results, plot), [results, plot]);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let disposed = false;
    let destroy: (() => void) | null = null;
    void drawExperimentPlot(element, plot, data, results).then((d) => {
      if (disposed) d();
      else destroy = d;
    });
    return () => {
      disposed = true;
      destroy?.();
    };
  }, [plot, data, results]);
  return (
    <figure className="fl-experiments-figure">
      <div ref={container} role="img" aria-label={`${plot.yLabel} against ${plot.xLabel}: ${plot.line} across seeds with the 10th–90th percentile band; the table ${plottedTable ? 'below' : 'beside it'} has the numbers.`} />
      <figcaption>{title}</figcaption>
      {plottedTable && (
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
      )}
    </figure>
  );
}
