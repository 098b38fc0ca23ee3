/**
 * The optional top-level `experiment` of a scenario (docs/format.md "Experiments"): one parameter
 * path with a list or range of values, a number or list of seeds, and the outcome metrics to
 * collect from each run. The scenario itself is parsed as usual; this file checks the experiment
 * against it — the path must reach something, every value must give a valid scenario, every
 * metric must name a node of the right kind — and reports problems at `experiment.…` paths.
 */
import type { ScenarioSpec } from '../engine/index.ts';
import { describeValue, formatIssue, isPlainObject, IssueLog, type Path, quote } from './errors.ts';
import { formatDuration, parseDuration } from './durations.ts';
import { didYouMean } from './suggest.ts';
import { listItemIds, listItemIndex, parseVaryPath, type PathStep } from './vary-path.ts';
import { isUnsafeKey, ownValue, setOwnValue, unsafeKeyMessage } from './own-keys.ts';
import { EXPERIMENT_LIMITS, METRICS, metricFits, metricTargets, type MetricDef, type MetricName, type MetricSpec, type MetricTarget } from './metric-facts.ts';

export { EXPERIMENT_LIMITS, METRICS, metricFits, metricTargets, type MetricName, type MetricSpec, type MetricTarget };

export interface VarySpec {
  path: string;
  values: unknown[];
}

export interface ExperimentSpec {
  /** The parameter plotted on the x axis, and others varied with it, value by value. */
  vary: VarySpec & { with: VarySpec[] };
  seeds: number[];
  collect: MetricSpec[];
}

const EXPERIMENT_FIELDS = ['vary', 'seeds', 'collect'];
const VARY_FIELDS = ['path', 'values', 'range', 'with'];
const WITH_FIELDS = ['path', 'values'];
const RANGE_FIELDS = ['from', 'to', 'step'];

/** Parse-only view of the document a path walks: plain JSON. */
type Json = unknown;

// ---------------------------------------------------------------------------------------------
// Paths: `nodes[users].rate`, `faults[0].for`, `nodes[api].auth.refreshEvery`, `duration`
// (parsed in vary-path.ts).

const LIST_NOUNS: Record<string, string> = { nodes: 'node', links: 'link', faults: 'fault', guide: 'guide step' };

/**
 * Where a path leads in `doc`: the object that holds the last step and the key to set, or a
 * message. Missing fields on the way are created (`retry.attempts` on a client without `retry`)
 * when `create` is set; list items are never created.
 */
function locate(doc: Json, steps: PathStep[], create: boolean): { parent: Record<string, unknown> | unknown[]; key: string | number } | string {
  let current: Json = doc;
  let where = '';
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const last = i === steps.length - 1;
    if ('field' in step) {
      if (isUnsafeKey(step.field)) return unsafeKeyMessage(step.field); // parseVaryPath refuses these too
      if (!isPlainObject(current)) return `${where || 'the document'} is ${describeValue(current)}, not an object with a field "${step.field}"`;
      if (last) return { parent: current, key: step.field };
      if (ownValue(current, step.field) === undefined) {
        if (!create || 'item' in steps[i + 1]) return `${where ? `${where} has` : 'the document has'} no field "${step.field}"`;
        setOwnValue(current, step.field, {});
      }
      where = where ? `${where}.${step.field}` : step.field;
      current = ownValue(current, step.field);
      continue;
    }
    if (!Array.isArray(current)) return `${where} is ${describeValue(current)}, not a list`;
    const listName = where.split(/[.[]/).pop() ?? where;
    const noun = (ownValue(LIST_NOUNS, listName) as string | undefined) ?? `item of ${where}`;
    const index = listItemIndex(current, step.item);
    if (index < 0) return `no ${noun} ${quote(step.item)}${didYouMean(step.item, listItemIds(current))}`;
    if (last) return { parent: current, key: index };
    where = `${where}[${step.item}]`;
    current = current[index];
  }
  return 'expected a path such as "nodes[users].rate"';
}

/** Sets the value at `path` in `doc` (in place), creating missing fields on the way. */
export function setAtPath(doc: Json, path: string, value: unknown): void {
  const steps = parseVaryPath(path);
  if (typeof steps === 'string') throw new Error(steps);
  const found = locate(doc, steps, true);
  if (typeof found === 'string') throw new Error(`${path}: ${found}`);
  setOwnValue(found.parent, found.key, structuredClone(value));
}

/**
 * The plain v1 document of one run: the scenario without its experiment, value `index` of the
 * varied parameter (and of each `with`) written in, and the run's seed.
 */
export function runDocument(doc: Record<string, unknown>, experiment: ExperimentSpec, valueIndex: number, seed: number): Record<string, unknown> {
  const { experiment: _experiment, ...scenario } = doc;
  const run = structuredClone(scenario);
  setAtPath(run, experiment.vary.path, experiment.vary.values[valueIndex]);
  for (const also of experiment.vary.with) setAtPath(run, also.path, also.values[valueIndex]);
  run.seed = seed;
  return run;
}

// ---------------------------------------------------------------------------------------------
// Reading the experiment.

type ParseFn = (input: unknown) => { ok: true; spec: ScenarioSpec } | { ok: false; errors: { path: string; message: string }[] };

function unknownFields(value: Record<string, unknown>, known: string[], path: Path, log: IssueLog): void {
  for (const key of Object.keys(value)) if (!known.includes(key)) log.error([...path, key], `unknown field${didYouMean(key, known)}`);
}

function readPath(value: unknown, path: Path, doc: Record<string, unknown>, log: IssueLog): string | undefined {
  if (typeof value !== 'string') {
    log.error(path, `expected a path such as "nodes[users].rate", got ${describeValue(value)}`);
    return undefined;
  }
  const steps = parseVaryPath(value);
  if (typeof steps === 'string') {
    log.error(path, steps);
    return undefined;
  }
  const first = steps[0];
  if ('field' in first && ['seed', 'format', 'experiment', '$schema'].includes(first.field) && steps.length === 1) {
    log.error(path, first.field === 'seed' ? 'the seed is not varied by a path: use experiment.seeds' : `"${first.field}" cannot be varied`);
    return undefined;
  }
  // Locate on a copy: creating missing fields must not change the document.
  const found = locate(structuredClone(doc), steps, true);
  if (typeof found === 'string') {
    log.error(path, found);
    return undefined;
  }
  return value;
}

function readRange(value: unknown, path: Path, log: IssueLog): number[] | undefined {
  if (!isPlainObject(value)) {
    log.error(path, `expected { "from": number, "to": number, "step": number > 0 }, got ${describeValue(value)}`);
    return undefined;
  }
  unknownFields(value, RANGE_FIELDS, path, log);
  const numbers: Record<string, number> = {};
  for (const key of RANGE_FIELDS) {
    const n = value[key];
    if (typeof n !== 'number' || !Number.isFinite(n)) log.error([...path, key], `expected a number, got ${describeValue(n)}`);
    else numbers[key] = n;
  }
  const { from, to, step } = numbers;
  if (from === undefined || to === undefined || step === undefined) return undefined;
  if (step <= 0) return void log.error([...path, 'step'], `expected a number > 0, got ${step}`);
  if (to < from) return void log.error([...path, 'to'], `expected a number ≥ from (${from}), got ${to}`);
  const count = Math.floor((to - from) / step + 1e-9) + 1;
  if (count > EXPERIMENT_LIMITS.maxValues) return void log.error(path, `expected at most ${EXPERIMENT_LIMITS.maxValues} values (a Faultline limit), got ${count}`);
  // rounded to 12 significant digits so that 0.1 + 0.2 steps read as 0.3, not 0.30000000000000004
  return Array.from({ length: count }, (_, i) => Number((from + i * step).toPrecision(12)));
}

function readValues(value: unknown, path: Path, log: IssueLog): unknown[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    log.error(path, `expected a non-empty list of values, got ${describeValue(value)}`);
    return undefined;
  }
  if (value.length > EXPERIMENT_LIMITS.maxValues) {
    log.error(path, `expected at most ${EXPERIMENT_LIMITS.maxValues} values (a Faultline limit), got ${value.length}`);
    return undefined;
  }
  return value;
}

function readSeeds(value: unknown, baseSeed: number, log: IssueLog): number[] | undefined {
  const path = ['experiment', 'seeds'];
  const isSeed = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (value === undefined) return [baseSeed];
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 1 || value > EXPERIMENT_LIMITS.maxSeeds) {
      log.error(path, `expected a whole number of seeds from 1 to ${EXPERIMENT_LIMITS.maxSeeds}, or a list of seeds, got ${value}`);
      return undefined;
    }
    return Array.from({ length: value }, (_, i) => baseSeed + i);
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > EXPERIMENT_LIMITS.maxSeeds) {
    log.error(path, `expected a whole number of seeds, or a list of 1–${EXPERIMENT_LIMITS.maxSeeds} seeds, got ${describeValue(value)}`);
    return undefined;
  }
  let ok = true;
  value.forEach((seed, i) => {
    if (!isSeed(seed)) {
      log.error([...path, i], `expected a whole number ≥ 0, got ${describeValue(seed)}`);
      ok = false;
    } else if (value.indexOf(seed) !== i) {
      log.error([...path, i], `seed ${seed} is listed twice`);
      ok = false;
    }
  });
  return ok ? (value as number[]) : undefined;
}

/** The names of the document's alerts (what detectSeconds and detected take). */
function alertNamesOf(doc: Record<string, unknown>): string[] {
  const alerts = Array.isArray(doc.alerts) ? doc.alerts : [];
  return alerts.flatMap((a) => (isPlainObject(a) && typeof a.name === 'string' ? [a.name] : []));
}

const METRIC_TEXT = /^\s*([A-Za-z][A-Za-z0-9]*)\s*\(([^()]*)\)\s*$/;

/** Reads one `collect` entry against the scenario; `endMs` is the shortest run's duration. */
function readMetric(text: unknown, path: Path, kinds: ReturnType<typeof metricTargets>, endMs: number, log: IssueLog, doc: Record<string, unknown>): MetricSpec | undefined {
  const names = Object.keys(METRICS);
  if (typeof text !== 'string') return void log.error(path, `expected a metric such as "p99(api)", got ${describeValue(text)}`);
  const match = METRIC_TEXT.exec(text);
  if (!match) return void log.error(path, `expected a metric such as "p99(api)" or "goodput(users, 30s, 60s)", got ${quote(text)}`);
  const name = match[1];
  if (!(name in METRICS)) return void log.error(path, `unknown metric "${name}"${didYouMean(name, names)} (known: ${names.join(', ')})`);
  const def: MetricDef = METRICS[name as MetricName];
  const args = match[2].split(',').map((a) => a.trim());
  const [target, ...times] = args;
  const signature = `${name}(${['id', ...def.args.map((a, i) => (i < def.required ? a : `${a}?`))].join(', ')})`;
  if (target === '' || times.length > def.args.length || times.length < def.required) return void log.error(path, `expected ${signature}, got ${quote(text)}`);
  const alertNames = def.target === 'alert' ? alertNamesOf(doc) : [];
  const node = def.target === 'alert' ? (alertNames.includes(target) ? { kind: 'alert', validator: false } : undefined) : kinds.get(target);
  if (!node && def.target === 'alert') return void log.error(path, `no alert named "${target}"${didYouMean(target, alertNames)}${alertNames.length === 0 ? ' (the scenario has no `alerts`)' : ''}`);
  if (!node) return void log.error(path, `no node "${target}"${didYouMean(target, kinds.keys())}`);
  if (def.target !== 'alert' && !metricFits(name as MetricName, node)) {
    const needs = { client: 'a client', node: 'a node that is not a client', validator: 'a validator (a node with `auth`)', any: 'a client or a validator' }[name === 'recoverySeconds' ? 'any' : def.target];
    return void log.error(path, `"${target}" is a ${node.kind}${node.validator ? ' with auth' : ''}; ${name} needs ${needs}`);
  }
  const metric: MetricSpec = { label: '', name: name as MetricName, target };
  const shown: string[] = [target];
  for (let i = 0; i < times.length; i++) {
    const ms = parseDuration(times[i]) ?? (/^\d+(\.\d+)?$/.test(times[i]) ? Number(times[i]) : null);
    if (ms === null) return void log.error(path, `${def.args[i]}: expected a duration such as "30s", got ${quote(times[i])}`);
    if (ms > endMs) return void log.error(path, `${def.args[i]}: ${formatDuration(ms)} is after the end of the run (${formatDuration(endMs)})`);
    metric[`${def.args[i]}Ms`] = ms;
    shown.push(formatDuration(ms));
  }
  if (metric.fromMs !== undefined && metric.toMs !== undefined && metric.toMs <= metric.fromMs) return void log.error(path, `to: expected a time after from (${formatDuration(metric.fromMs)}), got ${formatDuration(metric.toMs)}`);
  if (metric.windowMs === 0) return void log.error(path, 'window: expected a duration > 0');
  metric.label = `${name}(${shown.join(', ')})`;
  return metric;
}

function readMetrics(value: unknown, doc: Record<string, unknown>, endMs: number, log: IssueLog): MetricSpec[] | undefined {
  const path = ['experiment', 'collect'];
  if (!Array.isArray(value) || value.length === 0 || value.length > EXPERIMENT_LIMITS.maxMetrics) {
    log.error(path, `expected a list of 1–${EXPERIMENT_LIMITS.maxMetrics} metrics such as ["p99(api)", "collapsed(users)"], got ${describeValue(value)}`);
    return undefined;
  }
  const kinds = metricTargets(doc);
  const metrics = value.map((text, i) => readMetric(text, [...path, i], kinds, endMs, log, doc));
  const labels = new Set<string>();
  metrics.forEach((m, i) => {
    if (m && labels.has(m.label)) log.error([...path, i], `${m.label} is collected twice`);
    if (m) labels.add(m.label);
  });
  return metrics.every((m) => m !== undefined) ? metrics : undefined;
}

/**
 * Checks `raw` (the file's `experiment`) against the scenario `doc` (without it) and returns the
 * normalised experiment, or logs every problem. `parse` is parseScenario (passed in to keep the
 * module graph acyclic); each value is tried in a copy of the document, so a value the scenario
 * cannot take is reported before any run starts (unless `checkValues` is false).
 */
export function readExperiment(raw: unknown, doc: Record<string, unknown>, baseSeed: number, parse: ParseFn, log: IssueLog, checkValues = true): ExperimentSpec | undefined {
  if (!isPlainObject(raw)) return void log.error(['experiment'], `expected { "vary": { "path", "values" | "range" }, "seeds", "collect" }, got ${describeValue(raw)}`);
  unknownFields(raw, EXPERIMENT_FIELDS, ['experiment'], log);
  const varyPath = ['experiment', 'vary'];
  const vary = raw.vary;
  let path: string | undefined;
  let values: unknown[] | undefined;
  const withs: VarySpec[] = [];
  let withOk = true;
  if (!isPlainObject(vary)) log.error(varyPath, `expected { "path": "nodes[users].rate", "values": [...] } or with "range": { "from", "to", "step" }, got ${describeValue(vary)}`);
  else {
    unknownFields(vary, VARY_FIELDS, varyPath, log);
    path = readPath(vary.path, [...varyPath, 'path'], doc, log);
    if ((vary.values === undefined) === (vary.range === undefined)) log.error(varyPath, 'expected exactly one of "values" (a list) and "range" ({ "from", "to", "step" })');
    else values = vary.values !== undefined ? readValues(vary.values, [...varyPath, 'values'], log) : readRange(vary.range, [...varyPath, 'range'], log);
    if (vary.with !== undefined) {
      if (!Array.isArray(vary.with) || vary.with.length > EXPERIMENT_LIMITS.maxWith) {
        log.error([...varyPath, 'with'], `expected a list of at most ${EXPERIMENT_LIMITS.maxWith} { "path", "values" }, got ${describeValue(vary.with)}`);
        withOk = false;
      } else {
        vary.with.forEach((item: unknown, i: number) => {
          const at = [...varyPath, 'with', i];
          if (!isPlainObject(item)) return void (withOk = false, log.error(at, `expected { "path", "values" }, got ${describeValue(item)}`));
          unknownFields(item, WITH_FIELDS, at, log);
          const p = readPath(item.path, [...at, 'path'], doc, log);
          const v = readValues(item.values, [...at, 'values'], log);
          if (v && values && v.length !== values.length) {
            log.error([...at, 'values'], `expected ${values.length} values, one for each value of experiment.vary, got ${v.length}`);
            withOk = false;
          } else if (p && v) withs.push({ path: p, values: v });
          else withOk = false;
        });
      }
    }
  }
  const seeds = readSeeds(raw.seeds, baseSeed, log);
  if (seeds && values && values.length * seeds.length > EXPERIMENT_LIMITS.maxRuns) {
    log.error(['experiment'], `expected at most ${EXPERIMENT_LIMITS.maxRuns} runs (values × seeds, a Faultline limit), got ${values.length} × ${seeds.length} = ${values.length * seeds.length}`);
    return undefined;
  }
  if (path === undefined || values === undefined || !withOk) {
    readMetrics(raw.collect, doc, Infinity, log); // still report its problems
    return undefined;
  }

  // Every value must make a valid scenario; the shortest run bounds the metrics' times.
  const spec: ExperimentSpec = { vary: { path, values, with: withs }, seeds: seeds ?? [baseSeed], collect: [] };
  let endMs = Infinity;
  let invalid = 0;
  const valuesPath = vary !== undefined && isPlainObject(vary) && vary.values !== undefined ? [...varyPath, 'values'] : [...varyPath, 'range'];
  // unchecked (the editor, the run: parseScenario's `experimentValues: 'none'`), metric times are bounded by nothing
  for (let i = 0; checkValues && i < values.length && invalid < 5; i++) {
    const result = parse(runDocument(doc, spec, i, spec.seeds[0]));
    if (result.ok) endMs = Math.min(endMs, result.spec.durationMs);
    else {
      invalid++;
      const at = valuesPath[valuesPath.length - 1] === 'values' ? [...valuesPath, i] : valuesPath;
      log.error(at, `with ${path} = ${quote(values[i])} the scenario is invalid: ${result.errors.slice(0, 3).map(formatIssue).join('; ')}`);
    }
  }
  const collect = readMetrics(raw.collect, doc, endMs, log);
  if (log.hasErrors || collect === undefined || seeds === undefined) return undefined;
  spec.collect = collect;
  return spec;
}
