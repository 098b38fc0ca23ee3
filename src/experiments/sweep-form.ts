/**
 * The Experiments panel's "this scenario" form ↔ the format's `experiment` (docs/format.md
 * "Experiments"), host-free. The form is text as typed; `experimentFromForm` reads it (refusing
 * what is not a number, a duration or a seed), and `checkSweep` hands the result to the same
 * parser the CLI uses, so a limit or a bad value is refused in the browser exactly as
 * `faultline sweep` would refuse it — with the form's own words for where.
 */
import { EXPERIMENT_LIMITS, formatDuration, METRICS, metricFits, metricTargets, parseDuration, type MetricName, type ScenarioIssue } from '../scenario/facts.ts';
import type { ExperimentPlan, PlanResult } from './plan.ts';
import type { SweepField } from './sweep-fields.ts';

export type ValuesMode = 'list' | 'range';

export interface SweepForm {
  path: string;
  valuesMode: ValuesMode;
  /** "1, 2, 4" or "100ms 250ms": numbers and durations, by commas or spaces. */
  valuesText: string;
  range: { from: string; to: string; step: string };
  /** Empty: the scenario's seed; "3": three seeds from it; "1, 7, 42": these seeds. */
  seedsText: string;
  /** One metric per line, as `collect` writes them: "p99(api)", "goodput(users, 30s, 60s)". */
  metricsText: string;
  /** `vary.with` of an opened file: kept as it was (the form does not edit it). */
  with?: unknown;
}

/** The `experiment` as written into the document. */
export interface RawExperiment {
  vary: { path: string; values?: (number | string)[]; range?: { from: number; to: number; step: number }; with?: unknown };
  seeds?: number | number[];
  collect: string[];
}

/** Where in the form a problem is: the label a person sees. */
export type FormPart = 'Field' | 'Values' | 'Seeds' | 'Metrics' | 'Scenario' | 'Experiment';

export interface FormProblem {
  part: FormPart;
  message: string;
}

export const EMPTY_FORM: SweepForm = { path: '', valuesMode: 'list', valuesText: '', range: { from: '', to: '', step: '' }, seedsText: '', metricsText: '' };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

type Read<T> = { ok: true; value: T } | { ok: false; problem: FormProblem };

/** "1, 2, 4" / "100ms 250ms 1s" → [1, 2, 4] / ["100ms", "250ms", "1s"]: numbers, or durations as written. */
export function parseValueList(text: string): Read<(number | string)[]> {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) return { ok: false, problem: { part: 'Values', message: 'enter at least one value, such as "1, 2, 4" or "100ms, 250ms"' } };
  if (tokens.length > EXPERIMENT_LIMITS.maxValues) return { ok: false, problem: { part: 'Values', message: `at most ${EXPERIMENT_LIMITS.maxValues} values (a Faultline limit), got ${tokens.length}` } };
  const values: (number | string)[] = [];
  for (const token of tokens) {
    if (NUMBER.test(token) && Number.isFinite(Number(token))) values.push(Number(token));
    else if (parseDuration(token) !== null) values.push(token);
    else return { ok: false, problem: { part: 'Values', message: `${JSON.stringify(token)} is not a number or a duration (such as 250ms, 30s, 5m)` } };
  }
  return { ok: true, value: values };
}

function parseRange(range: SweepForm['range']): Read<{ from: number; to: number; step: number }> {
  const numbers: Record<string, number> = {};
  for (const key of ['from', 'to', 'step'] as const) {
    const text = range[key].trim();
    if (!NUMBER.test(text) || !Number.isFinite(Number(text))) {
      const got = text === '' ? 'it is empty' : `${JSON.stringify(text)} is not a number`;
      return { ok: false, problem: { part: 'Values', message: `range ${key}: ${got} (a range takes plain numbers; list durations instead)` } };
    }
    numbers[key] = Number(text);
  }
  return { ok: true, value: { from: numbers.from, to: numbers.to, step: numbers.step } };
}

/** "" → the scenario's seed; "3" → three seeds; "1, 7, 42" → these. Limits are the parser's. */
export function parseSeeds(text: string): Read<number | number[] | undefined> {
  const tokens = text.split(/[\s,;]+/).filter(Boolean);
  if (tokens.length === 0) return { ok: true, value: undefined };
  for (const token of tokens) {
    if (!/^\d+$/.test(token) || !Number.isSafeInteger(Number(token))) return { ok: false, problem: { part: 'Seeds', message: `${JSON.stringify(token)} is not a whole number ≥ 0` } };
  }
  return { ok: true, value: tokens.length === 1 ? Number(tokens[0]) : tokens.map(Number) };
}

/** One metric per line; blank lines are ignored. */
export function parseMetricLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter(Boolean);
}

/** Reads the form into an `experiment`; the parser checks it against the scenario afterwards. */
export function experimentFromForm(form: SweepForm): { ok: true; experiment: RawExperiment } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  if (form.path.trim() === '') problems.push({ part: 'Field', message: 'choose the field to sweep' });
  const values = form.valuesMode === 'list' ? parseValueList(form.valuesText) : parseRange(form.range);
  if (!values.ok) problems.push(values.problem);
  const seeds = parseSeeds(form.seedsText);
  if (!seeds.ok) problems.push(seeds.problem);
  const collect = parseMetricLines(form.metricsText);
  if (collect.length === 0) problems.push({ part: 'Metrics', message: 'choose at least one metric to collect, such as p99(api)' });
  if (problems.length > 0 || !values.ok || !seeds.ok) return { ok: false, problems };
  const vary: RawExperiment['vary'] = { path: form.path.trim() };
  if (form.valuesMode === 'list') vary.values = values.value as (number | string)[];
  else vary.range = values.value as { from: number; to: number; step: number };
  if (form.with !== undefined) vary.with = form.with;
  const experiment: RawExperiment = { vary, collect };
  if (seeds.value !== undefined) experiment.seeds = seeds.value;
  return { ok: true, experiment };
}

/** The parser's path → the part of the form it is about. */
function partOf(path: string): FormPart {
  if (path.startsWith('experiment.vary.path')) return 'Field';
  if (path.startsWith('experiment.vary')) return 'Values';
  if (path.startsWith('experiment.seeds')) return 'Seeds';
  if (path.startsWith('experiment.collect')) return 'Metrics';
  return path.startsWith('experiment') ? 'Experiment' : 'Scenario';
}

function problemOf(issue: ScenarioIssue): FormProblem {
  const part = partOf(issue.path);
  const line = /^experiment\.collect\[(\d+)\]/.exec(issue.path);
  if (line) return { part, message: `line ${Number(line[1]) + 1}: ${issue.message}` };
  // the scenario's own problems keep their path: the inspector shows them at that field too
  return { part, message: part === 'Scenario' ? `${issue.path}: ${issue.message}` : issue.message };
}

export type SweepCheck = { ok: true; experiment: RawExperiment; plan: ExperimentPlan } | { ok: false; problems: FormProblem[] };

/** Who plans the sweep: plan.ts's `planExperiment` — in the page, an experiment worker's (the page carries no parser, issue 16). */
export type SweepPlanner = (doc: unknown) => PlanResult | Promise<PlanResult>;

/**
 * The form against the scenario on the canvas: the experiment it makes and the plan of its runs,
 * or every problem, worded for the form. The scenario's own problems come first: a sweep of a
 * scenario that does not run would fail in every run.
 */
export async function checkSweep(doc: Record<string, unknown>, form: SweepForm, plan: SweepPlanner): Promise<SweepCheck> {
  const read = experimentFromForm(form);
  if (!read.ok) return read;
  const planned = await plan(withExperiment(doc, read.experiment));
  if (!planned.ok) return { ok: false, problems: planned.errors.map(problemOf) };
  return { ok: true, experiment: read.experiment, plan: planned.plan };
}

/** The document with this experiment (replacing any other); the rest is untouched. */
export function withExperiment<T extends Record<string, unknown>>(doc: T, experiment: RawExperiment): T & { experiment: RawExperiment } {
  return { ...doc, experiment: structuredClone(experiment) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const asText = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value));

/**
 * A document's `experiment` as the form shows it (an opened file preloads the panel), or
 * undefined when it is not an object with a `vary`; what the form cannot show faithfully is
 * shown as text, so the parser names it when the person runs it.
 */
export function formFromExperiment(raw: unknown): SweepForm | undefined {
  if (!isRecord(raw) || !isRecord(raw.vary)) return undefined;
  const vary = raw.vary;
  const form: SweepForm = { ...EMPTY_FORM, range: { ...EMPTY_FORM.range }, path: typeof vary.path === 'string' ? vary.path : '' };
  if (isRecord(vary.range)) {
    form.valuesMode = 'range';
    form.range = { from: asText(vary.range.from ?? ''), to: asText(vary.range.to ?? ''), step: asText(vary.range.step ?? '') };
  } else if (Array.isArray(vary.values)) form.valuesText = vary.values.map(asText).join(', ');
  if (vary.with !== undefined) form.with = structuredClone(vary.with);
  if (typeof raw.seeds === 'number') form.seedsText = String(raw.seeds);
  else if (Array.isArray(raw.seeds)) form.seedsText = raw.seeds.map(asText).join(', ');
  if (Array.isArray(raw.collect)) form.metricsText = raw.collect.map(asText).join('\n');
  return form;
}

/** The metrics the panel offers for a document: every metric without required times, for every node it fits. */
export function metricChoices(doc: Record<string, unknown>): string[] {
  const names = (Object.keys(METRICS) as MetricName[]).filter((name) => (METRICS[name] as { required: number }).required === 0);
  const choices: string[] = [];
  for (const [id, node] of metricTargets(doc)) for (const name of names) if (metricFits(name, node)) choices.push(`${name}(${id})`);
  return choices;
}

function round(n: number): number {
  return Number(n.toPrecision(6));
}

/** Half, as it is, double: a first guess around the current value that a person then edits. */
export function suggestedValues(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value) && value !== 0) {
    const values = Number.isInteger(value) ? [Math.max(1, Math.round(value / 2)), value, value * 2] : [round(value / 2), value, round(value * 2)];
    return [...new Set(values)].join(', ');
  }
  const ms = typeof value === 'string' ? parseDuration(value) : null;
  if (ms !== null && ms > 0) return [formatDuration(ms / 2), value as string, formatDuration(ms * 2)].join(', ');
  return '';
}

/**
 * A first form for a field: its suggested values, the scenario's seed, and the metrics most
 * likely to move — the 99th percentile of the node the field belongs to, and the first client's
 * goodput and 99th percentile.
 */
export function suggestedForm(doc: Record<string, unknown>, path: string, fields: readonly SweepField[]): SweepForm {
  const field = fields.find((f) => f.path === path);
  const targets = metricTargets(doc);
  const metrics: string[] = [];
  const owner = field?.group === 'node' ? field.owner : /^nodes\[([^\]]+)\]/.exec(path)?.[1];
  if (owner !== undefined && targets.has(owner)) metrics.push(`p99(${owner})`);
  const client = [...targets].find(([, t]) => t.kind === 'client')?.[0];
  if (client !== undefined) for (const m of [`p99(${client})`, `goodput(${client})`]) if (!metrics.includes(m)) metrics.push(m);
  if (metrics.length === 0) {
    const first = targets.keys().next();
    if (!first.done) metrics.push(`p99(${first.value})`);
  }
  return { ...EMPTY_FORM, range: { ...EMPTY_FORM.range }, path, valuesText: suggestedValues(field?.value), metricsText: metrics.join('\n') };
}
