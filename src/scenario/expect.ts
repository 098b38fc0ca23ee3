/**
 * The optional top-level `expect` list of a scenario (docs/format.md "Expectations"): assertions
 * on the run's report that `faultline run` and `faultline test` check. Read by hand, like
 * `experiment`, so each message names its entry. What the graph can tell is checked here — the
 * path's group, that the node or link exists, the report field it starts with, windows inside the
 * run; what only the report can tell (a cache's fields on a service) is checked when it is read
 * (src/expect/evaluate.ts), with a message naming the path.
 */
import type { ScenarioSpec } from '../engine/index.ts';
import { describeValue, isPlainObject, type IssueLog, type Path } from './errors.ts';
import { formatDuration, parseDuration } from './durations.ts';
import { didYouMean } from './suggest.ts';
import { REPORT_FIELDS, REPORT_GROUPS, WINDOW_AGGREGATES, type ReportGroup, type WindowAggregate } from './expect-paths.ts';

export const EXPECT_LIMITS = { maxAssertions: 200, maxNameLength: 200, maxMetricLength: 300 } as const;

/** What a value is compared with; at least one bound, or `equals` alone. */
export interface Comparison {
  atMost?: number;
  atLeast?: number;
  equals?: number | boolean | string;
}

/** `{ "metric": "clients.users.latencyMs.p99", "atMost": 500 }`, normalised (times in ms). */
export interface MetricAssertion extends Comparison {
  kind: 'metric';
  /** Position in the file's `expect` list: results and annotations point back at it. */
  index: number;
  name?: string;
  /** The path as written. */
  metric: string;
  group: ReportGroup;
  id: string;
  /** The path below the node or link: ["latencyMs", "p99"]. */
  field: string[];
  /** A window over the series: [fromMs, toMs). Both are set when either was written. */
  window?: { fromMs: number; toMs: number; of?: WindowAggregate };
}

/**
 * Every assertion kind. Alerts (issue 13) will add `{ kind: 'alert', … }` read from entries with an
 * `alert` field; the evaluator dispatches on `kind`, so nothing else changes.
 */
export type Assertion = MetricAssertion;

const ENTRY_FIELDS = ['name', 'metric', 'from', 'to', 'of', 'atMost', 'atLeast', 'equals'];
const BOUNDS = ['atMost', 'atLeast'] as const;

/** Ids a path may name after each group, from the raw document (it parsed: they are valid). */
function idsByGroup(doc: Record<string, unknown>): Record<ReportGroup, string[]> {
  const ids: Record<ReportGroup, string[]> = { clients: [], nodes: [], links: [] };
  for (const node of Array.isArray(doc.nodes) ? doc.nodes : []) {
    if (isPlainObject(node) && typeof node.id === 'string') (node.kind === 'client' ? ids.clients : ids.nodes).push(node.id);
  }
  for (const link of Array.isArray(doc.links) ? doc.links : []) if (isPlainObject(link) && typeof link.id === 'string') ids.links.push(link.id);
  return ids;
}

const GROUP_NOUN: Record<ReportGroup, string> = { clients: 'client', nodes: 'node', links: 'link' };
const PATH_EXAMPLE = '"clients.users.latencyMs.p99" or "nodes[api].dropped.queueFull"';

/** `clients.users.latencyMs.p99` or `clients[my.id].latencyMs.p99` → group, id and field; a message otherwise. */
function readMetricPath(text: string, ids: Record<ReportGroup, string[]>): Pick<MetricAssertion, 'group' | 'id' | 'field'> | string {
  const dot = text.indexOf('.');
  const bracket = text.indexOf('[');
  const head = text.slice(0, [dot, bracket].filter((i) => i >= 0).reduce((a, b) => Math.min(a, b), text.length));
  if (!(REPORT_GROUPS as readonly string[]).includes(head)) {
    return `expected a report path starting with ${REPORT_GROUPS.map((g) => `"${g}."`).join(', ')}, such as ${PATH_EXAMPLE}, got ${JSON.stringify(text)}`;
  }
  const group = head as ReportGroup;
  const known = ids[group];
  let id: string | undefined;
  let rest: string;
  const bracketed = /^\w+\[([^\]]+)\](.*)$/.exec(text);
  if (bracketed && text[head.length] === '[') {
    id = bracketed[1];
    rest = bracketed[2];
    if (!known.includes(id)) return `no ${GROUP_NOUN[group]} "${id}"${didYouMean(id, known)}`;
    if (!rest.startsWith('.')) return `expected a field after ${group}[${id}], such as ${PATH_EXAMPLE}`;
    rest = rest.slice(1);
  } else {
    const after = text.slice(head.length + 1);
    // ids may contain "."; the longest id the path starts with is the one it means
    id = known.filter((candidate) => after.startsWith(`${candidate}.`)).sort((a, b) => b.length - a.length)[0];
    if (id === undefined) {
      const guess = after.split('.')[0];
      const elsewhere = REPORT_GROUPS.find((g) => g !== group && ids[g].includes(guess));
      if (known.includes(after)) return `expected a field after ${group}.${after}, such as ${PATH_EXAMPLE}`;
      if (elsewhere) return `"${guess}" is not under ${group}: its report is under ${elsewhere} (${elsewhere}.${after})`;
      return `no ${GROUP_NOUN[group]} "${guess}"${didYouMean(guess, known)}`;
    }
    rest = after.slice(id.length + 1);
  }
  const field = rest.split('.');
  if (field.some((part) => part === '')) return `expected fields separated by single dots, got ${JSON.stringify(text)}`;
  return { group, id, field };
}

function readBound(entry: Record<string, unknown>, key: string, path: Path, log: IssueLog): number | undefined {
  const value = entry[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return void log.error([...path, key], `expected a number, got ${describeValue(value)}`);
  return value;
}

function readWindow(entry: Record<string, unknown>, path: Path, endMs: number, log: IssueLog): MetricAssertion['window'] | null | undefined {
  const { from, to, of } = entry;
  if (from === undefined && to === undefined) {
    if (of !== undefined) log.error([...path, 'of'], 'expected "of" only with a window ("from" and/or "to")');
    return of === undefined ? undefined : null;
  }
  const time = (key: 'from' | 'to', fallback: number): number | null => {
    const raw = entry[key];
    if (raw === undefined) return fallback;
    const ms = parseDuration(raw);
    if (ms === null) log.error([...path, key], `expected a duration such as "5m" or "30s", got ${describeValue(raw)}`);
    else if (ms > endMs) log.error([...path, key], `${formatDuration(ms)} is after the end of the run (${formatDuration(endMs)})`);
    else return ms;
    return null;
  };
  const fromMs = time('from', 0);
  const toMs = time('to', endMs);
  let aggregate: WindowAggregate | undefined;
  if (of !== undefined) {
    if (!(WINDOW_AGGREGATES as readonly unknown[]).includes(of)) log.error([...path, 'of'], `expected one of ${WINDOW_AGGREGATES.map((a) => `"${a}"`).join(', ')}, got ${describeValue(of)}`);
    else aggregate = of as WindowAggregate;
  }
  if (fromMs === null || toMs === null || (of !== undefined && aggregate === undefined)) return null;
  if (toMs <= fromMs) {
    log.error([...path, 'to'], `expected a time after from (${formatDuration(fromMs)}), got ${formatDuration(toMs)}`);
    return null;
  }
  return { fromMs, toMs, ...(aggregate === undefined ? {} : { of: aggregate }) };
}

function readEntry(entry: unknown, index: number, ids: Record<ReportGroup, string[]>, endMs: number, log: IssueLog): Assertion | undefined {
  const path = ['expect', index];
  if (!isPlainObject(entry)) return void log.error(path, `expected an assertion such as { "metric": "clients.users.latencyMs.p99", "atMost": 500 }, got ${describeValue(entry)}`);
  if (entry.alert !== undefined) return void log.error([...path, 'alert'], 'alerts do not exist yet in this version of Faultline; an assertion names a report path in "metric"');
  const before = log.errors.length;
  for (const key of Object.keys(entry)) if (!ENTRY_FIELDS.includes(key)) log.error([...path, key], `unknown field${didYouMean(key, ENTRY_FIELDS)}`);
  const { name, metric, equals } = entry;
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || name.length > EXPECT_LIMITS.maxNameLength)) {
    log.error([...path, 'name'], `expected a name of 1–${EXPECT_LIMITS.maxNameLength} characters, got ${describeValue(name)}`);
  }
  let where: ReturnType<typeof readMetricPath> | undefined;
  if (typeof metric !== 'string' || metric.length === 0 || metric.length > EXPECT_LIMITS.maxMetricLength) {
    log.error([...path, 'metric'], `expected a report path such as ${PATH_EXAMPLE}, got ${describeValue(metric)}`);
  } else {
    where = readMetricPath(metric, ids);
    if (typeof where === 'string') log.error([...path, 'metric'], where);
  }
  const window = readWindow(entry, path, endMs, log);
  // Without a window the path is a field of the report; the first step can be checked now.
  if (where !== undefined && typeof where !== 'string' && window === undefined && !REPORT_FIELDS[where.group].includes(where.field[0])) {
    log.error([...path, 'metric'], `the report has no field "${where.field[0]}" under ${where.group}.${where.id}${didYouMean(where.field[0], REPORT_FIELDS[where.group])} (fields: ${REPORT_FIELDS[where.group].join(', ')})`);
  }
  const comparison: Comparison = {};
  for (const key of BOUNDS) {
    const bound = readBound(entry, key, path, log);
    if (bound !== undefined) comparison[key] = bound;
  }
  if (equals !== undefined) {
    if (!['number', 'boolean', 'string'].includes(typeof equals) || (typeof equals === 'number' && !Number.isFinite(equals))) log.error([...path, 'equals'], `expected a number, true, false or a string, got ${describeValue(equals)}`);
    else if (comparison.atMost !== undefined || comparison.atLeast !== undefined) log.error([...path, 'equals'], 'expected "equals" alone, not with "atMost" or "atLeast"');
    else comparison.equals = equals as Comparison['equals'];
  }
  if (equals === undefined && entry.atMost === undefined && entry.atLeast === undefined) log.error(path, 'expected a bound: "atMost", "atLeast" (or both), or "equals"');
  if (comparison.atMost !== undefined && comparison.atLeast !== undefined && comparison.atMost < comparison.atLeast) {
    log.error([...path, 'atMost'], `expected atMost ≥ atLeast (${comparison.atLeast}), got ${comparison.atMost}`);
  }
  if (log.errors.length > before || where === undefined || typeof where === 'string' || window === null) return undefined;
  return {
    kind: 'metric',
    index,
    ...(typeof name === 'string' ? { name } : {}),
    metric: metric as string,
    ...where,
    ...(window === undefined ? {} : { window }),
    ...comparison,
  };
}

/**
 * Checks `raw` (the file's `expect`) against the scenario `doc` (without it) and its parsed `spec`;
 * returns the assertions, or logs every problem at `expect[i]…` paths.
 */
export function readExpect(raw: unknown, doc: Record<string, unknown>, spec: ScenarioSpec, log: IssueLog): Assertion[] | undefined {
  if (!Array.isArray(raw) || raw.length === 0 || raw.length > EXPECT_LIMITS.maxAssertions) {
    return void log.error(['expect'], `expected a list of 1–${EXPECT_LIMITS.maxAssertions} assertions such as { "metric": "clients.users.latencyMs.p99", "atMost": 500 }, got ${describeValue(raw)}`);
  }
  const ids = idsByGroup(doc);
  const assertions = raw.map((entry, i) => readEntry(entry, i, ids, spec.durationMs, log));
  return assertions.every((a) => a !== undefined) ? assertions : undefined;
}

/** How a result names an assertion: its name, or the path and window. */
export function assertionLabel(assertion: Assertion): string {
  if (assertion.name !== undefined) return assertion.name;
  const { window } = assertion;
  if (window === undefined) return assertion.metric;
  return `${window.of === undefined ? '' : `${window.of} of `}${assertion.metric} over ${formatDuration(window.fromMs)}–${formatDuration(window.toMs)}`;
}

/** The bound in words: "≤ 500", "≥ 0.99", "= true", "0.9 … 1". */
export function describeComparison(c: Comparison): string {
  if (c.equals !== undefined) return `= ${JSON.stringify(c.equals)}`;
  if (c.atMost !== undefined && c.atLeast !== undefined) return `${c.atLeast} … ${c.atMost}`;
  return c.atMost !== undefined ? `≤ ${c.atMost}` : `≥ ${c.atLeast}`;
}

/** `expect` for editors (docs/scenario.schema.json): the shape; paths are checked by the parser. */
export const EXPECT_JSON = {
  type: 'array',
  description: 'Assertions on the run\'s report that `faultline run` and `faultline test` check (docs/format.md "Expectations").',
  minItems: 1,
  maxItems: EXPECT_LIMITS.maxAssertions,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['metric'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: EXPECT_LIMITS.maxNameLength, description: 'How results name the assertion. Default: the path and window.' },
      metric: { type: 'string', maxLength: EXPECT_LIMITS.maxMetricLength, description: 'A report path: clients.<id>.…, nodes.<id>.…, links.<id>.… (e.g. "clients.users.latencyMs.p99", "clients.users.goodputShare").' },
      from: { $ref: '#/definitions/duration', description: 'Start of a window over the series. Default 0 when "to" is given.' },
      to: { $ref: '#/definitions/duration', description: 'End of the window (exclusive). Default: the end of the run when "from" is given.' },
      of: { enum: [...WINDOW_AGGREGATES], description: 'How a window reduces a series: counts are summed, levels (queueDepth, latencyP99Ms…) take their largest sample by default.' },
      atMost: { type: 'number', description: 'Passes when the value is ≤ this.' },
      atLeast: { type: 'number', description: 'Passes when the value is ≥ this.' },
      equals: { oneOf: [{ type: 'number' }, { type: 'boolean' }, { type: 'string' }], description: 'Passes when the value is exactly this (not with atMost/atLeast).' },
    },
    anyOf: [{ required: ['atMost'] }, { required: ['atLeast'] }, { required: ['equals'] }],
  },
} as const;
