import type { SeriesReport } from './report-types.ts';

/** `probes` and `alerts` exist only in scenarios that have them (older reports are unchanged). */
export type SeriesGroup = 'nodes' | 'clients' | 'links' | 'probes' | 'alerts';
type Group = SeriesGroup;

/**
 * What a column's number per interval is: a `count` of things in the interval (a chart shows it
 * per second) or a `level` at the interval's end (a queue's depth, a latency, a share).
 */
export type SeriesKind = 'count' | 'level';

/** One declared column: where it is, what it holds. */
export interface SeriesColumn {
  group: SeriesGroup;
  entity: string;
  metric: string;
  /** Its index (the argument of `latest`). */
  index: number;
  kind: SeriesKind;
  /**
   * A column of counts this one has no value without: a latency in an interval where nothing
   * completed is absent (the engine writes 0 there), not "instant". -1 when it always has one.
   */
  noValueWithout: number;
}

/**
 * A kind's columns as data, in the report's order: the field its index is kept in, the metric's
 * name, its kind, and for a latency the field of the count it has no value without.
 */
export type ColumnTable<F extends string> = readonly (readonly [field: F, metric: string, kind: SeriesKind, noValueWithout?: F])[];

/**
 * Per-interval time series in bounded ring buffers: memory is fixed when the run starts, however
 * long it goes. When a run has more intervals than fit, the oldest are overwritten.
 */
export class SeriesRecorder {
  readonly intervalMs: number;
  readonly capacity: number;
  private readonly names: SeriesColumn[] = [];
  private readonly byName = new Map<string, number>();
  private columns: Float64Array[] = [];
  private readonly maxCells: number;
  private written = 0;
  private row = 0;
  private allocated = false;
  private timeColumn: Float64Array = new Float64Array(0);
  private size = 0;

  constructor(intervalMs: number, intervalsInRun: number, maxCells: number) {
    this.intervalMs = intervalMs;
    this.capacity = Math.max(1, Math.min(intervalsInRun, 1_000_000));
    this.maxCells = maxCells;
  }

  /** Declares a column (before the run starts): its kind, and for a latency the count it needs. */
  column(group: Group, entity: string, metric: string, kind: SeriesKind, noValueWithout = -1): number {
    if (this.allocated) throw new Error('series columns must be declared before the run starts');
    const index = this.names.length;
    this.names.push({ group, entity, metric, index, kind, noValueWithout });
    this.byName.set(keyOf(group, entity, metric), index);
    return index;
  }

  /** Declares `table`'s columns for one entity, in order; each index lands in `into[field]`. */
  declare<F extends string>(group: Group, entity: string, table: ColumnTable<F>, into: Record<F, number>): void {
    for (const [field, metric, kind, per] of table) into[field] = this.column(group, entity, metric, kind, per === undefined ? -1 : into[per]);
  }

  /** The column of `metric` of `entity`, or -1 when there is none. */
  columnOf(group: Group, entity: string, metric: string): number {
    return this.byName.get(keyOf(group, entity, metric)) ?? -1;
  }

  /** Every column of one entity, in the order declared (the report's order). */
  columnsOf(group: Group, entity: string): SeriesColumn[] {
    return this.names.filter((c) => c.group === group && c.entity === entity);
  }

  describe(index: number): SeriesColumn {
    return this.names[index];
  }

  /** Fixes the ring size once every column is known: at most `maxCells` numbers in all. */
  allocate(): void {
    const perColumn = Math.max(16, Math.floor(this.maxCells / Math.max(1, this.names.length + 1)));
    this.size = Math.min(this.capacity, perColumn);
    this.columns = this.names.map(() => new Float64Array(this.size));
    this.timeColumn = new Float64Array(this.size);
    this.allocated = true;
  }

  /** Starts the row for the interval ending at `endMs`. */
  beginRow(endMs: number): void {
    this.row = this.written % this.size;
    this.timeColumn[this.row] = endMs;
    this.written++;
  }

  set(column: number, value: number): void {
    this.columns[column][this.row] = value;
  }

  get rows(): number {
    return Math.min(this.written, this.size);
  }

  /** The value of `column` in the row written `back` rows ago (0 = latest). */
  latest(column: number, back = 0): number {
    if (back >= this.rows) return NaN;
    return this.columns[column][(this.written - 1 - back) % this.size];
  }

  toReport(): SeriesReport {
    const rows = this.rows;
    const first = this.written - rows;
    const unroll = (data: Float64Array): number[] => {
      const out = new Array<number>(rows);
      for (let i = 0; i < rows; i++) out[i] = data[(first + i) % this.size];
      return out;
    };
    const report: SeriesReport = { intervalMs: this.intervalMs, t: unroll(this.timeColumn), nodes: {}, clients: {}, links: {} };
    this.names.forEach(({ group, entity, metric }, i) => {
      const byEntity = (report[group] ??= {});
      (byEntity[entity] ??= {})[metric] = unroll(this.columns[i]);
    });
    return report;
  }
}

const keyOf = (group: Group, entity: string, metric: string): string => `${group}\u0000${entity}\u0000${metric}`;
