/**
 * Short names for small cards (semantic zoom): a long name cut at its end would make "1 h
 * refresh, keep the last known good keys" and "1 h refresh, remember an unknown key for 1 h"
 * look the same. A name that shares a leading run of words with another node's name drops that
 * run ("…keep the last known good keys"), so the part that tells them apart comes first and
 * survives the cut; a name short enough to show whole is never cut. The full name stays one hover
 * (title) or tap (the inspector) away.
 */

/** Shared leading text shorter than this is kept: cutting "A" off "Apple" helps no one. */
const MIN_SHARED_CHARS = 4;
/** A name this short fits a small card's first line whole ("Building A"): cutting it only loses words. */
const WHOLE_NAME_MAX_CHARS = 14;
/** An ellipsis joined to the word after it (U+2060), so a line never breaks after it alone. */
const ELLIPSIS = '…\u2060';

/** Length of the common prefix of a and b, backed off to a word boundary (after a space). */
export function sharedWordsLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  if (n === a.length || n === b.length) return n === a.length && n === b.length ? n : a.lastIndexOf(' ', n - 1) + 1;
  return a.lastIndexOf(' ', n - 1) + 1;
}

/** id → the name a small card shows; equal to the full name when nothing is shared. */
export function distinctLabels(nodes: readonly { id: string; label: string }[]): Map<string, string> {
  // The longest run a name shares with any other is the one it shares with a sorted neighbour.
  const names = [...new Set(nodes.map((n) => n.label))].sort();
  const shortOf = new Map<string, string>();
  names.forEach((name, i) => {
    const cut = Math.max(i > 0 ? sharedWordsLength(name, names[i - 1]) : 0, i + 1 < names.length ? sharedWordsLength(name, names[i + 1]) : 0);
    shortOf.set(name, name.length > WHOLE_NAME_MAX_CHARS && cut >= MIN_SHARED_CHARS && cut < name.length ? ELLIPSIS + name.slice(cut) : name);
  });
  const out = new Map<string, string>();
  const uses = new Map<string, number>();
  for (const node of nodes) uses.set(node.label, (uses.get(node.label) ?? 0) + 1);
  // Names written the same twice: only the id tells them apart.
  for (const node of nodes) out.set(node.id, uses.get(node.label)! > 1 ? node.id : shortOf.get(node.label)!);
  return out;
}

/** The label a card shows in full: its `label`, or its id. */
export const cardLabel = (node: { id: string; label?: unknown }): string => (typeof node.label === 'string' && node.label !== '' ? node.label : node.id);

const cache = new WeakMap<readonly object[], Map<string, string>>();

/** distinctLabels of a document's nodes, worked out once per nodes array (every card asks). */
export function distinctLabelsOf(nodes: readonly { id: string; label?: unknown }[]): Map<string, string> {
  let labels = cache.get(nodes);
  if (!labels) {
    labels = distinctLabels(nodes.map((n) => ({ id: n.id, label: cardLabel(n) })));
    cache.set(nodes, labels);
  }
  return labels;
}
