/**
 * A rename in the editor carried into the scenario's `expect` list: `clients.users.latencyMs.p99`
 * follows `users` → `shoppers`, as faults' targets and guide steps' `watch` ids do
 * (graph-edits.ts). The list is raw JSON the person may be typing: entries that are not objects
 * with a string `metric` are kept as they are, and the document is the same object when nothing
 * changed. A removed node's assertions are kept: the parser then names them
 * (`expect[0].metric: no client "users"`), rather than the editor deleting what was written.
 */
import type { ScenarioDocument } from './document.ts';

const GROUPED = /^(clients|nodes|links)(?:\[([^\]]+)\](.*)|\.(.*))$/;

/** The metric path with its id mapped; `ids` are the ids before the edit (the longest that fits is meant). */
function mapMetric(metric: string, ids: ReadonlySet<string>, map: (id: string) => string): string {
  const match = GROUPED.exec(metric);
  if (match === null) return metric;
  const [, group, bracketed, afterBracket, dotted] = match;
  if (bracketed !== undefined) {
    const renamed = map(bracketed);
    return renamed === bracketed ? metric : `${group}[${renamed}]${afterBracket}`;
  }
  const id = [...ids].filter((candidate) => dotted.startsWith(`${candidate}.`)).sort((a, b) => b.length - a.length)[0];
  if (id === undefined) return metric;
  const renamed = map(id);
  return renamed === id ? metric : `${group}.${renamed}${dotted.slice(id.length)}`;
}

export function withExpectPaths(document: ScenarioDocument, ids: ReadonlySet<string>, map: (id: string) => string): ScenarioDocument {
  const list = document.expect;
  if (!Array.isArray(list)) return document;
  let changed = false;
  const entries = list.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || typeof (entry as { metric?: unknown }).metric !== 'string') return entry;
    const metric = (entry as { metric: string }).metric;
    const mapped = mapMetric(metric, ids, map);
    if (mapped === metric) return entry;
    changed = true;
    return { ...entry, metric: mapped };
  });
  return changed ? { ...document, expect: entries } : document;
}
