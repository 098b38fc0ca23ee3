/** A labelled checkbox bound to a boolean field; back at its default (the format's), the field is left out. */
import type { FieldPath } from '../../../store/graph/field-path.ts';
import { inputId, type FieldBinding } from './binding.ts';
import { FieldMessages } from './FieldMessages.tsx';

export function CheckField({ binding, path, label }: { binding: FieldBinding; path: FieldPath; label: string }) {
  const id = inputId(binding, path);
  const defaultValue = binding.defaultAt(path)?.value === true;
  const value = binding.get(path);
  const checked = typeof value === 'boolean' ? value : defaultValue;
  return (
    <div className="fl-field fl-field--check">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => binding.set(path, e.target.checked === defaultValue ? undefined : e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={`${id}-messages`} issues={binding.issues(path)} />
    </div>
  );
}
