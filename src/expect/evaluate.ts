/**
 * A scenario's `expect` list checked against its run's report: one result per assertion — pass,
 * fail, or error when the report has no such value (a path the graph could not rule out at parse
 * time, a share of zero requests). Pure: the CLI, the test pool and the golden check call it.
 */
import type { RunReport } from '../engine/index.ts';
import { DERIVED_CLIENT_SHARES, LEVEL_SERIES, formatDuration, type Assertion, type Comparison, type MetricAssertion, type WindowAggregate } from '../scenario/index.ts';
import { ownValue } from '../scenario/index.ts';

export type AssertionStatus = 'pass' | 'fail' | 'error';
export type AssertionValue = number | boolean | string | null;

export interface AssertionResult extends Comparison {
  /** Position in the file's `expect` list. */
  index: number;
  name?: string;
  metric: string;
  /** The window, when the assertion has one; `of` as applied ("sum", "max", or "share"). */
  fromMs?: number;
  toMs?: number;
  of?: WindowAggregate | 'share';
  /** What the report says; null when it has no such value (status "error"). */
  value: AssertionValue;
  status: AssertionStatus;
  /** Why the value could not be read (status "error"). */
  message?: string;
}

/** The `expect` section of a report: every result in the file's order, and the counts. */
export interface ExpectReport {
  passed: number;
  failed: number;
  errors: number;
  results: AssertionResult[];
}

class MissingValue extends Error {}

function missing(message: string): never {
  throw new MissingValue(message);
}

function meets(value: AssertionValue, c: Comparison): boolean {
  if (c.equals !== undefined) return value === c.equals;
  if (typeof value !== 'number') return false;
  return (c.atMost === undefined || value <= c.atMost) && (c.atLeast === undefined || value >= c.atLeast);
}

function entityOf(report: RunReport, a: MetricAssertion): Record<string, unknown> {
  const entity = ownValue(report[a.group], a.id);
  if (entity === undefined) missing(`the report has no ${a.group}.${a.id}`);
  return entity as Record<string, unknown>;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return `an object (fields: ${Object.keys(value as object).join(', ')})`;
  return JSON.stringify(value);
}

function share(numerator: number, denominator: number, what: string): number {
  if (!(denominator > 0)) missing(`${what} is undefined: no requests`);
  return numerator / denominator;
}

/** `classes.<name>.successShare` → the class name, else undefined. */
function classShare(field: string[]): string | undefined {
  return field.length === 3 && field[0] === 'classes' && field[2] === 'successShare' ? field[1] : undefined;
}

function totalValue(report: RunReport, a: MetricAssertion): AssertionValue {
  const entity = entityOf(report, a);
  const derived = a.group === 'clients' && a.field.length === 1 ? ownValue(DERIVED_CLIENT_SHARES, a.field[0]) : undefined;
  if (derived !== undefined) {
    const [num, den] = derived as readonly [string, string];
    return share(entity[num] as number, entity[den] as number, a.metric);
  }
  const cls = a.group === 'clients' ? classShare(a.field) : undefined;
  if (cls !== undefined) {
    const counts = ownValue(entity.classes as object, cls) as { generated: number; succeeded: number } | undefined;
    if (counts === undefined) missing(`${a.group}.${a.id} sends no class "${cls}" (classes: ${Object.keys(entity.classes as object).join(', ')})`);
    return share(counts.succeeded, counts.generated, a.metric);
  }
  let value: unknown = entity;
  let at = `${a.group}.${a.id}`;
  for (const step of a.field) {
    const next = value !== null && typeof value === 'object' && !Array.isArray(value) ? ownValue(value, step) : undefined;
    if (next === undefined) {
      const has = value !== null && typeof value === 'object' && !Array.isArray(value) ? `fields of ${at}: ${Object.keys(value).join(', ')}` : `${at} is ${describe(value)}`;
      missing(`the report has no ${at}.${step} (${has})`);
    }
    value = next;
    at = `${at}.${step}`;
  }
  if (value === null) missing(`${at} is null in this report (for utilization: the workers are unbounded)`);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return missing(`${at} is ${describe(value)}, not a value; name one of its fields`);
}

/** Intervals of the series inside [fromMs, toMs): `t[i]` is the end of interval i. */
function windowRange(report: RunReport, fromMs: number, toMs: number): [number, number] {
  const { t, intervalMs } = report.series;
  const eps = 1e-6;
  if (t.length === 0) missing('the report has no series samples');
  if (fromMs < t[0] - intervalMs - eps) missing(`the series starts at ${formatDuration(t[0] - intervalMs)} (older samples are not kept); the window starts at ${formatDuration(fromMs)}`);
  let first = t.length;
  let end = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] - intervalMs >= fromMs - eps && t[i] <= toMs + eps) {
      first = Math.min(first, i);
      end = i + 1;
    }
  }
  if (end <= first) missing(`the window ${formatDuration(fromMs)}–${formatDuration(toMs)} holds no whole interval of the series (one every ${formatDuration(intervalMs)})`);
  return [first, end];
}

function aggregate(values: number[], from: number, to: number, of: WindowAggregate): number {
  const slice = values.slice(from, to);
  switch (of) {
    case 'sum':
      return slice.reduce((s, v) => s + v, 0);
    case 'mean':
      return slice.reduce((s, v) => s + v, 0) / slice.length;
    case 'max':
      return Math.max(...slice);
    case 'min':
      return Math.min(...slice);
  }
}

function windowValue(report: RunReport, a: MetricAssertion, window: NonNullable<MetricAssertion['window']>): { value: number; of: WindowAggregate | 'share' } {
  const seriesById = ownValue(report.series[a.group], a.id) as Record<string, number[]> | undefined;
  if (seriesById === undefined) missing(`the report has no series for ${a.group}.${a.id}`);
  const [from, to] = windowRange(report, window.fromMs, window.toMs);
  const series = (name: string): number[] => {
    const values = ownValue(seriesById, name) as number[] | undefined;
    if (values === undefined) missing(`${a.group}.${a.id} has no series "${name}" (series: ${Object.keys(seriesById).join(', ')})`);
    return values;
  };
  const joined = a.field.join('.');
  const derived = a.group === 'clients' ? ownValue(DERIVED_CLIENT_SHARES, joined) : undefined;
  const cls = a.group === 'clients' ? classShare(a.field) : undefined;
  if (derived !== undefined || cls !== undefined) {
    if (window.of !== undefined) missing(`"of" does not apply to a share (${joined} is a ratio of two sums over the window)`);
    const [num, den] = cls !== undefined ? [`succeeded.${cls}`, `generated.${cls}`] : (derived as readonly [string, string]);
    return { value: share(aggregate(series(num), from, to, 'sum'), aggregate(series(den), from, to, 'sum'), a.metric), of: 'share' };
  }
  const of = window.of ?? (LEVEL_SERIES.has(joined) ? 'max' : 'sum');
  return { value: aggregate(series(joined), from, to, of), of };
}

/** Evaluates one assertion; a kind added later (alerts, issue 13) gets its own branch here. */
function evaluateOne(report: RunReport, a: Assertion): AssertionResult {
  const { index, name, metric, window, atMost, atLeast, equals } = a;
  const base = {
    index,
    ...(name === undefined ? {} : { name }),
    metric,
    ...(window === undefined ? {} : { fromMs: window.fromMs, toMs: window.toMs }),
    ...(atMost === undefined ? {} : { atMost }),
    ...(atLeast === undefined ? {} : { atLeast }),
    ...(equals === undefined ? {} : { equals }),
  };
  try {
    if (window === undefined) {
      const value = totalValue(report, a);
      return { ...base, value, status: meets(value, a) ? 'pass' : 'fail' };
    }
    const { value, of } = windowValue(report, a, window);
    if (!Number.isFinite(value)) missing(`${metric} is ${value} over the window`);
    return { ...base, of, value, status: meets(value, a) ? 'pass' : 'fail' };
  } catch (error) {
    if (!(error instanceof MissingValue)) throw error;
    return { ...base, value: null, status: 'error', message: error.message };
  }
}

export function evaluateExpect(report: RunReport, assertions: readonly Assertion[]): ExpectReport {
  const results = assertions.map((a) => evaluateOne(report, a));
  const count = (status: AssertionStatus): number => results.filter((r) => r.status === status).length;
  return { passed: count('pass'), failed: count('fail'), errors: count('error'), results };
}

/** Whether every assertion passed. */
export function expectPassed(section: ExpectReport): boolean {
  return section.failed === 0 && section.errors === 0;
}
