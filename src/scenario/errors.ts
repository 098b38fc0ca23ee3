/**
 * Problems found in a scenario: each has a path into the file ("nodes[2].calls[0].timeout") and
 * a message saying what was expected and what was found.
 */
import { z } from './zod.ts';
import { SCENARIO_LIMITS } from './limits.ts';

export interface ScenarioIssue {
  path: string;
  message: string;
}

export type PathSegment = string | number;
export type Path = readonly PathSegment[];

/** The path of problems with the file as a whole (not JSON, too large, not an object). */
export const FILE_PATH = '(file)';

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

// JSON.stringify leaves U+2028/U+2029 raw (JSON allows them); in a message they would break the
// one-line "path: message" a terminal, a log or a regex expects, so quoted text escapes them.
const LINE_SEPARATORS = /[\u2028\u2029]/g;

/** A value as a message quotes it: JSON, on one line. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.replace(LINE_SEPARATORS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** ["nodes", 2, "calls", 0, "to"] → "nodes[2].calls[0].to"; odd keys are quoted: `nodes[0]["my key"]`. */
export function formatPath(path: Path): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${quote(segment)}]`;
  }
  return text === '' ? FILE_PATH : text;
}

export function formatIssue(issue: ScenarioIssue): string {
  return `${issue.path}: ${issue.message}`;
}

const MAX_QUOTED_CHARS = 60;

/** How a message shows the value it got: `-3`, `"5 minutes"`, `null`, `a list of 3`, `an object`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value.length > MAX_QUOTED_CHARS ? `${value.slice(0, MAX_QUOTED_CHARS)}…` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length}`;
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects errors and warnings; keeps at most SCENARIO_LIMITS.maxReportedErrors of each. */
export class IssueLog {
  readonly errors: ScenarioIssue[] = [];
  readonly warnings: ScenarioIssue[] = [];
  private droppedErrors = 0;
  private droppedWarnings = 0;

  error(path: Path, message: string): void {
    if (this.errors.length < SCENARIO_LIMITS.maxReportedErrors) this.errors.push({ path: formatPath(path), message });
    else this.droppedErrors++;
  }

  warn(path: Path, message: string): void {
    if (this.warnings.length < SCENARIO_LIMITS.maxReportedErrors) this.warnings.push({ path: formatPath(path), message });
    else this.droppedWarnings++;
  }

  get hasErrors(): boolean {
    return this.errors.length > 0;
  }

  /** Whether more errors would only be counted, not shown (lets costly checks stop early). */
  get isFull(): boolean {
    return this.errors.length >= SCENARIO_LIMITS.maxReportedErrors;
  }

  finalErrors(): ScenarioIssue[] {
    return this.droppedErrors === 0
      ? this.errors
      : [...this.errors, { path: FILE_PATH, message: `${this.droppedErrors} more problems not shown` }];
  }

  finalWarnings(): string[] {
    const lines = this.warnings.map(formatIssue);
    if (this.droppedWarnings > 0) lines.push(`${FILE_PATH}: ${this.droppedWarnings} more warnings not shown`);
    return lines;
  }
}

const TYPE_NOUNS: Record<string, string> = {
  object: 'an object',
  array: 'a list (JSON array)',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

/**
 * Messages for the issues zod raises itself (objects and lists; every leaf value brings its own
 * message). Passed to every parse, never installed globally: other folders use zod too.
 */
export const scenarioErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    const expected = TYPE_NOUNS[issue.expected] ?? issue.expected;
    return issue.input === undefined
      ? `required field is missing; expected ${expected}`
      : `expected ${expected}, got ${describeValue(issue.input)}`;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && Array.isArray(issue.input)) {
    const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`;
    return `expected ${bound} items, got ${issue.input.length}`;
  }
  return undefined;
};

/** Parses `value` with `schema`; on failure logs every issue under `path` and returns undefined. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, path: Path, log: IssueLog): T | undefined {
  const result = schema.safeParse(value, { error: scenarioErrorMap });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    log.error([...path, ...issue.path.map(toSegment)], issue.message);
  }
  return undefined;
}

export function toSegment(key: PropertyKey): PathSegment {
  return typeof key === 'symbol' ? String(key) : key;
}
