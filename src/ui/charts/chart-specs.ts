/**
 * Which charts to draw for a selection, as data: one chart per quantity, one line per selected
 * entity and metric. Colours: the Okabe–Ito palette (distinguishable with the common colour
 * vision deficiencies), one per entity; a second metric of the same entity is dashed.
 */
import type { EntitySeries, SeriesSlice } from '../../../workers/protocol.ts';

export const OKABE_ITO = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442'];

export interface ChartLine {
  label: string;
  color: string;
  dashed: boolean;
  values: Float64Array;
}

export interface ChartSpec {
  id: string;
  title: string;
  unit: string;
  lines: ChartLine[];
}

type Group = EntitySeries['group'];
type MetricChoice = Partial<Record<Group, [metric: string, label: string][]>>;

interface ChartKind {
  id: string;
  title: string;
  unit: string;
  metrics: MetricChoice;
  /** Only entities that have this metric (every server has `authRejected`; validators also `authAccepted`). */
  requires?: string;
}

export const CHART_KINDS: ChartKind[] = [
  { id: 'queue', title: 'Queue depth', unit: 'waiting', metrics: { nodes: [['queueDepth', 'queued']], links: [['bufferDepth', 'buffered']], clients: [['inFlight', 'in flight']] } },
  {
    id: 'throughput',
    title: 'Throughput and drops',
    unit: 'per s',
    metrics: { nodes: [['completed', 'done'], ['dropped', 'dropped']], clients: [['succeeded', 'ok'], ['failed', 'failed']], links: [['delivered', 'delivered'], ['dropped', 'dropped']] },
  },
  { id: 'latency', title: 'Latency p50 / p99', unit: 'ms', metrics: { nodes: [['latencyP50Ms', 'p50'], ['latencyP99Ms', 'p99']], clients: [['latencyP50Ms', 'p50'], ['latencyP99Ms', 'p99']] } },
  { id: 'goodput', title: 'Goodput', unit: 'per s', metrics: { clients: [['goodput', 'goodput']] } },
  { id: 'auth', title: 'Tokens accepted / rejected', unit: 'per s', requires: 'authAccepted', metrics: { nodes: [['authAccepted', 'accepted'], ['authRejected', 'rejected']] } },
  { id: 'cache', title: 'Cache hits / misses', unit: 'per s', requires: 'hits', metrics: { nodes: [['hits', 'hits'], ['misses', 'misses']] } },
];

/** Charts for the selected entities; with nothing selected, the whole system. */
export function chartsFor(slice: SeriesSlice): ChartSpec[] {
  if (slice.entities.length === 0) return systemCharts(slice);
  const charts: ChartSpec[] = [];
  for (const kind of CHART_KINDS) {
    const lines: ChartLine[] = [];
    slice.entities.forEach((entity, index) => {
      if (kind.requires && !(kind.requires in entity.metrics)) return;
      (kind.metrics[entity.group] ?? []).forEach(([metric, label], variant) => {
        const values = entity.metrics[metric];
        if (values) lines.push({ label: `${entity.id} ${label}`, color: OKABE_ITO[index % OKABE_ITO.length], dashed: variant > 0, values });
      });
    });
    if (lines.length > 0) charts.push({ id: kind.id, title: kind.title, unit: kind.unit, lines });
  }
  return charts;
}

function systemCharts(slice: SeriesSlice): ChartSpec[] {
  const s = slice.system;
  const line = (label: string, color: string, values: Float64Array | undefined, dashed = false): ChartLine[] => (values ? [{ label, color, dashed, values }] : []);
  return [
    { id: 'system-goodput', title: 'System goodput and failures', unit: 'per s', lines: [...line('goodput', OKABE_ITO[2], s.goodput), ...line('failed', OKABE_ITO[1], s.failed, true)] },
    { id: 'system-attempts', title: 'Requests and attempts', unit: 'per s', lines: [...line('requests', OKABE_ITO[0], s.generated), ...line('attempts', OKABE_ITO[4], s.attempts, true)] },
  ].filter((c) => c.lines.length > 0);
}
