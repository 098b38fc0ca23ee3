/**
 * The one limits gate (docs/security.md, "Limits at every door"). Every way a document enters
 * Faultline — a file, an `#s=` link, an embed's `faultline:load`, the autosave, the CLI, the
 * worker — asks `admissionProblem` before anything parses it, lays it out or stores it. It
 * costs a few comparisons for the list counts and one iterative walk for the nesting, so a
 * 70,000-node file or a 19,000-node link is refused in milliseconds with the limit named,
 * instead of freezing the tab while the parser, the layout and the canvas work through it.
 */
import { FILE_PATH, isPlainObject, type ScenarioIssue } from './issue-text.ts';
import { LIST_BOUNDS } from './header-facts.ts';
import { nestingProblem } from './json-depth.ts';
import { SCENARIO_LIMITS } from './limits.ts';

const MB = 1024 * 1024;

/** Every list over its limit, else the nesting problem, as issues with paths; empty when `value` may be parsed. */
export function admissionProblems(value: unknown): ScenarioIssue[] {
  if (!isPlainObject(value)) return []; // not a scenario at all: the parser says so
  const issues: ScenarioIssue[] = [];
  for (const key of Object.keys(LIST_BOUNDS) as (keyof typeof LIST_BOUNDS)[]) {
    const list = Object.hasOwn(value, key) ? value[key] : undefined;
    const { max, noun } = LIST_BOUNDS[key];
    if (Array.isArray(list) && list.length > max) issues.push({ path: key, message: `expected at most ${max} ${noun[1]} (a Faultline limit), got ${list.length}` });
  }
  if (issues.length > 0) return issues;
  const deep = nestingProblem(value);
  return deep === null ? [] : [{ path: FILE_PATH, message: deep.message }];
}

/** The first limit `value` breaks, as an issue with its path; null when it may be parsed. */
export function admissionProblem(value: unknown): ScenarioIssue | null {
  return admissionProblems(value)[0] ?? null;
}

/** The size limit on a document's text (a file, an autosave), in UTF-8 bytes; null when within it. */
export function textSizeProblem(text: string): ScenarioIssue | null {
  // characters ≤ bytes ≤ 3 × characters: count the bytes only when it could matter
  const bytes = text.length * 3 <= SCENARIO_LIMITS.maxTextBytes ? text.length : utf8Length(text);
  if (bytes <= SCENARIO_LIMITS.maxTextBytes) return null;
  return { path: FILE_PATH, message: `expected a file of at most ${SCENARIO_LIMITS.maxTextBytes / MB} MB (a Faultline limit), got ${(bytes / MB).toFixed(1)} MB` };
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}
