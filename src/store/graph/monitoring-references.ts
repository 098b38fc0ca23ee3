/**
 * A rename or a delete on the canvas carried into the document's `probes` and `alerts`, as it is
 * into faults, guide steps and the experiment (graph-edits.ts). Without it, renaming `apns` in the
 * MFA story would leave its probe aimed at a node no longer there, and the whole document would
 * stop parsing.
 *
 * A rename maps a probe's `target` and `via` and an alert's `target`. A delete removes what can no
 * longer work — a probe whose target or `via` is gone, or whose last link from `via` to `target` is, an alert on a deleted node, link or probe —
 * like a fault on a deleted node (undo brings them back); the experiment's metrics that name a
 * removed alert (`detectSeconds(name, …)`, `detected(name)`) go with it. Both lists are raw JSON
 * the person may be typing: entries that are not objects are kept, and the document is the same
 * object when nothing changed.
 */
import type { ScenarioDocument } from './document.ts';

/** An id mapped: the new id, or null when its node, link or probe is deleted. */
export type IdMap = (id: string) => string | null;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The probes' ids, for the ids a new node or link must not take (they share one namespace). */
export function probeIds(document: ScenarioDocument): string[] {
  const probes = document.probes;
  if (!Array.isArray(probes)) return [];
  return probes.flatMap((probe: unknown) => (isRecord(probe) && typeof probe.id === 'string' ? [probe.id] : []));
}

/** `record[key]` mapped when it is a string id; null when the mapping deletes it. */
function mapField(record: Record<string, unknown>, key: string, map: IdMap): Record<string, unknown> | null {
  const id = record[key];
  if (typeof id !== 'string') return record;
  const mapped = map(id);
  if (mapped === null) return null;
  return mapped === id ? record : { ...record, [key]: mapped };
}

/** True when the last link from `via` to `target` is deleted: the probe has no route left. */
export type RouteCut = (via: string, target: string) => boolean;

function mapProbes(probes: unknown[], map: IdMap, routeCut: RouteCut): { probes: unknown[]; removedIds: Set<string> } {
  const removedIds = new Set<string>();
  const next = probes.flatMap((probe: unknown) => {
    if (!isRecord(probe)) return [probe];
    const withTarget = mapField(probe, 'target', map);
    const mapped = withTarget && mapField(withTarget, 'via', map);
    const routed = mapped !== null && !(typeof probe.via === 'string' && typeof probe.target === 'string' && routeCut(probe.via, probe.target));
    if (mapped !== null && routed) return [mapped];
    if (typeof probe.id === 'string') removedIds.add(probe.id);
    return [];
  });
  return { probes: next, removedIds };
}

/** Experiment metrics whose first argument is a removed alert's name. */
const DETECTION_METRIC = /^\s*(?:detectSeconds|detected)\s*\(\s*([^,()]*?)\s*(?:,[^()]*)?\)\s*$/;

/** The document without the experiment metrics that name one of `removedNames`' alerts. */
export function withoutAlertMetrics(document: ScenarioDocument, removedNames: ReadonlySet<string>): ScenarioDocument {
  const experiment = document.experiment;
  if (removedNames.size === 0 || !isRecord(experiment) || !Array.isArray(experiment.collect)) return document;
  const collect = experiment.collect.filter((metric: unknown) => {
    const name = typeof metric === 'string' ? DETECTION_METRIC.exec(metric)?.[1] : undefined;
    return name === undefined || !removedNames.has(name);
  });
  if (collect.length === experiment.collect.length) return document;
  if (collect.length > 0) return { ...document, experiment: { ...experiment, collect } };
  // nothing left to collect: the experiment goes, as it does when its last metric's node is deleted
  const { experiment: _gone, ...rest } = document;
  return rest as ScenarioDocument;
}

/** The document with its probes' and alerts' references mapped (see the file's comment). */
export function withMonitoringMapped(document: ScenarioDocument, map: IdMap, routeCut: RouteCut = () => false): ScenarioDocument {
  const hasProbes = Array.isArray(document.probes);
  const hasAlerts = Array.isArray(document.alerts);
  if (!hasProbes && !hasAlerts) return document;
  let next = document;
  let removedProbes = new Set<string>();
  if (hasProbes) {
    const mapped = mapProbes(document.probes as unknown[], map, routeCut);
    removedProbes = mapped.removedIds;
    if (mapped.probes.some((probe, i) => probe !== (document.probes as unknown[])[i]) || mapped.probes.length !== (document.probes as unknown[]).length) {
      next = { ...next, probes: mapped.probes };
    }
  }
  if (!hasAlerts) return next;
  const alertMap: IdMap = (id) => (removedProbes.has(id) ? null : map(id));
  const removedNames = new Set<string>();
  const alerts = (document.alerts as unknown[]).flatMap((alert: unknown) => {
    if (!isRecord(alert)) return [alert];
    const mapped = mapField(alert, 'target', alertMap);
    if (mapped !== null) return [mapped];
    if (typeof alert.name === 'string') removedNames.add(alert.name);
    return [];
  });
  const same = alerts.length === (document.alerts as unknown[]).length && alerts.every((alert, i) => alert === (document.alerts as unknown[])[i]);
  if (same) return next;
  return withoutAlertMetrics({ ...next, alerts }, removedNames);
}
