/**
 * Choosing B: the built-in's fixes and the suggested changes in one list, or "your own edit" — a
 * field path and a JSON value, checked by the scenario parser as they are typed (its message is
 * shown as it is). Reports the chosen variant, or null while there is none that is valid.
 */
import { useEffect, useId, useMemo, useState, type JSX } from 'react';
import { builtinVariants, pathEditVariant, suggestChanges, type Variant } from '../../compare/index.ts';

const CUSTOM = 'custom';

export function ChangeChooser({ doc, disabled, onChange }: { doc: Record<string, unknown>; disabled: boolean; onChange: (variant: Variant | null) => void }): JSX.Element {
  const selectId = useId();
  const pathId = useId();
  const valueId = useId();
  const errorId = useId();
  const fixes = useMemo(() => builtinVariants(doc), [doc]);
  const suggestions = useMemo(() => suggestChanges(doc), [doc]);
  const all = useMemo(() => [...fixes, ...suggestions], [fixes, suggestions]);
  const [chosenId, setChosenId] = useState<string>(() => all[0]?.id ?? CUSTOM);
  const [path, setPath] = useState('');
  const [value, setValue] = useState('');

  // a new document (an edit on the canvas, another scenario) may drop the chosen option
  const selected = all.find((v) => v.id === chosenId);
  const effectiveId = selected || chosenId === CUSTOM ? chosenId : (all[0]?.id ?? CUSTOM);
  const custom = useMemo(() => (effectiveId === CUSTOM && path.trim() !== '' ? pathEditVariant(doc, path, value) : null), [effectiveId, doc, path, value]);
  const variant = effectiveId === CUSTOM ? (custom?.ok ? custom.variant : null) : (all.find((v) => v.id === effectiveId) ?? null);

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
