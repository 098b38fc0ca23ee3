/**
 * The charts themselves, outside React: uPlot canvases for the selection over simulated time,
 * fault markers, a playhead moved per frame. Loaded as its own chunk (uPlot with it) the first
 * time the charts panel mounts. Data arrives at most MAX_POLL_HZ; nothing is animated, so
 * prefers-reduced-motion needs no special case (the playhead follows the clock, it does not tween).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesSlice } from '../../../workers/protocol.ts';
import { liveMetrics } from '../../store/live-metrics.ts';
import { cssVarReader } from '../css-vars.ts';
import { frameScheduler } from '../frame-scheduler.ts';
import { formatSimTime } from '../run/format-run.ts';
import { chartsFor, type ChartSpec } from './chart-specs.ts';
import { pollSeries } from './series-poller.ts';

export interface FaultMarker {
  atMs: number;
  label: string;
  injected: boolean;
}

interface Theme {
  fg: string;
  muted: string;
  grid: string;
  fault: string;
}

const CHART_HEIGHT_PX = 150;
/** About one point per horizontal pixel of a wide chart; longer runs are bucketed in the worker. */
const MAX_POINTS = 800;

function readTheme(element: HTMLElement): Theme {
  const pick = cssVarReader(element);
  const fg = pick('--fl-fg', pick('--fg', '#1d1f21'));
  return { fg, muted: pick('--fl-muted', pick('--muted', '#5f6368')), grid: pick('--fl-line', pick('--line', '#d9dcdf')), fault: pick('--fl-failing', '#D55E00') };
}

/** uPlot draws gaps for null; NaN (no completions in an interval) would poison its scales. */
function toColumn(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

interface MountedChart {
  key: string;
  figure: HTMLElement;
  summary: HTMLElement;
  plot: uPlot;
  playhead: HTMLDivElement;
  playheadX: number;
}

export class ChartBoard {
  private ids: string[] = [];
  private durationMs = 0;
  private markers: FaultMarker[] = [];
  private charts = new Map<string, MountedChart>();
  private lastSlice: SeriesSlice | null = null;
  private theme: Theme;
  private readonly stopPolling: () => void;
  private readonly stopFrames: () => void;
  private readonly resize = new ResizeObserver(() => this.fitWidth());
  private readonly themeWatch = new MutationObserver(() => this.retheme());
  private readonly darkQuery = matchMedia('(prefers-color-scheme: dark)');
  private readonly onScheme = () => this.retheme();

  constructor(private readonly root: HTMLElement) {
    this.theme = readTheme(root);
    this.stopPolling = pollSeries(() => this.ids, (slice) => (slice ? this.render(slice) : this.clear()), { maxPoints: MAX_POINTS });
    this.stopFrames = frameScheduler.onFrame(() => this.movePlayheads());
    this.resize.observe(root);
    this.themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
    this.darkQuery.addEventListener('change', this.onScheme);
  }

  setSelection(ids: string[]): void {
    this.ids = ids;
  }

  setContext(durationMs: number, markers: FaultMarker[]): void {
    const changed = durationMs !== this.durationMs;
    this.durationMs = durationMs;
    this.markers = markers;
    for (const chart of this.charts.values()) {
      if (changed) chart.plot.setScale('x', { min: 0, max: durationMs / 1000 });
      else chart.plot.redraw(false);
    }
  }

  destroy(): void {
    this.stopPolling();
    this.stopFrames();
    this.resize.disconnect();
    this.themeWatch.disconnect();
    this.darkQuery.removeEventListener('change', this.onScheme);
    for (const chart of this.charts.values()) chart.plot.destroy();
    this.charts.clear();
    this.root.replaceChildren();
  }

  /** No run: no charts (not the last run's, drawn under a new, empty scenario). */
  private clear(): void {
    this.lastSlice = null;
    for (const chart of this.charts.values()) {
      chart.plot.destroy();
      chart.figure.remove();
    }
    this.charts.clear();
  }

  private render(slice: SeriesSlice): void {
    this.lastSlice = slice;
    const specs = chartsFor(slice);
    const seconds = Array.from(slice.t, (ms) => ms / 1000);
    const seen = new Set<string>();
    for (const spec of specs) {
      seen.add(spec.id);
      const key = spec.lines.map((l) => `${l.label}|${l.color}|${l.dashed}`).join(';');
      let chart = this.charts.get(spec.id);
      if (chart && chart.key !== key) {
        chart.plot.destroy();
        chart.figure.remove();
        chart = undefined;
      }
      chart ??= this.mount(spec, key);
      chart.plot.setData([seconds, ...spec.lines.map((l) => toColumn(l.values))]);
      chart.summary.textContent = describe(spec, slice);
      this.root.append(chart.figure); // keeps the order of `specs`
    }
    for (const [id, chart] of this.charts) {
      if (seen.has(id)) continue;
      chart.plot.destroy();
      chart.figure.remove();
      this.charts.delete(id);
    }
  }

  private mount(spec: ChartSpec, key: string): MountedChart {
    const figure = document.createElement('figure');
    figure.className = 'fl-chart';
    figure.dataset.chart = spec.id;
    const caption = document.createElement('figcaption');
    caption.textContent = `${spec.title} (${spec.unit})`;
    const summary = document.createElement('p');
    summary.className = 'fl-visually-hidden';
    const target = document.createElement('div');
    target.setAttribute('aria-hidden', 'true'); // the canvas says nothing to a screen reader; `summary` does
    figure.append(caption, summary, target);
    const t = this.theme;
    const axis = { stroke: t.muted, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 } };
    const plot = new uPlot(
      {
        width: Math.max(200, this.root.clientWidth - 8),
        height: CHART_HEIGHT_PX,
        scales: { x: { time: false, range: () => [0, Math.max(1, this.durationMs / 1000)] }, y: { range: (_u, min, max) => [Math.min(0, min), Math.max(1, max * 1.1)] } },
        series: [
          { label: 'simulated time', value: (_u, v) => (v == null ? '–' : formatSimTime(v * 1000)) },
          ...spec.lines.map((line) => ({ label: line.label, stroke: line.color, width: 2, dash: line.dashed ? [6, 4] : undefined, points: { show: false } })),
        ],
        axes: [{ ...axis, values: (_u: uPlot, ticks: number[]) => ticks.map((s) => formatSimTime(s * 1000)) }, { ...axis, size: 50 }],
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
        hooks: { draw: [(u: uPlot) => this.drawMarkers(u)] },
      },
      [[], ...spec.lines.map(() => [])],
      target,
    );
    const playhead = document.createElement('div');
    playhead.className = 'fl-chart-playhead';
    plot.over.append(playhead);
    const chart: MountedChart = { key, figure, summary, plot, playhead, playheadX: NaN };
    this.charts.set(spec.id, chart);
    return chart;
  }

  /** Fault markers: dashed for the scenario's, solid for live injections; drawn under the cursor. */
  private drawMarkers(u: uPlot): void {
    const ctx = u.ctx;
    const { top, height, left, width } = u.bbox;
    ctx.save();
    ctx.strokeStyle = this.theme.fault;
    ctx.lineWidth = Math.max(1, devicePixelRatio * 1.5);
    for (const marker of this.markers) {
      const x = u.valToPos(marker.atMs / 1000, 'x', true);
      if (x < left || x > left + width) continue;
      ctx.setLineDash(marker.injected ? [] : [5 * devicePixelRatio, 4 * devicePixelRatio]);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + height);
      ctx.stroke();
    }
    ctx.restore();
  }

  /** Per frame: only a transform per chart (no canvas redraw). */
  private movePlayheads(): void {
    const values = liveMetrics.get().values;
    if (values === null || this.charts.size === 0) return;
    const seconds = values[0] / 1000;
    for (const chart of this.charts.values()) {
      const x = Math.round(chart.plot.valToPos(seconds, 'x'));
      if (x === chart.playheadX || !Number.isFinite(x)) continue; // paused: no style writes at all
      chart.playheadX = x;
      chart.playhead.style.transform = `translateX(${x}px)`;
    }
  }

  private fitWidth(): void {
    const width = Math.max(200, this.root.clientWidth - 8);
    for (const chart of this.charts.values()) if (chart.plot.width !== width) chart.plot.setSize({ width, height: CHART_HEIGHT_PX });
  }

  private retheme(): void {
    const next = readTheme(this.root);
    if (JSON.stringify(next) === JSON.stringify(this.theme)) return;
    this.theme = next;
    for (const chart of this.charts.values()) {
      chart.plot.destroy();
      chart.figure.remove();
    }
    this.charts.clear();
    if (this.lastSlice) this.render(this.lastSlice); // rebuilt with the new colours
  }
}

/** What a screen reader hears for a chart: each line's latest value. */
function describe(spec: ChartSpec, slice: SeriesSlice): string {
  const at = slice.t.length > 0 ? formatSimTime(slice.t[slice.t.length - 1]) : '0s';
  const parts = spec.lines.map((l) => {
    const v = l.values[l.values.length - 1];
    return `${l.label} ${Number.isFinite(v) ? Math.round(v * 10) / 10 : 'no data'}`;
  });
  return `${spec.title} at ${at}: ${parts.join(', ')}.`;
}

export function createChartBoard(root: HTMLElement): ChartBoard {
  return new ChartBoard(root);
}
