/**
 * The top-level `probes` and `alerts` lists (issue 13): synthetic checks, and alert rules on the
 * series. Each item is read on its own (schema pass); `resolveMonitoring` then checks them
 * against the whole file (ids, targets, routes) and turns them into the engine's spec. Whether a
 * threshold's metric exists is asked of the engine itself (`seriesMetricsOf`): the kinds declare
 * their series, so no second list of metric names lives here.
 */
import type { AlertSpec, LinkSpec, NodeSpec, ProbeSpec, ThresholdRuleSpec } from '../engine/index.ts';
import { seriesMetricsOf } from '../engine/index.ts';
import { z } from './zod.ts';
import { fields, list } from './fields.ts';
import { durationField, formatDuration, parseDuration } from './durations.ts';
import { choiceField, idField, nodeRefField, numberField, textField, wholeNumberField } from './values.ts';
import { quote, type IssueLog } from './errors.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { closestMatch } from './suggest.ts';
import { DEFAULT_BURN_WINDOWS, MAX_BURN_WINDOWS } from './monitoring-facts.ts';

/** The defaults the parser applies (src/scenario/defaults.ts and the docs read them here). */
export const PROBE_DEFAULTS = { timeout: '10s' } as const;
export const ALERT_DEFAULTS = { severity: 'page', for: 0 } as const;
export { DEFAULT_BURN_WINDOWS } from './monitoring-facts.ts';

export const probeSchema = fields({
  id: idField(),
  target: nodeRefField('The node the probe checks.'),
  via: nodeRefField('The node whose links to `target` the probe uses: the path real traffic takes (a tiny VM beside it).'),
  every: durationField({ positive: true, description: 'One probe this often; the first at a random offset within the first interval.' }),
  timeout: durationField({ positive: true, description: `A probe not answered by then has failed. Default "${PROBE_DEFAULTS.timeout}".` }).prefault(PROBE_DEFAULTS.timeout),
  class: textField({ maxLength: SCENARIO_LIMITS.maxClassNameLength, what: 'a class name', nonEmpty: true, description: 'The request class it sends as (a service\'s calls may depend on it). Default: the first class.' }).optional(),
}).transform((p): ProbeSpec => ({ id: p.id, target: p.target, via: p.via, everyMs: p.every, timeoutMs: p.timeout, className: p.class ?? null }));

const burnWindowSchema = fields({
  long: durationField({ positive: true, description: 'The long window (e.g. "1h").' }),
  short: durationField({ positive: true, description: 'The short window (e.g. "5m"): the alert clears soon after the burning stops.' }),
  factor: numberField({ min: 0, minExclusive: true, description: 'Burn rate both windows must exceed (e.g. 14.4).' }),
});

const sloSchema = fields({
  objective: numberField({ min: 0, max: 1, minExclusive: true, description: 'Share of requests that must succeed in time (e.g. 0.999).' }),
  windows: list(burnWindowSchema, { min: 1, max: MAX_BURN_WINDOWS, noun: ['window pair', 'window pairs'] })
    .meta({ description: 'Multiwindow burn-rate pairs; the alert fires when both windows of any pair burn faster than its factor. Default: 1h/5m at 14.4 and 6h/30m at 6.' })
    .optional(),
});

/** One alert as read on its own; its target's kind is known only with the whole file (resolveMonitoring). */
export const alertSchema = fields({
  name: textField({ maxLength: SCENARIO_LIMITS.maxNameLength, what: 'an alert name', nonEmpty: true }),
  severity: choiceField(['page', 'ticket', 'info'], `Default "${ALERT_DEFAULTS.severity}".`).prefault(ALERT_DEFAULTS.severity),
  target: nodeRefField('A node, link, client or probe id.'),
  metric: textField({ maxLength: 100, what: 'a series metric name', nonEmpty: true, description: 'Threshold alerts: the target\'s series metric (e.g. "utilization", "queueDepth").' }).optional(),
  above: numberField({ description: 'Threshold: fires while the metric is above this.' }).optional(),
  below: numberField({ description: 'Threshold: fires while the metric is below this.' }).optional(),
  for: durationField({ description: 'Threshold: how long the condition must hold first. Default 0.' }).optional(),
  failures: wholeNumberField({ min: 1, max: 1000, description: 'Probe alerts: fires after this many failures in a row.' }).optional(),
  slo: sloSchema.optional(),
}).superRefine((a, ctx) => {
  const rules = [a.above !== undefined || a.below !== undefined, a.failures !== undefined, a.slo !== undefined].filter(Boolean).length;
  if (rules !== 1) {
    ctx.addIssue({ code: 'custom', message: `expected exactly one rule: "above" or "below" (with "metric"), "failures" (a probe), or "slo" (a client), got ${rules === 0 ? 'none' : 'several'}` });
  } else if (a.above !== undefined && a.below !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['below'], message: 'expected one of "above" or "below", got both' });
  } else if ((a.above !== undefined || a.below !== undefined) && a.metric === undefined) {
    ctx.addIssue({ code: 'custom', path: ['metric'], message: 'a threshold needs the series metric it watches, e.g. "metric": "utilization"' });
  }
  for (const field of ['metric', 'for'] as const) {
    if (a[field] !== undefined && a.above === undefined && a.below === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `"${field}" belongs to a threshold ("above" or "below")` });
  }
});

export type ReadAlert = z.output<typeof alertSchema>;

interface Graph {
  nodes: readonly NodeSpec[];
  links: readonly LinkSpec[];
  classes: readonly string[];
}

/** Checks probes against the graph: unique ids, targets, a route from `via`, the class. */
export function checkProbes(probes: readonly ProbeSpec[], graph: Graph, log: IssueLog): void {
  const taken = new Set<string>([...graph.nodes.map((n) => n.id), ...graph.links.map((l) => l.id)]);
  const nodeIds = graph.nodes.map((n) => n.id);
  probes.forEach((probe, i) => {
    if (taken.has(probe.id)) log.error(['probes', i, 'id'], `duplicate id ${quote(probe.id)} (ids are unique across nodes, links and probes)`);
    taken.add(probe.id);
    for (const field of ['target', 'via'] as const) {
      const id = probe[field];
      if (!nodeIds.includes(id)) log.error(['probes', i, field], `unknown node ${quote(id)}${hint(id, nodeIds)}`);
    }
    const target = graph.nodes.find((n) => n.id === probe.target);
    if (target?.kind === 'client') log.error(['probes', i, 'target'], `a probe checks a node that answers; ${quote(probe.target)} is a client`);
    if (nodeIds.includes(probe.via) && target !== undefined && !graph.links.some((l) => l.from === probe.via && l.to === probe.target)) {
      log.error(['probes', i, 'via'], `no link from ${quote(probe.via)} to ${quote(probe.target)}: a probe goes the way real traffic goes, over those links`);
    }
    if (probe.className !== null && !graph.classes.includes(probe.className)) {
      log.error(['probes', i, 'class'], `no client sends class ${quote(probe.className)}${hint(probe.className, graph.classes)}`);
    }
  });
}

/** The alerts as the engine takes them, each rule matched to its target's kind; errors name the alert's field. */
export function resolveAlerts(read: readonly ReadAlert[], probes: readonly ProbeSpec[], graph: Graph, log: IssueLog): AlertSpec[] {
  const kindOf = new Map<string, string>([
    ...graph.nodes.map((n): [string, string] => [n.id, n.kind]),
    ...graph.links.map((l): [string, string] => [l.id, 'link']),
    ...probes.map((p): [string, string] => [p.id, 'probe']),
  ]);
  const names = new Set<string>();
  const out: AlertSpec[] = [];
  read.forEach((a, i) => {
    if (names.has(a.name)) log.error(['alerts', i, 'name'], `duplicate alert name ${quote(a.name)}`);
    names.add(a.name);
    const kind = kindOf.get(a.target);
    if (kind === undefined) {
      log.error(['alerts', i, 'target'], `unknown target ${quote(a.target)} (expected a node, link, client or probe id)${hint(a.target, [...kindOf.keys()])}`);
      return;
    }
    if (a.failures !== undefined) {
      if (kind !== 'probe') log.error(['alerts', i, 'failures'], `"failures" counts a probe's failures in a row; ${quote(a.target)} is a ${kind}`);
      else out.push({ name: a.name, severity: a.severity, rule: { rule: 'probeFailures', target: a.target, failures: a.failures } });
      return;
    }
    if (a.slo !== undefined) {
      if (kind !== 'client') {
        log.error(['alerts', i, 'slo'], `an SLO burn-rate alert watches a client's goodput; ${quote(a.target)} is a ${kind}`);
        return;
      }
      const windows = (a.slo.windows ?? DEFAULT_BURN_WINDOWS.map((w) => ({ long: parseDuration(w.long) as number, short: parseDuration(w.short) as number, factor: w.factor }))).map((w) => ({ longMs: w.long, shortMs: w.short, factor: w.factor }));
      windows.forEach((w, j) => {
        if (w.shortMs > w.longMs) log.error(['alerts', i, 'slo', 'windows', j, 'short'], `expected a short window no longer than the long one (${formatDuration(w.longMs)}), got ${formatDuration(w.shortMs)}`);
      });
      out.push({ name: a.name, severity: a.severity, rule: { rule: 'burnRate', target: a.target, objective: a.slo.objective, windows } });
      return;
    }
    const group: ThresholdRuleSpec['group'] = kind === 'link' ? 'links' : kind === 'client' ? 'clients' : kind === 'probe' ? 'probes' : 'nodes';
    const op = a.above !== undefined ? 'above' : 'below';
    out.push({ name: a.name, severity: a.severity, rule: { rule: 'threshold', group, target: a.target, metric: a.metric ?? '', op, value: (a.above ?? a.below) as number, forMs: a.for ?? ALERT_DEFAULTS.for } });
  });
  return out;
}

/** Threshold metrics the target has no series of (asked of the engine, which declares them). */
export function checkAlertMetrics(alerts: readonly AlertSpec[], rawIndex: readonly number[], spec: Parameters<typeof seriesMetricsOf>[0], log: IssueLog): void {
  if (!alerts.some((a) => a.rule.rule === 'threshold')) return;
  const metrics = seriesMetricsOf(spec);
  alerts.forEach((a, k) => {
    const rule = a.rule;
    if (rule.rule !== 'threshold') return;
    const known = metrics.get(`${rule.group}\u0000${rule.target}`) ?? [];
    if (!known.includes(rule.metric)) {
      log.error(['alerts', rawIndex[k], 'metric'], `unknown metric ${quote(rule.metric)} of ${quote(rule.target)}${hint(rule.metric, known)} (it has: ${known.join(', ')})`);
    }
  });
}

function hint(id: string, among: readonly string[]): string {
  const near = closestMatch(id, among);
  return near === undefined ? '' : ` (did you mean ${quote(near)}?)`;
}
