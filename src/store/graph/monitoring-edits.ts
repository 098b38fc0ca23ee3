/**
 * Edits of the scenario's `probes` and `alerts` from the inspector (issue 13: they were editable
 * in the file only). Pure, like graph-edits.ts: each takes a document and returns a new one.
 * A new probe or alert starts from a rule that runs as it is, so the person edits numbers rather
 * than filling a blank form; removing a probe takes the alerts on it (as deleting a node does).
 */
import { ID_PATTERN } from '../../scenario/facts.ts';
import { freshId, usedIds, type ScenarioDocument } from './document.ts';
import { setIn, type FieldPath } from './field-path.ts';
import { withMonitoringMapped, withoutAlertMetrics } from './monitoring-references.ts';

export type MonitoringList = 'probes' | 'alerts';
export type EditOutcome = { ok: true; document: ScenarioDocument } | { ok: false; reason: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (document: ScenarioDocument, list: MonitoringList): unknown[] => (Array.isArray(document[list]) ? (document[list] as unknown[]) : []);

function withList(document: ScenarioDocument, list: MonitoringList, items: unknown[]): ScenarioDocument {
  return { ...document, [list]: items };
}

/** A new probe's interval: often enough to see a failure within a short run. */
const NEW_PROBE_EVERY = '1m';

/** The nodes with a link to `target`: the routes a probe of it can take. */
export function probeRoutes(document: ScenarioDocument, target: string): string[] {
  return [...new Set(document.links.filter((l) => l.to === target).map((l) => l.from))];
}

/** Adds a probe of `target` over its first route, and an alert paging on its first failure. */
export function addProbe(document: ScenarioDocument, target: string): EditOutcome {
  const via = probeRoutes(document, target)[0];
  if (via === undefined) return { ok: false, reason: `nothing links to "${target}": a probe goes the way real traffic goes` };
  const id = freshId(`${target}-probe`, usedIds(document));
  const probe = { id, target, via, every: NEW_PROBE_EVERY };
  const alert = { name: freshAlertName(document, `${id} failing`), target: id, failures: 1 };
  const withProbe = withList(document, 'probes', [...listOf(document, 'probes'), probe]);
  return { ok: true, document: withList(withProbe, 'alerts', [...listOf(withProbe, 'alerts'), alert]) };
}

/** What a new alert on a target of each kind watches: a rule that runs as it is. */
export type AlertSubject = 'server' | 'link' | 'client';

const NEW_ALERT: Record<AlertSubject, (target: string) => Record<string, unknown>> = {
  server: (target) => ({ name: `${target} queue above 100`, target, metric: 'queueDepth', above: 100, for: '30s' }),
  link: (target) => ({ name: `${target} above 80%`, target, metric: 'utilization', above: 0.8, for: '1m' }),
  // the SRE workbook's burn-rate pairs are the format's default windows
  client: (target) => ({ name: `${target} SLO burn`, target, slo: { objective: 0.999 } }),
};

export function addAlert(document: ScenarioDocument, subject: AlertSubject, target: string): ScenarioDocument {
  const alert = NEW_ALERT[subject](target);
  alert.name = freshAlertName(document, String(alert.name));
  return withList(document, 'alerts', [...listOf(document, 'alerts'), alert]);
}

function freshAlertName(document: ScenarioDocument, base: string): string {
  const taken = new Set(listOf(document, 'alerts').map((a) => (isRecord(a) ? a.name : undefined)));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}

/** Sets (or with `undefined`, removes) a field of the list's item at `index`. */
export function setMonitoringField(document: ScenarioDocument, list: MonitoringList, index: number, path: FieldPath, value: unknown): ScenarioDocument {
  const items = listOf(document, list);
  if (!isRecord(items[index])) return document;
  return { ...document, [list]: setIn(items, [index, ...path], value) as unknown[] };
}

/** Renames a probe; the alerts on it follow. */
export function renameProbe(document: ScenarioDocument, index: number, newId: string): EditOutcome {
  const probe = listOf(document, 'probes')[index];
  if (!isRecord(probe) || typeof probe.id !== 'string') return { ok: false, reason: 'no such probe' };
  const oldId = probe.id;
  if (oldId === newId) return { ok: true, document };
  if (!ID_PATTERN.test(newId)) return { ok: false, reason: 'an id is 1–64 letters, digits, "_", ".", ":" or "-"' };
  if (usedIds(document).has(newId)) return { ok: false, reason: `"${newId}" is already the id of a node, link or probe` };
  const renamed = setMonitoringField(document, 'probes', index, ['id'], newId);
  return { ok: true, document: withMonitoringMapped(renamed, (id) => (id === oldId ? newId : id)) };
}

/** Removes a probe and the alerts on it (with the experiment metrics that name them). */
export function removeProbe(document: ScenarioDocument, index: number): ScenarioDocument {
  const items = listOf(document, 'probes');
  const probe = items[index];
  if (probe === undefined) return document;
  const rest = withList(document, 'probes', items.filter((_, i) => i !== index));
  const id = isRecord(probe) ? probe.id : undefined;
  return typeof id === 'string' ? withMonitoringMapped(rest, (other) => (other === id ? null : other)) : rest;
}

/** Removes an alert (and the experiment metrics that name it). */
export function removeAlert(document: ScenarioDocument, index: number): ScenarioDocument {
  const items = listOf(document, 'alerts');
  const alert = items[index];
  if (alert === undefined) return document;
  const rest = withList(document, 'alerts', items.filter((_, i) => i !== index));
  return isRecord(alert) && typeof alert.name === 'string' ? withoutAlertMetrics(rest, new Set([alert.name])) : rest;
}
