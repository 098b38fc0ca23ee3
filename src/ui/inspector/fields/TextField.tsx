/**
 * A labelled text box bound to one document field, with its unit, its default as a
 * placeholder, a hint, and the parser's messages. Commits on Enter or when it loses focus.
 * The placeholder is the format's own default (`binding.defaultAt`): never retyped here.
 */
import { formatFieldPath, type FieldPath } from '../../../store/graph/field-path.ts';
import { inputId, type FieldBinding } from './binding.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { textToValue, valueToText, type ValueKind } from './field-values.ts';
import { useDraft } from './use-draft.ts';
import { SweepThisButton } from './SweepThisButton.tsx';

/** Kinds whose values a sweep can step through: numbers and durations. */
const SWEEPABLE_KINDS: ReadonlySet<ValueKind> = new Set(['number', 'duration', 'workers', 'countOrNull', 'probability']);

export interface TextFieldProps {
  binding: FieldBinding;
  path: FieldPath;
  label: string;
  kind: ValueKind;
  /** Words for a field the format gives no default value ("none", "same as forward"). */
  absent?: string;
  /** What the default does, after it: "1 (no retry)". */
  defaultNote?: string;
  unit?: string;
  hint?: string;
  /** Commit a custom way (a rename) instead of writing the path. */
  onCommit?: (text: string) => void;
  multiline?: boolean;
}

export function TextField({ binding, path, label, kind, absent, defaultNote, unit, hint, onCommit, multiline }: TextFieldProps) {
  const id = inputId(binding, path);
  const known = binding.defaultAt(path);
  const placeholder = known === undefined ? absent : defaultNote ? `${valueToText(kind, known.value)} (${defaultNote})` : valueToText(kind, known.value);
  const issues = binding.issues(path);
  const draft = useDraft(valueToText(kind, binding.get(path)), onCommit ?? ((text) => binding.set(path, textToValue(kind, text))));
  // A bare number in a duration field is milliseconds (docs/format.md): say so beside it.
  const shownUnit = unit ?? (kind === 'duration' && typeof binding.get(path) === 'number' ? 'ms' : undefined);
  const describedBy = [issues.length ? `${id}-messages` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    ...draft,
    placeholder,
    // the field's document path, for tests that walk the form (tests/ui/inspector-defaults.test.ts)
    'data-path': formatFieldPath(path),
    'aria-invalid': issues.some((i) => i.severity === 'error') || undefined,
    'aria-describedby': describedBy,
    spellCheck: false,
  };
  return (
    <div className="fl-field">
      <label htmlFor={id} className="fl-field__label">{label}</label>
      <div className="fl-field__control">
        {multiline ? <textarea rows={4} {...common} /> : <input type="text" inputMode={kind === 'number' ? 'decimal' : undefined} {...common} />}
        {shownUnit && <span className="fl-field__unit" aria-hidden="true">{shownUnit}</span>}
        {SWEEPABLE_KINDS.has(kind) && !onCommit && <SweepThisButton varyPath={binding.varyPath?.(path)} label={label} />}
      </div>
      {hint && <p className="fl-field__hint" id={`${id}-hint`}>{hint}</p>}
      <FieldMessages id={`${id}-messages`} issues={issues} />
    </div>
  );
}
