/**
 * A node id field chosen among the nodes this node has a link to (of one kind, if given): a
 * client's `auth.issuer`, a validator's `auth.keyset`, an identity's `mfa.via`. A value without
 * a link stays listed, marked, so the parser's message beside it makes sense.
 */
import type { DocumentNode, ScenarioDocument } from '../../../store/graph-store.ts';
import type { FieldPath } from '../../../store/graph/field-path.ts';
import { inputId, type FieldBinding } from '../fields/binding.ts';
import { FieldMessages } from '../fields/FieldMessages.tsx';

export interface LinkedNodeFieldProps {
  node: DocumentNode;
  document: ScenarioDocument;
  binding: FieldBinding;
  path: FieldPath;
  label: string;
  /** Only nodes of this kind are offered. */
  kind?: string;
  hint?: string;
}

export function LinkedNodeField({ node, document, binding, path, label, kind, hint }: LinkedNodeFieldProps) {
  const id = inputId(binding, path);
  const kinds = new Map(document.nodes.map((n) => [n.id, n.kind]));
  const linked = [...new Set(document.links.filter((l) => l.from === node.id && (kind === undefined || kinds.get(l.to) === kind)).map((l) => l.to))];
  const value = binding.get(path);
  const current = typeof value === 'string' ? value : '';
  const choices = current && !linked.includes(current) ? [...linked, current] : linked;
  const issues = binding.issues(path);
  const describedBy = [issues.length ? `${id}-messages` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="fl-field">
      <label htmlFor={id} className="fl-field__label">{label}</label>
      <select id={id} value={current} aria-invalid={issues.length > 0 || undefined} aria-describedby={describedBy} onChange={(e) => binding.set(path, e.target.value || undefined)}>
        <option value="">{choices.length ? '— choose —' : `— link to ${kind === undefined ? 'a node' : `a ${kind} node`} first —`}</option>
        {choices.map((to) => (
          <option key={to} value={to}>{to}{linked.includes(to) ? '' : ' (no link)'}</option>
        ))}
      </select>
      {hint && <p className="fl-field__hint" id={`${id}-hint`}>{hint}</p>}
      <FieldMessages id={`${id}-messages`} issues={issues} />
    </div>
  );
}
