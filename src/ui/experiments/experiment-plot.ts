/**
 * The experiment plot with uPlot, outside React and loaded lazily (uPlot and its CSS become their
 * own chunk, fetched on the first plot). Series: the 10th–90th percentile band (two edges filled
 * between), the line through the seeds, every seed as dots, and the theory curve where there is one.
 */
import type { ExperimentPlot } from '../../scenarios/experiments/index.ts';
import type { ExperimentResults, PlotData } from '../../experiments/panel.ts';
import { cssVarReader } from '../css-vars.ts';

const HEIGHT_PX = 280;

export async function drawExperimentPlot(target: HTMLElement, spec: ExperimentPlot, data: PlotData, results: ExperimentResults): Promise<() => void> {
  const [{ default: uPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  const pick = cssVarReader(target);
  const accent = pick('--fl-accent', '#2f6fde');
  const muted = pick('--fl-muted', '#888');
  // One dot series per seed: every value runs the same seeds, so seed j has one y per x.
  const seedSeries = results.seeds.map((seed) =>
    results.summary.map((_, valueIndex) => {
      const run = results.runs.find((r) => r.valueIndex === valueIndex && r.seed === seed);
      const y = run?.outcomes[spec.metric];
      return y !== undefined && Number.isFinite(y) ? y / (spec.yDivide ?? 1) : null;
    }),
  );
  const theory = spec.theory;
  const columns: (number | null)[][] = [data.x, data.high, data.low, data.line, ...seedSeries];
  const series: import('uplot').Series[] = [
    { label: spec.xLabel },
    { label: 'p90', stroke: 'transparent', points: { show: false } },
    { label: 'p10', stroke: 'transparent', points: { show: false } },
    { label: spec.line, stroke: accent, width: 2, points: { show: true, size: 6 } },
    ...results.seeds.map((seed) => ({ label: `seed ${seed}`, stroke: muted, width: 0, paths: () => null, points: { show: true, size: 4, fill: muted }, show: true })),
  ];
  if (theory) {
    columns.push(data.x.map((x) => theory.y(x)));
    series.push({ label: theory.label, stroke: '#d9822b', width: 1.5, dash: [6, 4], points: { show: false } });
  }
  const axis = { stroke: muted, grid: { stroke: 'rgba(128,128,128,0.2)', width: 1 } };
  const plot = new uPlot(
    {
      width: Math.max(280, target.clientWidth || 640),
      height: HEIGHT_PX,
      scales: { x: { time: false } },
      series,
      bands: [{ series: [1, 2], fill: 'rgba(47,111,222,0.15)' }],
      axes: [{ ...axis, label: spec.xLabel }, { ...axis, label: spec.yLabel, size: 60 }],
      legend: { show: results.seeds.length <= 8 },
    },
    columns as import('uplot').AlignedData,
    target,
  );
  return () => plot.destroy();
}
