/**
 * Reads the engine's time series for the charts: only the entities asked for, as typed arrays,
 * counts turned into per-second rates. `SeriesRecorder.toReport()` would unroll every column of
 * every entity (thousands on a large graph) four times a second; this reads a few.
 */
import type { Simulation } from '../src/engine/index.ts';
import type { EntitySeries, SeriesSlice } from './protocol.ts';

type Group = EntitySeries['group'];

/** Levels (sampled at the interval's end) rather than counts in the interval. */
const LEVEL_METRICS = new Set(['queueDepth', 'inService', 'inFlight', 'bufferDepth', 'utilization', 'entries']);
const isLevel = (metric: string): boolean => LEVEL_METRICS.has(metric) || metric.endsWith('Ms') || metric.endsWith('Share');

/**
 * Latency columns and the count each describes: the engine writes 0 ms for an interval with no
 * completions (a crashed service), which a chart would draw as "instant". With no completions
 * there is no latency: the reader gives NaN there (a gap), and the engine's report is untouched.
 */
const LATENCY_COUNT: Readonly<Record<string, string>> = { latencyP50Ms: 'completed', latencyP99Ms: 'completed' };
const CLIENT_LATENCY_COUNT: Readonly<Record<string, string>> = { latencyP50Ms: 'succeeded', latencyP99Ms: 'succeeded' };
export const latencyCountOf = (group: Group, metric: string): string | undefined => (group === 'clients' ? CLIENT_LATENCY_COUNT : group === 'nodes' ? LATENCY_COUNT : {})[metric];

export const SYSTEM_METRICS = ['generated', 'succeeded', 'goodput', 'failed', 'attempts'] as const;

export interface SeriesOptions {
  /** Bucket longer histories down to about this many points. */
  maxPoints?: number;
  /** Only the last this-many ms of simulated time. */
  tailMs?: number;
}

interface EntityColumns {
  group: Group;
  columns: Map<string, number>;
}

/**
 * The recorder numbers its columns in the order they are declared: every node in node order,
 * then every link (Simulation's constructor). Its report lists each entity's metrics in that
 * order, so the indices can be rebuilt from a report of the empty run — and checked against the
 * columns the engine does expose (headline and link columns). Asked of the lead: a public
 * `SeriesRecorder.columnOf(group, entity, metric)` would make this a lookup.
 */
function mapColumns(sim: Simulation): Map<string, EntityColumns> | null {
  const report = sim.series.toReport();
  const byId = new Map<string, EntityColumns>();
  let next = 0;
  const take = (group: Group, id: string): void => {
    const columns = new Map<string, number>();
    for (const metric of Object.keys(report[group][id] ?? {})) columns.set(metric, next++);
    byId.set(id, { group, columns });
  };
  for (const node of sim.nodes) take(node.kind === 'client' ? 'clients' : 'nodes', node.id);
  for (const link of sim.links) take('links', link.spec.id);
  for (const node of sim.nodes) {
    const mapped = new Set(byId.get(node.id)?.columns.values());
    const headline = node.seriesColumns;
    for (const column of [headline.arrived, headline.completed, headline.dropped, headline.p50, headline.p99]) {
      if (column >= 0 && !mapped.has(column)) return null;
    }
  }
  for (const link of sim.links) {
    const expected = sim.linkColumns[link.index];
    const mapped = byId.get(link.spec.id)?.columns;
    if (mapped?.get('sent') !== expected.sent || mapped?.get('bufferDepth') !== expected.buffer) return null;
  }
  return byId;
}

export class SeriesReader {
  private readonly columns: Map<string, EntityColumns> | null;
  private readonly clientIds: string[];

  constructor(private readonly sim: Simulation) {
    this.columns = mapColumns(sim);
    this.clientIds = sim.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  }

  read(ids: readonly string[], runId: number, revision: number, options: SeriesOptions = {}): SeriesSlice {
    const sim = this.sim;
    const series = sim.series;
    const intervalMs = series.intervalMs;
    const tailRows = options.tailMs === undefined ? Infinity : Math.max(1, Math.ceil(options.tailMs / intervalMs));
    const rows = Math.min(series.rows, tailRows);
    // A chart a few hundred pixels wide needs no more points than that: longer runs are bucketed.
    const stride = Math.max(1, Math.ceil(rows / Math.max(1, options.maxPoints ?? Infinity)));
    const points = Math.ceil(rows / stride);
    // The last closed interval ends at the last boundary at or before now (see Simulation.advance).
    const lastEndMs = Math.floor(sim.nowMs / intervalMs) * intervalMs;
    const t = new Float64Array(points);
    // A bucket is stamped with the end of its last interval; the newest bucket always ends now.
    for (let p = 0; p < points; p++) t[p] = lastEndMs - (points - 1 - p) * stride * intervalMs;
    const perSec = 1000 / intervalMs;
    /** Rates: the bucket's mean; levels: its maximum, so a short spike still shows. Rows whose `countIndex` is 0 have no value. */
    const column = (index: number, level: boolean, countIndex = -1): Float64Array => {
      const out = new Float64Array(points);
      for (let p = 0; p < points; p++) {
        const newestBack = (points - 1 - p) * stride;
        const oldestBack = Math.min(rows - 1, newestBack + stride - 1);
        let acc = level ? -Infinity : 0;
        let n = 0;
        for (let back = newestBack; back <= oldestBack; back++) {
          const v = series.latest(index, back);
          if (Number.isNaN(v) || (countIndex >= 0 && series.latest(countIndex, back) === 0)) continue;
          acc = level ? Math.max(acc, v) : acc + v;
          n++;
        }
        out[p] = n === 0 ? NaN : level ? acc : (acc / n) * perSec;
      }
      return out;
    };
    const entities: EntitySeries[] = [];
    if (this.columns === null) return { runId, revision, intervalMs: intervalMs * stride, t, entities: this.fromReport(ids, rows), system: {} };
    for (const id of ids) {
      const entity = this.columns.get(id);
      if (!entity) continue;
      const metrics: Record<string, Float64Array> = {};
      for (const [metric, index] of entity.columns) {
        const count = latencyCountOf(entity.group, metric);
        metrics[metric] = column(index, isLevel(metric), count === undefined ? -1 : (entity.columns.get(count) ?? -1));
      }
      entities.push({ id, group: entity.group, metrics });
    }
    const system: Record<string, Float64Array> = {};
    for (const metric of SYSTEM_METRICS) {
      const sum = new Float64Array(points);
      for (const id of this.clientIds) {
        const index = this.columns.get(id)?.columns.get(metric);
        if (index === undefined) continue;
        const values = column(index, false);
        for (let p = 0; p < points; p++) sum[p] += values[p];
      }
      system[metric] = sum;
    }
    return { runId, revision, intervalMs: intervalMs * stride, t, entities, system };
  }

  /** The slow path, should the column order ever change under us: correct, just not cheap. */
  private fromReport(ids: readonly string[], rows: number): EntitySeries[] {
    const report = this.sim.series.toReport();
    const perSec = 1000 / report.intervalMs;
    const out: EntitySeries[] = [];
    for (const id of ids) {
      for (const group of ['nodes', 'clients', 'links'] as const) {
        const metrics = report[group][id];
        if (!metrics) continue;
        const typed: Record<string, Float64Array> = {};
        for (const [metric, values] of Object.entries(metrics)) {
          const counts = metrics[latencyCountOf(group, metric) ?? '']?.slice(-rows);
          typed[metric] = Float64Array.from(values.slice(-rows), (v, i) => (counts?.[i] === 0 ? NaN : isLevel(metric) ? v : v * perSec));
        }
        out.push({ id, group, metrics: typed });
      }
    }
    return out;
  }
}
