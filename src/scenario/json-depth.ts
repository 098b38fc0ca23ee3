/**
 * How deeply a value nests. JSON.parse reads a million "[" fine, but structuredClone and
 * JSON.stringify recurse: a deep value that got past the parser would overflow the stack
 * later (autosave, the worker's postMessage). The parser copes (tests/scenario/text.test.ts); the
 * editor, which keeps even an invalid document, checks with this first. Built-ins nest ≤ 6 levels.
 */

import { formatPath } from './issue-text.ts';

/** A Faultline limit: objects and lists inside each other at most this deep. */
export const MAX_NESTING_DEPTH = 64;

export interface NestingProblem {
  /** Where the limit was crossed, e.g. ["nodes", 0, "workers", 0, 0]. */
  path: (string | number)[];
  message: string;
}

/** The first branch of `value` nested too deep, or null. Iterative: no stack to overflow. */
export function nestingProblem(value: unknown, maxDepth = MAX_NESTING_DEPTH): NestingProblem | null {
  const stack: { item: unknown; path: (string | number)[] }[] = [{ item: value, path: [] }];
  while (stack.length > 0) {
    const { item, path } = stack.pop() as (typeof stack)[number];
    if (typeof item !== 'object' || item === null) continue;
    if (path.length >= maxDepth) {
      const where = `${formatPath(path.slice(0, 3))}${path.length > 3 ? '…' : ''}`;
      return { path, message: `objects and lists are nested more than ${maxDepth} levels deep under ${where} (a Faultline limit)` };
    }
    const list = Array.isArray(item);
    for (const [key, child] of Object.entries(item)) stack.push({ item: child, path: [...path, list ? Number(key) : key] });
  }
  return null;
}
