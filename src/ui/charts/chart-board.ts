/**
 * The charts themselves, outside React: uPlot canvases for the entities in focus over a window of
 * simulated time (chart-window.ts: following the playhead, or the whole run), fault markers,
 * series markers, a playhead. Loaded as its own chunk (uPlot with it) the first time the charts
 * panel mounts. Data arrives at most MAX_POLL_HZ. Nothing tweens, so prefers-reduced-motion needs
 * no special case: the window and the playhead follow the clock.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SeriesSlice } from '../../../workers/protocol.ts';
import { liveMetrics } from '../../store/live-metrics.ts';
import { cssVarReader } from '../css-vars.ts';
import { frameScheduler } from '../frame-scheduler.ts';
import { mountPlayhead, type PlayheadPainter } from '../playhead-canvas.ts';
import { writeData, writeText } from '../write-text.ts';
import { formatAxisNumber, formatSimTime } from '../run/format-run.ts';
import { timeAxisOptions } from '../time-ticks.ts';
import { chartsFor, type ChartLine, type ChartSpec } from './chart-specs.ts';
import { chartWindow, historyNeededMs, type ChartWindow, type ChartWindowMode, type StoryWindow } from './chart-window.ts';
import { legendSwatch, markerIsFilled, SERIES_COLOUR_COUNT, seriesColourVar, traceMarker } from './series-style.ts';
import { pollSeries } from './series-poller.ts';
import { sameColumns } from './same-columns.ts';

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
  /** Alert firings (issue 13): a band along the top while each fires. */
  alert: string;
  series: string[];
}

const CHART_HEIGHT_PX = 150;
/** About one point per horizontal pixel of a wide chart; longer histories are bucketed in the worker. */
const MAX_POINTS = 800;
/** Series markers: one every this many CSS px along a line, each line's offset a little. */
const MARKER_GAP_PX = 90;
const MARKER_RADIUS_PX = 3.5;
/** The followed window redraws the charts at most this often (a moving playhead alone redraws nothing). */
const WINDOW_REDRAW_MS = 33;

function readTheme(element: HTMLElement): Theme {
  const pick = cssVarReader(element);
  const fg = pick('--fl-fg', pick('--fg', '#1d1f21'));
  return {
    fg,
    muted: pick('--fl-muted', pick('--muted', '#5f6368')),
    grid: pick('--fl-line', pick('--line', '#d9dcdf')),
    fault: pick('--fl-failing', '#D55E00'),
    alert: pick('--fl-strained', '#E69F00'),
    series: Array.from({ length: SERIES_COLOUR_COUNT }, (_, slot) => pick(seriesColourVar(slot), fg)),
  };
}

/** uPlot draws gaps for null; NaN (no data in an interval) would poison its scales. */
function toColumn(values: Float64Array): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

interface MountedChart {
  key: string;
  /** The spec last drawn (same lines, fresh values): the draw hook reads it. */
  latest: { spec: ChartSpec };
  figure: HTMLElement;
  summary: HTMLElement;
  plot: uPlot;
  /** The columns last handed to uPlot (the slice's own arrays): an identical poll is not drawn again. */
  drawnColumns: ArrayLike<number>[] | null;
  /** The "now" line over the plot: a canvas, so that moving it does not re-layerize the page. */
  playhead: PlayheadPainter & { destroy(): void };
}

export class ChartBoard {
  private ids: string[] = [];
  private primaryIds: string[] = [];
  private durationMs = 0;
  private markers: FaultMarker[] = [];
  private mode: ChartWindowMode = 'follow';
  private story: StoryWindow | null = null;
  private shownWindow: ChartWindow = { minMs: 0, maxMs: 1 };
  private windowMovedAtMs = -Infinity;
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
    this.stopPolling = pollSeries(
      () => this.ids,
      (slice) => (slice ? this.render(slice) : this.clear()),
      () => ({ maxPoints: MAX_POINTS, tailMs: historyNeededMs(this.mode, this.story) }),
    );
    this.stopFrames = frameScheduler.onFrame((timeMs) => this.onFrame(timeMs));
    this.resize.observe(root);
    this.themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] });
    this.darkQuery.addEventListener('change', this.onScheme);
  }

  /** `ids`: every entity to chart (selected and highlighted); `primaryIds`: the selected ones, whose kinds' charts come first. */
  setSelection(ids: string[], primaryIds: string[] = ids): void {
    this.ids = ids;
    this.primaryIds = primaryIds;
    if (this.lastSlice) this.render(this.lastSlice); // the order may change before new data arrives
  }

  setWindowMode(mode: ChartWindowMode): void {
    this.mode = mode;
    this.updateWindow(true);
  }

  setContext(durationMs: number, markers: FaultMarker[], story: StoryWindow | null = null): void {
    this.durationMs = durationMs;
    this.markers = markers;
    this.story = story;
    if (!this.updateWindow(true)) for (const chart of this.charts.values()) chart.plot.redraw(false);
  }

  destroy(): void {
    this.stopPolling();
    this.stopFrames();
    this.resize.disconnect();
    this.themeWatch.disconnect();
    this.darkQuery.removeEventListener('change', this.onScheme);
    for (const chart of this.charts.values()) unmount(chart);
    this.charts.clear();
    this.root.replaceChildren();
  }

  /** No run: no charts (not the last run's, drawn under a new, empty scenario). */
  private clear(): void {
    this.lastSlice = null;
    for (const chart of this.charts.values()) unmount(chart);
    this.charts.clear();
  }

  private nowMs(): number {
    const values = liveMetrics.get().values;
    return values === null ? 0 : values[0];
  }

  /**
   * Moves every chart's x scale to the window for the clock now, when it moved by at least a
   * quarter of a pixel (`force`: whatever it moved). Returns whether it moved.
   */
  private updateWindow(force: boolean): boolean {
    const next = chartWindow({ nowMs: this.nowMs(), durationMs: this.durationMs, mode: this.mode, story: this.story });
    const widest = Math.max(200, this.root.clientWidth);
    const toleranceMs = force ? 0 : (next.maxMs - next.minMs) / widest / 4;
    if (Math.abs(next.minMs - this.shownWindow.minMs) <= toleranceMs && Math.abs(next.maxMs - this.shownWindow.maxMs) <= toleranceMs) return false;
    this.shownWindow = next;
    for (const chart of this.charts.values()) chart.plot.setScale('x', { min: next.minMs / 1000, max: next.maxMs / 1000 });
    return true;
  }

  private render(slice: SeriesSlice): void {
    this.lastSlice = slice;
    const specs = chartsFor(slice, this.primaryIds);
    const seconds = Array.from(slice.t, (ms) => ms / 1000);
    const seen = new Set<string>();
    specs.forEach((spec, position) => {
      seen.add(spec.id);
      const key = spec.lines.map((l) => `${l.label}|${l.colourSlot}|${l.marker}|${l.dash.join(',')}`).join(';');
      let chart = this.charts.get(spec.id);
      if (chart && chart.key !== key) {
        unmount(chart);
        chart = undefined;
      }
      chart ??= this.mount(spec, key);
      chart.latest.spec = spec;
      const columns = [slice.t, ...spec.lines.map((l) => l.values)];
      if (!sameColumns(columns, chart.drawnColumns)) {
        chart.drawnColumns = columns;
        chart.plot.setData([seconds, ...spec.lines.map((l) => toColumn(l.values))]);
      }
      // Written only when different: every DOM change is a repaint of the page, and a figure
      // taken out and put back (even in its own place) a re-layout and re-layerize of all of it.
      writeText(chart.summary, describe(spec, slice, this.shownWindow));
      // what the chart marks, for tests and for whoever reads the page's structure
      writeData(chart.figure, 'alertFirings', String(alertFirings(slice).length));
      const there = this.root.children[position] ?? null;
      if (there !== chart.figure) this.root.insertBefore(chart.figure, there); // keeps the order of `specs`
    });
    for (const [id, chart] of this.charts) {
      if (seen.has(id)) continue;
      unmount(chart);
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
    const colourOf = (line: ChartLine) => t.series[line.colourSlot];
    const axis = { stroke: t.muted, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 } };
    const latest = { spec };
    const plot = new uPlot(
      {
        width: Math.max(200, this.root.clientWidth - 8),
        height: CHART_HEIGHT_PX,
        scales: {
          // The window, whatever the data spans (uPlot asks on every setData and setScale).
          x: { time: false, range: () => [this.shownWindow.minMs / 1000, this.shownWindow.maxMs / 1000] },
          y: { range: (_u, min, max) => (spec.percent ? [0, 100] : Number.isFinite(min) && Number.isFinite(max) ? [Math.min(0, min), Math.max(1, max * 1.1)] : [0, 1]) },
        },
        series: [
          { label: 'simulated time', value: (_u, v) => (v == null ? '–' : formatSimTime(v * 1000)) },
          ...spec.lines.map((line) => ({ label: line.label, stroke: colourOf(line), width: 2, dash: line.dash.length > 0 ? [...line.dash] : undefined, points: { show: false } })),
        ],
        axes: [
          { ...axis, ...timeAxisOptions() }, // x in simulated seconds: the one tick rule (time-ticks.ts)
          { ...axis, size: 50, values: (_u: uPlot, ticks: number[]) => ticks.map(formatAxisNumber) },
        ],
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
        hooks: {
          draw: [(u: uPlot) => this.drawSeriesMarkers(u, latest.spec), (u: uPlot) => this.drawFaultMarkers(u)],
          // The window as uPlot holds it, for tests and the curious (seconds of simulated time).
          setScale: [
            (u: uPlot, scaleKey: string) => {
              if (scaleKey !== 'x') return;
              figure.dataset.xMin = String(u.scales.x.min);
              figure.dataset.xMax = String(u.scales.x.max);
            },
          ],
        },
      },
      [[], ...spec.lines.map(() => [])],
      target,
    );
    // The legend's swatches: line, dash and marker, as drawn (uPlot's are plain colour boxes).
    plot.root.querySelectorAll('.u-legend .u-series').forEach((row, index) => {
      const line = spec.lines[index - 1]; // row 0 is the x value
      if (line) row.querySelector('.u-marker')?.replaceChildren(legendSwatch(line, colourOf(line)));
    });
    const playheadCanvas = document.createElement('canvas');
    playheadCanvas.className = 'fl-chart-playhead';
    plot.over.append(playheadCanvas);
    const chart: MountedChart = { key, latest, figure, summary, plot, drawnColumns: null, playhead: mountPlayhead(playheadCanvas) };
    this.charts.set(spec.id, chart);
    return chart;
  }

  /** A marker shape every MARKER_GAP_PX along each line, offset per line so they do not stack. */
  private drawSeriesMarkers(u: uPlot, spec: ChartSpec): void {
    const xs = u.data[0];
    if (xs.length === 0) return;
    const dpr = window.devicePixelRatio || 1;
    const { left, top, width, height } = u.bbox;
    const ctx = u.ctx;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    ctx.setLineDash([]);
    spec.lines.forEach((line, k) => {
      if (!u.series[k + 1]?.show) return;
      const ys = u.data[k + 1];
      const path = new Path2D();
      let lastIdx = -1;
      for (let cssX = ((k + 0.5) / spec.lines.length) * MARKER_GAP_PX; cssX < width / dpr; cssX += MARKER_GAP_PX) {
        const idx = u.posToIdx(cssX);
        const y = ys[idx];
        if (idx === lastIdx || y == null || !Number.isFinite(xs[idx])) continue;
        lastIdx = idx;
        const px = u.valToPos(xs[idx], 'x', true);
        if (px < left || px > left + width) continue;
        traceMarker(path, line.marker, px, u.valToPos(y, 'y', true), MARKER_RADIUS_PX * dpr);
      }
      const colour = this.theme.series[line.colourSlot];
      if (markerIsFilled(line.marker)) {
        ctx.fillStyle = colour;
        ctx.fill(path);
      } else {
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2 * dpr;
        ctx.stroke(path);
      }
    });
    ctx.restore();
  }

  /** Alert firings beside the faults: a band at the top from firing to clearing (or now), a tick where it fired. */
  private drawAlertMarkers(u: uPlot): void {
    const firings = this.lastSlice ? alertFirings(this.lastSlice) : [];
    if (firings.length === 0) return;
    const ctx = u.ctx;
    const { top, left, width } = u.bbox;
    const band = Math.max(3, 4 * devicePixelRatio);
    const nowSec = this.lastSlice!.t.length > 0 ? this.lastSlice!.t[this.lastSlice!.t.length - 1] / 1000 : 0;
    ctx.save();
    ctx.fillStyle = this.theme.alert;
    ctx.strokeStyle = this.theme.alert;
    ctx.lineWidth = Math.max(1, devicePixelRatio * 1.5);
    for (const f of firings) {
      const x0 = Math.max(left, u.valToPos(f.firedAtMs / 1000, 'x', true));
      const x1 = Math.min(left + width, u.valToPos(f.clearedAtMs === null ? nowSec : f.clearedAtMs / 1000, 'x', true));
      if (x1 < left || x0 > left + width) continue;
      ctx.fillRect(x0, top, Math.max(devicePixelRatio, x1 - x0), band);
      ctx.beginPath();
      ctx.moveTo(x0, top);
      ctx.lineTo(x0, top + band * 3);
      ctx.stroke();
    }
    ctx.restore();
  }

  /** Fault markers: dashed for the scenario's, solid for live injections; drawn under the cursor. */
  private drawFaultMarkers(u: uPlot): void {
    this.drawAlertMarkers(u);
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

  /** Per frame: the window follows the clock (a redraw only when it moved a visible amount); the playhead redraws when it moved a pixel. */
  private onFrame(timeMs: number): void {
    if (this.charts.size === 0) return;
    if (timeMs - this.windowMovedAtMs >= WINDOW_REDRAW_MS && this.updateWindow(false)) this.windowMovedAtMs = timeMs;
    const seconds = this.nowMs() / 1000;
    for (const chart of this.charts.values()) chart.playhead.moveTo(chart.plot.valToPos(seconds, 'x'));
  }

  private fitWidth(): void {
    const width = Math.max(200, this.root.clientWidth - 8);
    for (const chart of this.charts.values()) if (chart.plot.width !== width) chart.plot.setSize({ width, height: CHART_HEIGHT_PX });
  }

  private retheme(): void {
    const next = readTheme(this.root);
    if (JSON.stringify(next) === JSON.stringify(this.theme)) return;
    this.theme = next;
    for (const chart of this.charts.values()) unmount(chart);
    this.charts.clear();
    if (this.lastSlice) this.render(this.lastSlice); // rebuilt with the new colours
  }
}

function unmount(chart: MountedChart): void {
  chart.playhead.destroy();
  chart.plot.destroy();
  chart.figure.remove();
}

/** Every alert's firings in the slice, flattened (empty without alerts). */
function alertFirings(slice: SeriesSlice): { name: string; firedAtMs: number; clearedAtMs: number | null }[] {
  return (slice.alerts ?? []).flatMap((a) => a.firings.map((f) => ({ name: a.name, ...f })));
}

/** What a screen reader hears for a chart: the window and each line's latest value. */
function describe(spec: ChartSpec, slice: SeriesSlice, shown: ChartWindow): string {
  const at = slice.t.length > 0 ? formatSimTime(slice.t[slice.t.length - 1]) : '0s';
  const parts = spec.lines.map((l) => {
    const v = l.values[l.values.length - 1];
    return `${l.label} ${Number.isFinite(v) ? Math.round(v * 10) / 10 : 'no data'}`;
  });
  const alerts = alertFirings(slice).map((f) => `${f.name} fired at ${formatSimTime(f.firedAtMs)}`);
  return `${spec.title}, showing ${formatSimTime(shown.minMs)} to ${formatSimTime(shown.maxMs)}, at ${at}: ${parts.join(', ')}.${alerts.length > 0 ? ` Alerts: ${alerts.join('; ')}.` : ''}`;
}

export function createChartBoard(root: HTMLElement): ChartBoard {
  return new ChartBoard(root);
}
