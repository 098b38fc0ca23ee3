/**
 * "Predict, then observe": the step's question and a box for the guess while its answer is held
 * back (from the step before until the outcome is visible); then the guess beside the outcome.
 * The guess is kept as it is typed (the guide store), so Continue without "Save guess" keeps it.
 */
import { useEffect, useRef, useState } from 'react';
import type { GuideStep } from '../../engine/index.ts';
import { Markdown } from '../markdown/Markdown.tsx';
import { formatClock } from '../run/format-run.ts';
import { guideActions, useGuideStore } from './guide-store.ts';
import { hasReveal, revealAtMs } from './guide-timeline.ts';

/** When the question's answer comes: the step's reveal, else its moment. */
const answerAtMs = (step: GuideStep): number => (hasReveal(step) ? revealAtMs(step) : step.atMs);

export function PredictPrompt({ step, index, current }: { step: GuideStep; index: number; current: boolean }) {
  const guess = useGuideStore((s) => s.guesses[index]) ?? '';
  const [saved, setSaved] = useState(guess.trim() !== '');
  const inputId = `fl-guide-guess-${index}`;
  return (
    <form
      className="fl-guide-predict"
      data-current={current || undefined}
      aria-label={`Predict before ${formatClock(answerAtMs(step))}`}
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(true);
      }}
    >
      <p className="fl-guide-predict__when">{current ? 'Predict, then Continue to see it happen:' : `Before ${formatClock(step.atMs)} — predict:`}</p>
      <label htmlFor={inputId} className="fl-guide-predict__question">{step.predict}</label>
      <textarea
        id={inputId}
        rows={2}
        value={guess}
        onChange={(e) => {
          guideActions.guess(index, e.target.value);
          setSaved(false);
        }}
        placeholder="Your guess"
      />
      <div className="fl-guide-predict__actions">
        <button type="submit" className="fl-button" disabled={guess.trim() === ''}>Save guess</button>
        {saved && guess.trim() !== '' && <span role="status">Saved. Play to find out.</span>}
      </div>
    </form>
  );
}

/** The answer: the participant's guess beside what the run shows — the step's outcome (or, for a step without one, its text, shown below). */
export function PredictOutcome({ step, index }: { step: GuideStep; index: number }) {
  const guess = (useGuideStore((s) => s.guesses[index]) ?? '').trim();
  const box = useRef<HTMLDivElement>(null);
  // revealed: bring the answer into the panel's view (a projector shows no scrollbar to the room)
  // (the panel only, never the page)
  useEffect(() => {
    const panel = box.current?.closest('.fl-guide');
    if (!box.current || !(panel instanceof HTMLElement)) return;
    const offset = box.current.getBoundingClientRect().top - panel.getBoundingClientRect().top;
    if (offset > panel.clientHeight * 0.5) panel.scrollTop += offset - 8;
  }, []);
  return (
    <div className="fl-guide-outcome" data-testid="guide-outcome" ref={box}>
      {step.predict && (
        <>
          <p className="fl-guide-outcome__question">{step.predict}</p>
          <p className="fl-guide-outcome__guess">
            <strong>Your guess:</strong> {guess === '' ? <em>none written</em> : guess}
          </p>
        </>
      )}
      {step.outcome !== undefined && (
        <>
          <p className="fl-guide__happened">{step.predict ? 'What happened:' : 'What to see now:'}</p>
          <Markdown text={step.outcome} className="fl-guide__text fl-guide-outcome__answer" />
        </>
      )}
    </div>
  );
}
