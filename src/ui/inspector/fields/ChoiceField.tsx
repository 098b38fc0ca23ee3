/** A labelled select bound to one document field; "default" removes the field. */
import type { FieldPath } from '../../../store/graph/field-path.ts';
import { inputId, type FieldBinding } from './binding.ts';
import { FieldMessages } from './FieldMessages.tsx';

export interface ChoiceFieldProps {
  binding: FieldBinding;
  path: FieldPath;
  label: string;
  options: readonly string[];
  hint?: string;
}

export function ChoiceField({ binding, path, label, options, hint }: ChoiceFieldProps) {
  const id = inputId(binding, path);
  // The format's default, offered as "default (x)", which leaves the field out.
  const known = binding.defaultAt(path)?.value;
  const defaultValue = typeof known === 'string' ? known : undefined;
  const issues = binding.issues(path);
  const value = binding.get(path);
  const current = typeof value === 'string' ? value : '';
  const unknown = current !== '' && !options.includes(current);
  return (
    <div className="fl-field">
      <label htmlFor={id} className="fl-field__label">{label}</label>
      <select
        id={id}
        value={current}
        aria-invalid={issues.length > 0 || undefined}
        aria-describedby={issues.length ? `${id}-messages` : undefined}
        onChange={(e) => binding.set(path, e.target.value === '' ? undefined : e.target.value)}
      >
        {defaultValue !== undefined && <option value="">default ({defaultValue})</option>}
        {defaultValue === undefined && current === '' && <option value="">—</option>}
        {unknown && <option value={current}>{current} (unknown)</option>}
        {options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
      {hint && <p className="fl-field__hint">{hint}</p>}
      <FieldMessages id={`${id}-messages`} issues={issues} />
    </div>
  );
}
