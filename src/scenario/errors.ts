/**
 * Problems found in a scenario: each has a path into the file ("nodes[2].calls[0].timeout") and
 * a message saying what was expected and what was found.
 */
import { z } from './zod.ts';
import { SCENARIO_LIMITS } from './limits.ts';

export { describeValue, FILE_PATH, formatIssue, formatPath, isPlainObject, quote, type Path, type PathSegment, type ScenarioIssue } from './issue-text.ts';
import { describeValue, FILE_PATH, formatIssue, formatPath, type Path, type PathSegment, type ScenarioIssue } from './issue-text.ts';

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
