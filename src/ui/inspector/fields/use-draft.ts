/**
 * A text box's draft: typing edits the draft only; Enter or leaving the box commits it as one
 * undoable edit, Escape puts back the document's value. When the document changes underneath
 * (an undo, a rename), the draft follows.
 */
import { useState, type KeyboardEvent } from 'react';

export function useDraft(committed: string, commit: (text: string) => void) {
  const [draft, setDraft] = useState(committed);
  const [base, setBase] = useState(committed);
  if (base !== committed) {
    // Adjusting state during render (React's documented pattern) rather than in an effect: no flash of the old value.
    setBase(committed);
    setDraft(committed);
  }
  const save = () => {
    if (draft !== committed) commit(draft);
  };
  return {
    value: draft,
    onChange: (event: { target: { value: string } }) => setDraft(event.target.value),
    onBlur: save,
    onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Enter' && !(event.currentTarget instanceof HTMLTextAreaElement && !event.ctrlKey && !event.metaKey)) {
        event.preventDefault();
        save();
      } else if (event.key === 'Escape') {
        setDraft(committed);
      }
    },
  };
}
