/**
 * parseScenario: raw JSON value → the engine's ScenarioSpec, or every problem found.
 * Schema pass first (top level, then each node, link, fault and guide step on its own), then the
 * semantic pass on whatever parsed.
 */
import type { ScenarioSpec } from '../engine/index.ts';
import { FILE_PATH, IssueLog, describeValue, isPlainObject, parseWith, type Path, type ScenarioIssue } from './errors.ts';
import { headerSchema, guideStepSchema, LIST_BOUNDS, FORMAT_V1 } from './header.ts';
import { parseNode } from './nodes.ts';
import { linkSchema } from './links.ts';
import { parseFault } from './faults.ts';
import { checkScenario } from './semantic.ts';
import { alertSchema, checkAlertMetrics, checkProbes, probeSchema, resolveAlerts } from './monitoring.ts';
import { parseJsonText } from './json-text.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { readExperiment, type ExperimentSpec } from './experiment.ts';
import { readExpect, type Assertion } from './expect.ts';
import { unsafeKeyPaths } from './own-keys.ts';
import { admissionProblems, textSizeProblem } from './admit.ts';

export type ScenarioResult =
  | { ok: true; spec: ScenarioSpec; warnings: string[]; experiment?: ExperimentSpec; expect?: Assertion[] }
  | { ok: false; errors: ScenarioIssue[] };

/** The items of a top-level list, or undefined when it is unreadable (the header check says why). */
function itemsOf(raw: Record<string, unknown>, key: keyof typeof LIST_BOUNDS): readonly unknown[] | undefined {
  const value = raw[key] ?? (key === 'nodes' ? undefined : []);
  return Array.isArray(value) && value.length <= LIST_BOUNDS[key].max ? value : undefined;
}

function parseItems<T>(items: readonly unknown[] | undefined, key: string, read: (item: unknown, path: Path) => T | undefined): (T | undefined)[] {
  return (items ?? []).map((item, index) => read(item, [key, index]));
}

function allRead<T>(items: readonly (T | undefined)[]): items is T[] {
  return items.every((item) => item !== undefined);
}

export interface ParseOptions {
  /**
   * `every` (the default, what `faultline sweep` needs): each value of an `experiment` is tried as
   * a scenario of its own. `none`: its paths, seeds and metrics only — for the editor and the run,
   * which parse on every edit and never sweep (1000 values would cost 1000 parses per edit; the
   * Experiments panel checks every value before it writes or runs a sweep).
   */
  experimentValues?: 'every' | 'none';
}

export function parseScenario(input: unknown, options: ParseOptions = {}): ScenarioResult {
  // the limits gate first: a 70,000-node document costs a comparison, not a schema pass
  const refused = admissionProblems(input);
  if (refused.length > 0) return { ok: false, errors: refused };
  const result = parseChecked(input, options);
  const unsafe = unsafeKeyPaths(input, SCENARIO_LIMITS.maxReportedErrors);
  if (unsafe.length === 0) return result;
  // `"__proto__": {…}` is an unknown field like any other (zod's strict objects skip it)
  const log = new IssueLog();
  for (const path of unsafe) log.error(path, `unknown field ("${String(path.at(-1))}" is reserved by JavaScript and never a scenario field)`);
  const marked = new Set(log.errors.map((issue) => issue.path));
  const others = result.ok ? [] : result.errors.filter((issue) => !marked.has(issue.path));
  return { ok: false, errors: [...log.finalErrors(), ...others].slice(0, SCENARIO_LIMITS.maxReportedErrors + 1) };
}

function parseChecked(input: unknown, options: ParseOptions): ScenarioResult {
  const log = new IssueLog();
  if (!isPlainObject(input)) {
    log.error([], `expected a scenario object ({ "format": ${JSON.stringify(FORMAT_V1)}, … }), got ${describeValue(input)}`);
    return { ok: false, errors: log.finalErrors() };
  }
  if (input.expect !== undefined) return parseWithExpect(input, options);
  if (input.experiment !== undefined) return parseWithExperiment(input, options);
  const header = parseWith(headerSchema, input, [], log);
  const rawNodes = itemsOf(input, 'nodes');
  const rawLinks = itemsOf(input, 'links');
  const nodes = parseItems(rawNodes, 'nodes', (item, path) => parseNode(item, path, log));
  const links = parseItems(rawLinks, 'links', (item, path) => parseWith(linkSchema, item, path, log));
  const rawFaults = itemsOf(input, 'faults');
  const faults = parseItems(rawFaults, 'faults', (item, path) => parseFault(item, path, log));
  const guide = parseItems(itemsOf(input, 'guide'), 'guide', (item, path) => parseWith(guideStepSchema, item, path, log));
  const probes = parseItems(itemsOf(input, 'probes'), 'probes', (item, path) => parseWith(probeSchema, item, path, log));
  const alerts = parseItems(itemsOf(input, 'alerts'), 'alerts', (item, path) => parseWith(alertSchema, item, path, log));
  checkScenario({ header, rawNodes, rawLinks, rawFaults, nodes, links, faults, guide }, log);

  if (log.hasErrors || header === undefined || rawNodes === undefined || !allRead(nodes) || !allRead(links) || !allRead(faults) || !allRead(guide) || !allRead(probes) || !allRead(alerts)) {
    return { ok: false, errors: log.finalErrors() };
  }
  const spec: ScenarioSpec = { ...header, nodes, links, faults, guide };
  if (input.probes === undefined && input.alerts === undefined) return { ok: true, spec, warnings: log.finalWarnings() };
  // probes and alerts: checked against the whole graph, and only then (their spec fields exist only when written)
  const classes = [...new Set(nodes.flatMap((n) => (n.kind === 'client' ? n.classes.map((c) => c.name) : [])))];
  const graph = { nodes, links, classes };
  checkProbes(probes, graph, log);
  const resolved = resolveAlerts(alerts, probes, graph, log);
  if (input.probes !== undefined) spec.probes = probes;
  if (input.alerts !== undefined) spec.alerts = resolved;
  if (!log.hasErrors) checkAlertMetrics(resolved, resolved.map((a) => alerts.findIndex((r) => r.name === a.name)), spec, log);
  if (log.hasErrors) return { ok: false, errors: log.finalErrors() };
  return { ok: true, spec, warnings: log.finalWarnings() };
}

/** A scenario with an `experiment` (experiment.ts): the scenario first, then the experiment against it. */
function parseWithExperiment({ experiment: raw, ...doc }: Record<string, unknown>, options: ParseOptions): ScenarioResult {
  const base = parseScenario(doc);
  if (!base.ok) return base;
  const log = new IssueLog();
  const experiment = readExperiment(raw, doc, base.spec.seed, parseScenario, log, options.experimentValues !== 'none');
  if (experiment === undefined) return { ok: false, errors: log.finalErrors() };
  return { ...base, experiment };
}

/** A scenario with an `expect` list (expect.ts): the scenario first, then its assertions against it. */
function parseWithExpect({ expect: raw, ...doc }: Record<string, unknown>, options: ParseOptions): ScenarioResult {
  const base = parseScenario(doc, options);
  if (!base.ok) return base;
  const log = new IssueLog();
  const expect = readExpect(raw, doc, base.spec, log);
  if (expect === undefined) return { ok: false, errors: log.finalErrors() };
  return { ...base, expect };
}

/** Like parseScenario, from the text of a file: size and JSON syntax are checked first. */
export function parseScenarioText(text: string, options: ParseOptions = {}): ScenarioResult {
  const tooLarge = textSizeProblem(text);
  if (tooLarge !== null) return { ok: false, errors: [tooLarge] };
  const json = parseJsonText(text);
  if (!json.ok) {
    return { ok: false, errors: [{ path: FILE_PATH, message: `invalid JSON at line ${json.line}, column ${json.column}: ${json.message}` }] };
  }
  return parseScenario(json.value, options);
}
