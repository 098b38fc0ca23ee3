/**
 * The selected node or link as JSON, for fields the form does not show (circuit breakers,
 * bulkheads, fields a newer format adds). Invalid JSON stays in the box with a message; it never
 * reaches the document. Its id is edited in the form above, so a rename keeps references right.
 */
import { useState } from 'react';
import { useDraft } from './fields/use-draft.ts';
import { MAX_NESTING_DEPTH, nestingProblem } from '../../scenario/facts.ts';

export interface JsonEditorProps {
  id: string;
  label: string;
  value: Record<string, unknown>;
  /** Keys shown elsewhere and kept as they are (id, position). */
  hiddenKeys: readonly string[];
  onCommit: (next: Record<string, unknown>) => void;
}

export function JsonEditor({ id, label, value, hiddenKeys, onCommit }: JsonEditorProps) {
  const [error, setError] = useState<string | null>(null);
  const shown = Object.fromEntries(Object.entries(value).filter(([key]) => !hiddenKeys.includes(key)));
  const draft = useDraft(JSON.stringify(shown, null, 2), (text) => {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('expected a JSON object { … }');
      // the document's own nesting limit (a node sits 2 levels down): else the next reload refuses the autosave
      const deep = nestingProblem(parsed, MAX_NESTING_DEPTH - 2);
      if (deep !== null) throw new Error(deep.message);
      setError(null);
      const kept = Object.fromEntries(hiddenKeys.filter((k) => k in value).map((k) => [k, value[k]]));
      onCommit({ ...(parsed as Record<string, unknown>), ...kept });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  });
  return (
    <details className="fl-json">
      <summary>{label}</summary>
      <label htmlFor={id} className="fl-field__label">JSON (applied when you leave the box or press Ctrl+Enter)</label>
      <textarea id={id} rows={10} spellCheck={false} {...draft} aria-invalid={error !== null || undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && <p className="fl-field__messages" id={`${id}-error`} role="alert">Not applied: {error}</p>}
    </details>
  );
}
