/**
 * "Predict, then run": before a step's moment, its question and a box for the guess; once the
 * step is reached, the guess beside what happened (the step's own text, shown above it).
 */
import { useState } from 'react';
import type { GuideStep } from '../../engine/spec.ts';
import { formatClock } from '../run/format-run.ts';
import { guideActions, useGuideStore } from './guide-store.ts';

export function PredictPrompt({ step, index }: { step: GuideStep; index: number }) {
  const saved = useGuideStore((s) => s.guesses[index]);
  const [draft, setDraft] = useState(saved ?? '');
  const inputId = `fl-guide-guess-${index}`;
  return (
    <form
      className="fl-guide-predict"
      aria-label={`Predict before ${formatClock(step.atMs)}`}
      onSubmit={(event) => {
        event.preventDefault();
        guideActions.guess(index, draft.trim());
      }}
    >
      <p className="fl-guide-predict__when">Before {formatClock(step.atMs)} — predict:</p>
      <label htmlFor={inputId} className="fl-guide-predict__question">{step.predict}</label>
      <textarea id={inputId} rows={2} value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="Your guess" />
      <div className="fl-guide-predict__actions">
        <button type="submit" className="fl-button" disabled={draft.trim() === ''}>Save guess</button>
        {saved !== undefined && <span role="status">Saved. Play to find out.</span>}
      </div>
    </form>
  );
}

/** After the step: the participant's guess next to what the simulation showed. */
export function PredictOutcome({ step, index }: { step: GuideStep; index: number }) {
  const guess = useGuideStore((s) => s.guesses[index]);
  return (
    <div className="fl-guide-outcome">
      <p className="fl-guide-outcome__question">{step.predict}</p>
      <p className="fl-guide-outcome__guess">
        <strong>Your guess:</strong> {guess === undefined || guess === '' ? <em>none written</em> : guess}
      </p>
    </div>
  );
}
