/**
 * Choosing B: the built-in's fixes and the suggested changes in one list, or "your own edit" — a
 * field path and a JSON value, checked by the scenario parser as they are typed (its message is
 * shown as it is). Reports the chosen variant, or null while there is none that is valid. The
 * variants and the path edit's check come from the dialog's compare worker (chooser.ts).
 */
import { useEffect, useId, useMemo, useState, type JSX } from 'react';
import type { Variant, VariantResult } from '../../compare/facts.ts';

const CUSTOM = 'custom';

interface ChangeChooserProps {
  doc: Record<string, unknown>;
  fixes: Variant[];
  suggestions: Variant[];
  pathEdit: (doc: Record<string, unknown>, pathText: string, valueText: string) => Promise<VariantResult>;
  disabled: boolean;
  onChange: (variant: Variant | null) => void;
}

export function ChangeChooser({ doc, fixes, suggestions, pathEdit, disabled, onChange }: ChangeChooserProps): JSX.Element {
  const selectId = useId();
  const pathId = useId();
  const valueId = useId();
  const errorId = useId();
  const all = useMemo(() => [...fixes, ...suggestions], [fixes, suggestions]);
  const [chosenId, setChosenId] = useState<string>(() => all[0]?.id ?? CUSTOM);
  const [path, setPath] = useState('');
  const [value, setValue] = useState('');

  // a new document (an edit on the canvas, another scenario) may drop the chosen option
  const selected = all.find((v) => v.id === chosenId);
  const effectiveId = selected || chosenId === CUSTOM ? chosenId : (all[0]?.id ?? CUSTOM);
  const typed = useCustomEdit(pathEdit, effectiveId === CUSTOM && path.trim() !== '' ? { doc, path, value } : null);
  // the last answer's messages stay while the next is on its way (no flicker as people type); only the current edit's variant is chosen
  const custom = typed.result;
  const variant = effectiveId === CUSTOM ? (typed.current && custom?.ok ? custom.variant : null) : (all.find((v) => v.id === effectiveId) ?? null);

  useEffect(() => onChange(variant), [variant, onChange]);

  return (
    <fieldset className="fl-compare-chooser" disabled={disabled}>
      <legend>B: the one change</legend>
      <label htmlFor={selectId}>Change</label>
      <select id={selectId} value={effectiveId} onChange={(e) => setChosenId(e.target.value)}>
        {fixes.length > 0 && (
          <optgroup label="Built-in fixes">
            {fixes.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
          </optgroup>
        )}
        {suggestions.length > 0 && (
          <optgroup label="Suggested changes">
            {suggestions.map((v) => <option key={v.id} value={v.id}>{v.label}</option>)}
          </optgroup>
        )}
        <option value={CUSTOM}>Your own edit: a field path and a value…</option>
      </select>
      {effectiveId === CUSTOM && (
        <div className="fl-compare-custom">
          <label htmlFor={pathId}>Field path</label>
          <input id={pathId} type="text" spellCheck={false} placeholder="nodes.api.workers" value={path} onChange={(e) => setPath(e.target.value)} aria-describedby={errorId} />
          <label htmlFor={valueId}>Value (JSON)</label>
          <input id={valueId} type="text" spellCheck={false} placeholder="8" value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={errorId} />
          <div id={errorId}>
            {custom && !custom.ok && (
              <ul role="alert" className="fl-compare-error">
                {custom.errors.map((message) => <li key={message}>{message}</li>)}
              </ul>
            )}
          </div>
        </div>
      )}
      {variant && (
        <p className="fl-compare-diff">
          <span>B changes: </span>
          {variant.diff.map((line) => <code key={line}>{line}</code>)}
        </p>
      )}
    </fieldset>
  );
}

/** The worker's check of a typed edit: the latest answer (`current` when it is for the edit as it is now); an older edit's answer arriving late is dropped. */
function useCustomEdit(pathEdit: ChangeChooserProps['pathEdit'], edit: { doc: Record<string, unknown>; path: string; value: string } | null): { result: VariantResult | null; current: boolean } {
  const [answer, setAnswer] = useState<{ key: unknown; result: VariantResult } | null>(null);
  const { doc, path, value } = edit ?? {};
  const key = useMemo(() => (doc === undefined ? null : { doc, path, value }), [doc, path, value]);
  useEffect(() => {
    if (key === null || key.doc === undefined) return;
    let latest = true;
    pathEdit(key.doc, key.path ?? '', key.value ?? '').then(
      (result) => latest && setAnswer({ key, result }),
      (error: unknown) => latest && setAnswer({ key, result: { ok: false, errors: [error instanceof Error ? error.message : String(error)] } }),
    );
    return () => {
      latest = false;
    };
  }, [pathEdit, key]);
  if (key === null) return { result: null, current: false };
  return { result: answer?.result ?? null, current: answer?.key === key };
}
