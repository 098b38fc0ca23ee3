/**
 * How a problem in a scenario reads: its path into the file and its message, with the values it
 * quotes. Zod-free (errors.ts holds the zod half), so light readers — admit.ts, the embed's first
 * frame through light.ts — carry no validator.
 */

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
