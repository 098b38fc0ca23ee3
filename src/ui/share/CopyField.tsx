/** A read-only text (a link, a snippet) with a Copy button that says what happened. */
import { useId, useRef, useState } from 'react';
import { copyText } from './copy-text.ts';

interface Props {
  label: string;
  value: string;
  multiline?: boolean;
}

export function CopyField({ label, value, multiline = false }: Props) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [outcome, setOutcome] = useState<{ value: string; text: string } | null>(null);
  const copy = async () => {
    const result = await copyText(value, field.current);
    setOutcome({ value, text: result === 'copied' ? 'Copied.' : 'Selected: press Ctrl+C (⌘C) to copy.' });
  };
  const props = { id, ref: field, value, readOnly: true, className: 'fl-share__field', onFocus: () => field.current?.select() };
  return (
    <div className="fl-share__copy">
      <label htmlFor={id}>{label}</label>
      <div className="fl-share__copy-row">
        {multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />}
        <button type="button" className="fl-button fl-button--small" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>
          Copy
        </button>
      </div>
      <p className="fl-share__status" role="status">{outcome?.value === value ? outcome.text : ''}</p>
    </div>
  );
}
