/**
 * Reads the engine's time series for the charts: only the entities asked for, as typed arrays,
 * counts turned into per-second rates. `SeriesRecorder.toReport()` would unroll every column of
 * every entity (thousands on a large graph) four times a second; this reads a few.
 */
import type { SeriesColumn, Simulation } from '../src/engine/index.ts';
import type { EntitySeries, SeriesSlice } from './protocol.ts';

type Group = EntitySeries['group'];
const GROUPS: readonly Group[] = ['nodes', 'clients', 'links'];

export const SYSTEM_METRICS = ['generated', 'succeeded', 'goodput', 'failed', 'attempts'] as const;

export interface SeriesOptions {
  /** Bucket longer histories down to about this many points. */
  maxPoints?: number;
  /** Only the last this-many ms of simulated time. */
  tailMs?: number;
}

/** An entity's columns as the engine declares them: kind (count or level) and, for latencies, the count they need. */
interface EntityColumns {
  group: Group;
  columns: SeriesColumn[];
}

function entityColumns(sim: Simulation, id: string): EntityColumns | null {
  for (const group of GROUPS) {
    const columns = sim.series.columnsOf(group, id);
    if (columns.length > 0) return { group, columns };
  }
  return null;
}

export class SeriesReader {
  private readonly columns = new Map<string, EntityColumns | null>();
  /** Each client's columns of the system metrics (summed for the system chart). */
  private readonly systemColumns: Record<(typeof SYSTEM_METRICS)[number], number[]>;

  constructor(private readonly sim: Simulation) {
    const clients = sim.nodes.filter((n) => n.reportGroup === 'clients').map((n) => n.id);
    this.systemColumns = Object.fromEntries(
      SYSTEM_METRICS.map((metric) => [metric, clients.map((id) => sim.series.columnOf('clients', id, metric)).filter((column) => column >= 0)]),
    ) as Record<(typeof SYSTEM_METRICS)[number], number[]>;
  }

  private columnsFor(id: string): EntityColumns | null {
    let entity = this.columns.get(id);
    if (entity === undefined) {
      entity = entityColumns(this.sim, id);
      this.columns.set(id, entity);
    }
    return entity;
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
    for (const id of ids) {
      const entity = this.columnsFor(id);
      if (entity === null) continue;
      const metrics: Record<string, Float64Array> = {};
      for (const c of entity.columns) metrics[c.metric] = column(c.index, c.kind === 'level', c.noValueWithout);
      entities.push({ id, group: entity.group, metrics });
    }
    const system: Record<string, Float64Array> = {};
    for (const metric of SYSTEM_METRICS) {
      const sum = new Float64Array(points);
      for (const index of this.systemColumns[metric]) {
        const values = column(index, false);
        for (let p = 0; p < points; p++) sum[p] += values[p];
      }
      system[metric] = sum;
    }
    const alerts = sim.alerts?.alertsReport();
    return { runId, revision, intervalMs: intervalMs * stride, t, entities, system, ...(alerts ? { alerts } : {}) };
  }
}
