/**
 * B, "with one change": the current document (A) with a few field edits written in, checked by
 * the scenario parser. Every way of choosing a change (a suggestion, a built-in's fix, a typed
 * path and value) ends here, so B is always a document the engine accepts — or the parser's own
 * messages say why not.
 */
import { formatIssue, parseScenario } from '../scenario/index.ts';
import { describeEdit, diffDocuments, type FieldEdit } from './doc-diff.ts';
import { writeAt } from './doc-path.ts';

export type VariantSource = 'suggested' | 'built-in fix' | 'your edit';

export interface Variant {
  /** Stable within one document: what a `<select>` option holds. */
  id: string;
  /** "users: retries 3 → none". */
  label: string;
  source: VariantSource;
  /** The document B. */
  doc: Record<string, unknown>;
  /** What B changes against A, one line each (`nodes[users].retry.attempts: 2 → 1`). */
  diff: string[];
}

export type VariantResult = { ok: true; variant: Variant } | { ok: false; errors: string[] };

/** Writes `edits` into a copy of `a` and validates the result. */
export function buildVariant(a: Record<string, unknown>, edits: readonly Pick<FieldEdit, 'path' | 'after'>[], meta: Pick<Variant, 'id' | 'label' | 'source'>): VariantResult {
  let doc = a;
  for (const edit of edits) {
    const written = writeAt(doc, edit.path, edit.after);
    if (!written.ok) return { ok: false, errors: [`${edit.path}: ${written.message}`] };
    doc = written.doc;
  }
  const parsed = parseScenario(doc);
  if (!parsed.ok) return { ok: false, errors: parsed.errors.map(formatIssue) };
  const diff = diffDocuments(a, doc).map(describeEdit);
  if (diff.length === 0) return { ok: false, errors: ['the change leaves the scenario as it is: nothing to compare'] };
  return { ok: true, variant: { ...meta, doc, diff } };
}
