import { compile } from '../compile.ts';
import { LinkSampler } from '../link-sampler.ts';
import { SeriesRecorder } from '../series.ts';
import type { ScenarioSpec } from '../spec.ts';

/**
 * Every series metric of every node, client, link and probe of a scenario, keyed
 * "group\0entity": asked of the kinds themselves (they declare their columns), so the format's
 * check of an alert's metric reads the one list there is. Builds the graph without running it.
 */
export function seriesMetricsOf(spec: ScenarioSpec): Map<string, string[]> {
  const graph = compile(spec);
  const series = new SeriesRecorder(spec.sampleEveryMs, 1, 1);
  for (const node of graph.nodes) node.registerSeries(series);
  new LinkSampler(graph.links, series);
  const out = new Map<string, string[]>();
  const entities = [
    ...graph.nodes.map((n) => [n.reportGroup, n.id] as const),
    ...graph.links.map((l) => ['links', l.spec.id] as const),
  ];
  for (const [group, id] of entities) out.set(`${group}\u0000${id}`, series.columnsOf(group, id).map((c) => c.metric));
  return out;
}
