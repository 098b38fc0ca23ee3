/**
 * Which charts to draw for the entities in focus, as data: one chart per quantity, one line per
 * entity and metric, and the order — the charts of the focused kinds first (a validator's tokens,
 * a link's throughput, drops and utilisation, a service's queue and latency). Every line in a
 * chart gets its own colour slot (--fl-series-N in theme.css, Okabe–Ito) AND its own marker
 * shape; a second metric of an entity is also dashed — so no two lines depend on colour alone.
 */
import type { EntitySeries, SeriesSlice } from '../../../workers/protocol.ts';
import { lineStyle, type LineStyle } from './series-style.ts';

export interface ChartLine extends LineStyle {
  label: string;
  values: Float64Array;
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  /** A share drawn 0–100 %. */
  percent: boolean;
  lines: ChartLine[];
}

/** What an entity is, for choosing its charts. */
export type EntityKind = 'validator' | 'link' | 'service' | 'cache' | 'client';

type Group = EntitySeries['group'];
/** [metric, label in the legend, factor (e.g. 100 for a share in %)] */
type MetricChoice = Partial<Record<Group, [metric: string, label: string, factor?: number][]>>;

interface ChartKind {
  id: string;
  title: string;
  unit: string;
  percent?: boolean;
  metrics: MetricChoice;
  /** Only entities that have this metric (every server has `authRejected`; validators also `authAccepted`). */
  requires?: string;
}

/** Every chart, in the order they come when no focused kind puts its own first. */
export const CHART_KINDS: readonly ChartKind[] = [
  { id: 'queue', title: 'Queue depth', unit: 'waiting', metrics: { nodes: [['queueDepth', 'queued']], links: [['bufferDepth', 'buffered']], clients: [['inFlight', 'in flight']] } },
  { id: 'throughput', title: 'Throughput', unit: 'per s', metrics: { nodes: [['completed', 'done']], clients: [['succeeded', 'ok']], links: [['delivered', 'delivered']] } },
  { id: 'drops', title: 'Drops', unit: 'per s', metrics: { nodes: [['dropped', 'dropped']], clients: [['failed', 'failed']], links: [['dropped', 'dropped']] } },
  { id: 'latency', title: 'Latency p50 / p99', unit: 'ms', metrics: { nodes: [['latencyP50Ms', 'p50'], ['latencyP99Ms', 'p99']], clients: [['latencyP50Ms', 'p50'], ['latencyP99Ms', 'p99']] } },
  { id: 'goodput', title: 'Goodput', unit: 'per s', metrics: { clients: [['goodput', 'goodput']] } },
  { id: 'auth', title: 'Tokens accepted / rejected', unit: 'per s', requires: 'authAccepted', metrics: { nodes: [['authAccepted', 'accepted'], ['authRejected', 'rejected']] } },
  { id: 'rejecting', title: 'Rejecting share', unit: '% of replicas', percent: true, requires: 'authAccepted', metrics: { nodes: [['rejectingShare', 'rejecting', 100]] } },
  { id: 'utilisation', title: 'Link utilisation', unit: '%', percent: true, metrics: { links: [['utilization', 'utilisation', 100]] } },
  { id: 'cache', title: 'Cache hits / misses', unit: 'per s', requires: 'hits', metrics: { nodes: [['hits', 'hits'], ['misses', 'misses']] } },
];

/** The charts each kind puts first: what that kind's story is told with. */
export const KIND_CHARTS: Readonly<Record<EntityKind, readonly string[]>> = {
  validator: ['auth', 'rejecting'],
  link: ['throughput', 'drops', 'utilisation'],
  service: ['queue', 'latency'],
  cache: ['cache', 'latency'],
  client: ['goodput', 'drops'],
};

/** When several kinds are in focus: whose charts come first (the most specific story first). */
const KIND_RANK: readonly EntityKind[] = ['validator', 'link', 'service', 'cache', 'client'];

export function entityKind(entity: Pick<EntitySeries, 'group' | 'metrics'>): EntityKind {
  if (entity.group === 'links') return 'link';
  if (entity.group === 'clients') return 'client';
  if ('authAccepted' in entity.metrics) return 'validator';
  if ('hits' in entity.metrics) return 'cache';
  return 'service';
}

/**
 * Chart ids in display order. `tiers`: the kinds in focus, most important first (the selection's,
 * then the guide's highlights'); within a tier, KIND_RANK decides. Charts no focused kind asks
 * for follow in CHART_KINDS order.
 */
export function chartOrder(tiers: readonly (readonly EntityKind[])[]): string[] {
  const order: string[] = [];
  const add = (id: string) => {
    if (!order.includes(id)) order.push(id);
  };
  for (const tier of tiers) for (const kind of KIND_RANK) if (tier.includes(kind)) KIND_CHARTS[kind].forEach(add);
  CHART_KINDS.forEach((k) => add(k.id));
  return order;
}

/**
 * Charts for the entities in the slice (selected and highlighted); with none, the whole system.
 * `primaryIds`: the ones the person selected — their kinds' charts come before the highlights'.
 */
export function chartsFor(slice: SeriesSlice, primaryIds: readonly string[] = []): ChartSpec[] {
  if (slice.entities.length === 0) return systemCharts(slice);
  const primary = new Set(primaryIds);
  const kindsOf = (entities: EntitySeries[]) => [...new Set(entities.map(entityKind))];
  const order = chartOrder([kindsOf(slice.entities.filter((e) => primary.has(e.id))), kindsOf(slice.entities)]);
  const charts: ChartSpec[] = [];
  for (const id of order) {
    const kind = CHART_KINDS.find((k) => k.id === id)!;
    const lines: ChartLine[] = [];
    for (const entity of slice.entities) {
      if (kind.requires && !(kind.requires in entity.metrics)) continue;
      (kind.metrics[entity.group] ?? []).forEach(([metric, label, factor], variant) => {
        const values = entity.metrics[metric];
        if (values) lines.push({ label: `${entity.id} ${label}`, ...lineStyle(lines.length, variant), values: scaled(values, factor) });
      });
    }
    if (lines.length > 0) charts.push({ id: kind.id, title: kind.title, unit: kind.unit, percent: kind.percent ?? false, lines });
  }
  return charts;
}

const scaled = (values: Float64Array, factor = 1): Float64Array => (factor === 1 ? values : values.map((v) => v * factor));

function systemCharts(slice: SeriesSlice): ChartSpec[] {
  const s = slice.system;
  const chart = (id: string, title: string, pairs: [label: string, values: Float64Array | undefined][]): ChartSpec => {
    const lines: ChartLine[] = [];
    pairs.forEach(([label, values], i) => {
      if (values) lines.push({ label, ...lineStyle(lines.length, i), values });
    });
    return { id, title, unit: 'per s', percent: false, lines };
  };
  return [
    chart('system-goodput', 'System goodput and failures', [['goodput', s.goodput], ['failed', s.failed]]),
    chart('system-attempts', 'Requests and attempts', [['requests', s.generated], ['attempts', s.attempts]]),
  ].filter((c) => c.lines.length > 0);
}
