/**
 * Paths into a scenario document: `nodes[users].rate`, `faults[0].for`, `duration`. Parsed
 * here; walked by the experiments (experiment.ts, in place) and by Compare (src/compare/doc-path.ts,
 * on a copy), which word their messages differently but find list items the same way.
 */
import { isPlainObject, quote } from './issue-text.ts';
import { isUnsafeKey, unsafeKeyMessage } from './own-keys.ts';

export type PathStep = { field: string } | { item: string };

const SEGMENT = /^([A-Za-z_$][A-Za-z0-9_$]*)((?:\[[^\][]+\])*)$/;

/** `nodes[users].rate` → [{field: nodes}, {item: users}, {field: rate}]; a message on bad syntax. */
export function parseVaryPath(text: string): PathStep[] | string {
  if (text.trim() === '') return 'expected a path such as "nodes[users].rate", got an empty string';
  const steps: PathStep[] = [];
  for (const segment of text.split('.')) {
    const match = SEGMENT.exec(segment);
    if (!match) return `expected a path such as "nodes[users].rate" (fields separated by ".", nodes and links by id in brackets), got ${quote(text)}`;
    // `__proto__.ref` would walk into Object.prototype and write there (issue 17, finding 1)
    if (isUnsafeKey(match[1])) return `${quote(text)}: ${unsafeKeyMessage(match[1])}`;
    steps.push({ field: match[1] });
    for (const item of match[2].matchAll(/\[([^\][]+)\]/g)) steps.push({ item: item[1] });
  }
  return steps;
}

/** The index of the list item a path step names: by `id`, else by position ("0"), else -1. */
export function listItemIndex(list: unknown[], item: string): number {
  const byId = list.findIndex((entry) => isPlainObject(entry) && entry.id === item);
  if (byId >= 0) return byId;
  return /^\d+$/.test(item) && Number(item) < list.length ? Number(item) : -1;
}

/** The ids of a list's items, for "there are: …" and did-you-mean messages. */
export function listItemIds(list: unknown[]): string[] {
  return list.flatMap((entry) => (isPlainObject(entry) && typeof entry.id === 'string' ? [entry.id] : []));
}
