/**
 * The overlaid charts with uPlot, outside React and loaded lazily (uPlot becomes its own chunk,
 * fetched with the first comparison). A is a solid line, B a dashed one in a second Okabe–Ito
 * colour, so the two read apart without colour too; the scenario's faults are dashed markers, and
 * with alerts each run's firings are a band along the top (A solid, B dashed below it).
 */
import type { AlertSpan, Comparison, FaultMarker, OverlaidChart } from '../../compare/facts.ts';
import { cssVarReader } from '../css-vars.ts';
import { formatAxisNumber, formatSimTime } from '../run/format-run.ts';
import { timeAxisOptions } from '../time-ticks.ts';

const HEIGHT_PX = 180;
/** The alert bands: thick enough to see on a projector, thin enough to leave the lines readable. */
const ALERT_BAND_PX = 4;
const ALERT_BAND_GAP_PX = 3;

export interface PlotColours {
  a: string;
  b: string;
  fault: string;
  muted: string;
  grid: string;
}

export function readColours(element: HTMLElement): PlotColours {
  const pick = cssVarReader(element);
  return { a: pick('--fl-accent', '#0072b2'), b: pick('--fl-strained-fill', '#e69f00'), fault: pick('--fl-failing', '#d55e00'), muted: pick('--fl-muted', '#555b62'), grid: pick('--fl-line', '#cfd3d8') };
}

/** uPlot draws gaps for null; NaN would poison its scales. */
const column = (values: readonly number[]): (number | null)[] => values.map((v) => (Number.isFinite(v) ? v : null));

export async function drawOverlaidChart(target: HTMLElement, chart: OverlaidChart, markers: readonly FaultMarker[], alerts: Comparison['alerts'] = null): Promise<() => void> {
  const [{ default: uPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
  const colours = readColours(target);
  const axis = { stroke: colours.muted, grid: { stroke: colours.grid, width: 1 }, ticks: { stroke: colours.grid, width: 1 } };
  const drawMarkers = (u: InstanceType<typeof uPlot>): void => {
    const { ctx } = u;
    const { top, height, left, width } = u.bbox;
    ctx.save();
    ctx.strokeStyle = colours.fault;
    ctx.lineWidth = Math.max(1, devicePixelRatio * 1.5);
    ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
    for (const marker of markers) {
      const x = u.valToPos(marker.atSec, 'x', true);
      if (x < left || x > left + width) continue;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
    if (alerts !== null) {
      drawAlertBand(u, alerts.a, colours.a, 0, []);
      drawAlertBand(u, alerts.b, colours.b, 1, [6, 4]);
    }
  };
  /** Row 0 at the plot's top edge, row 1 below it; each firing a thick line from start to clear (or the end). */
  const drawAlertBand = (u: InstanceType<typeof uPlot>, spans: readonly AlertSpan[], colour: string, row: number, dash: number[]): void => {
    const { ctx } = u;
    const { top, left, width } = u.bbox;
    const band = ALERT_BAND_PX * devicePixelRatio;
    const y = top + band / 2 + row * (band + ALERT_BAND_GAP_PX * devicePixelRatio);
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.lineWidth = band;
    ctx.setLineDash(dash.map((d) => d * devicePixelRatio));
    for (const span of spans) {
      const from = Math.max(left, u.valToPos(span.fromSec, 'x', true));
      const to = Math.min(left + width, span.toSec === null ? left + width : u.valToPos(span.toSec, 'x', true));
      // a firing shorter than a pixel still shows
      if (to < left || from > left + width) continue;
      ctx.beginPath();
      ctx.moveTo(from, y);
      ctx.lineTo(Math.max(to, from + band), y);
      ctx.stroke();
    }
    ctx.restore();
  };
  const plot = new uPlot(
    {
      width: Math.max(240, target.clientWidth || 600),
      height: HEIGHT_PX,
      scales: { x: { time: false }, y: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max * 1.1)] } },
      series: [
        { label: 'simulated time', value: (_u, v) => (v == null ? '–' : formatSimTime(v * 1000)) },
        { label: 'A: as is', stroke: colours.a, width: 2, points: { show: false } },
        { label: 'B: with the change', stroke: colours.b, width: 2, dash: [8, 5], points: { show: false } },
      ],
      axes: [{ ...axis, ...timeAxisOptions() }, { ...axis, size: 56, values: (_u: unknown, ticks: number[]) => ticks.map(formatAxisNumber) }],
      cursor: { drag: { x: false, y: false } },
      hooks: { draw: [drawMarkers] },
    },
    [chart.tSec, column(chart.a), column(chart.b)],
    target,
  );
  // narrow screens and dialog resizes: follow the container's width
  const resize = new ResizeObserver(() => {
    const width = Math.max(240, target.clientWidth);
    if (width !== plot.width) plot.setSize({ width, height: HEIGHT_PX });
  });
  resize.observe(target);
  return () => {
    resize.disconnect();
    plot.destroy();
  };
}
