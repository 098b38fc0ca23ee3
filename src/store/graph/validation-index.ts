/**
 * The parser's problems, filed under what the editor shows: a node, a link, a fault or the
 * scenario settings, each with the field inside it ("nodes[2].queue.capacity" → node
 * `document.nodes[2].id`, field "queue.capacity"). The inspector shows each message next to its
 * field; the canvas marks the node or link.
 *
 * Zod-free: the parse itself is validate-document.ts (the editor's), or the worker's (the embed
 * files the warnings its worker returned) — so the embed's live stage carries no parser (issue 16).
 */
import type { ScenarioDocument } from './document.ts';
import { formatFieldPath, parseIssuePath } from './field-path.ts';

export type IssueSeverity = 'error' | 'warning';

export interface FieldIssue {
  /** Path inside the node, link, fault or top level: "workers", "calls[0].to", "" for the whole. */
  field: string;
  message: string;
  severity: IssueSeverity;
}

export interface ValidationIndex {
  /** Whether the document would run (warnings allowed). */
  runnable: boolean;
  nodes: ReadonlyMap<string, FieldIssue[]>;
  links: ReadonlyMap<string, FieldIssue[]>;
  /** By index in `faults`. */
  faults: ReadonlyMap<number, FieldIssue[]>;
  /** Top-level fields and the file as a whole. */
  scenario: FieldIssue[];
  errorCount: number;
  warningCount: number;
}

export const EMPTY_VALIDATION: ValidationIndex = {
  runnable: true,
  nodes: new Map(),
  links: new Map(),
  faults: new Map(),
  scenario: [],
  errorCount: 0,
  warningCount: 0,
};

/** "nodes[1].calls[0].to: no link…" → path and message (warnings arrive as formatted lines). */
function splitLine(line: string): { path: string; message: string } {
  const at = line.indexOf(': ');
  return at < 0 ? { path: '', message: line } : { path: line.slice(0, at), message: line.slice(at + 2) };
}

/** What a parse of the document said: its warnings (formatted lines) or its errors. */
export type ParseOutcome = { ok: true; warnings: readonly string[] } | { ok: false; errors: readonly { path: string; message: string }[] };

/** Files a parse's problems under the parts of `document` (the same document that was parsed). */
export function indexIssues(document: ScenarioDocument, result: ParseOutcome): ValidationIndex {
  const issues = result.ok
    ? result.warnings.map((line) => ({ ...splitLine(line), severity: 'warning' as const }))
    : result.errors.map((e) => ({ path: e.path, message: e.message, severity: 'error' as const }));
  const nodes = new Map<string, FieldIssue[]>();
  const links = new Map<string, FieldIssue[]>();
  const faults = new Map<number, FieldIssue[]>();
  const scenario: FieldIssue[] = [];
  const file = <K>(map: Map<K, FieldIssue[]>, key: K, issue: FieldIssue) => {
    const list = map.get(key);
    if (list) list.push(issue);
    else map.set(key, [issue]);
  };
  for (const { path, message, severity } of issues) {
    const [list, index, ...rest] = parseIssuePath(path);
    const field = formatFieldPath(rest);
    if (list === 'nodes' && typeof index === 'number' && document.nodes[index]) file(nodes, document.nodes[index].id, { field, message, severity });
    else if (list === 'links' && typeof index === 'number' && document.links[index]) file(links, document.links[index].id, { field, message, severity });
    else if (list === 'faults' && typeof index === 'number') file(faults, index, { field, message, severity });
    else scenario.push({ field: path, message, severity });
  }
  const errorCount = result.ok ? 0 : issues.length;
  return { runnable: result.ok, nodes, links, faults, scenario, errorCount, warningCount: issues.length - errorCount };
}

/** Issues for exactly this field, or for the object itself when `field` is "" (e.g. rate vs users). */
export function issuesAt(issues: readonly FieldIssue[] | undefined, field: string): FieldIssue[] {
  return issues ? issues.filter((i) => i.field === field) : [];
}

/** Issues for this field or anything inside it: "retry" covers "retry.backoff.base". */
export function issuesUnder(issues: readonly FieldIssue[] | undefined, field: string): FieldIssue[] {
  if (!issues) return [];
  return issues.filter((i) => i.field === field || i.field.startsWith(`${field}.`) || i.field.startsWith(`${field}[`));
}
