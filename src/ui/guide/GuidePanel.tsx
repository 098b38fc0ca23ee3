/**
 * The guide: the scenario's steps played against the simulated clock (guide-controller.ts has the
 * worker pause the run exactly at each step, and at a step's reveal), the current step's text,
 * "predict, then observe" (the question while the answer is held back, then the guess beside the
 * outcome), what to look at, Continue and a one-click Reset to the scenario's start. Loaded lazily with marked and DOMPurify.
 */
import { useEffect, useMemo } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import { runActions, useRunStore } from '../../store/run-store.ts';
import { Markdown } from '../markdown/Markdown.tsx';
import { formatClock } from '../run/format-run.ts';
import { startGuideController, syncGuidePauseAt } from './guide-controller.ts';
import { resetToStart } from './guide-reset.ts';
import { guideActions, useGuideStore } from './guide-store.ts';
import { currentStepIndex, hasReveal, outcomeShown, readGuideSteps, revealAtMs } from './guide-timeline.ts';
import { GuideSteps, WatchList } from './GuideSteps.tsx';
import { PredictOutcome, PredictPrompt } from './PredictPrompt.tsx';
import './guide.css';

function continueRun(): void {
  guideActions.pausedAtStep(-1);
  syncGuidePauseAt(); // the next step's pause-at reaches the worker before play does
  void runActions.play();
}

export function GuidePanel() {
  useEffect(startGuideController, []);
  // A guide opened at 0:00 plays at the story's pace; a speed picked before or after Start is kept.
  useEffect(() => {
    if (useRunStore.getState().simulatedMs === 0) void runActions.setSpeed('story');
  }, []);
  const document = useGraphStore((s) => s.document);
  const simulatedMs = useRunStore((s) => s.simulatedMs);
  const status = useRunStore((s) => s.status);
  const pauseAtSteps = useGuideStore((s) => s.pauseAtSteps);
  const pausedAt = useGuideStore((s) => s.pausedAt);
  const steps = useMemo(() => readGuideSteps(document.guide), [document.guide]);
  const labels = useMemo(() => new Map(document.nodes.map((n) => [n.id, typeof n.label === 'string' ? n.label : n.id])), [document.nodes]);
  const current = currentStepIndex(steps, simulatedMs);
  const step = steps[current];
  const next = steps[current + 1];
  const shown = step !== undefined && outcomeShown(step, simulatedMs);
  // the answer is held back: the question stays up until the canvas can show it
  const awaiting = step !== undefined && hasReveal(step) && !shown;
  const promptIndex = awaiting && step.predict ? current : next?.predict ? current + 1 : -1;
  const description = typeof document.description === 'string' ? document.description : '';

  return (
    <aside className="fl-guide" aria-labelledby="fl-guide-title">
      <header className="fl-guide__header">
        <h2 id="fl-guide-title" className="fl-panel-title">Guide</h2>
        <button type="button" className="fl-button fl-button--small" onClick={guideActions.close}>Close guide</button>
      </header>
      <p className="fl-guide__scenario">{document.name}</p>
      {description !== '' && (
        <details className="fl-guide__about">
          <summary>About this scenario</summary>
          <Markdown text={description} />
        </details>
      )}
      <div className="fl-guide__controls">
        {status === 'paused' && (
          <button type="button" className="fl-button fl-guide__continue" onClick={continueRun}>
            {pausedAt >= 0 || simulatedMs > 0 ? 'Continue' : 'Start'}
          </button>
        )}
        {status === 'running' && <button type="button" className="fl-button" onClick={() => void runActions.pause()}>Pause</button>}
        <button type="button" className="fl-button" onClick={() => void resetToStart()} title="The scenario as opened, back at 0:00">Reset to start</button>
        <label className="fl-guide__toggle">
          <input type="checkbox" checked={pauseAtSteps} onChange={(e) => guideActions.setPauseAtSteps(e.target.checked)} /> Pause at each step
        </label>
      </div>
      {steps.length === 0 ? (
        <p>This scenario has no guide steps.</p>
      ) : (
        <>
          <section className="fl-guide__current" aria-live="polite" aria-labelledby="fl-guide-step-title">
            {step ? (
              <>
                <p className="fl-guide__at">Step {current + 1} of {steps.length} · {formatClock(step.atMs)}</p>
                <h3 id="fl-guide-step-title" className="fl-guide__step-title">{step.title}</h3>
                {step.predict && !hasReveal(step) && (
                  <>
                    <PredictOutcome step={step} index={current} />
                    <p className="fl-guide__happened">What happened:</p>
                  </>
                )}
                <Markdown text={step.text} className="fl-guide__text" />
                {promptIndex === current && <PredictPrompt step={step} index={current} current />}
                {awaiting && (
                  <p className="fl-guide__pending" data-testid="guide-pending">
                    {(step.revealMs ?? 0) > 0 ? `The answer shows at ${formatClock(revealAtMs(step))} on the clock, once the canvas shows it` : 'The answer shows when the run moves on'}
                    {status === 'paused' ? ': press Continue.' : '.'}
                  </p>
                )}
                {hasReveal(step) && shown && <PredictOutcome step={step} index={current} />}
                <WatchList step={step} labels={labels} />
              </>
            ) : (
              <h3 id="fl-guide-step-title" className="fl-guide__step-title">Press Start: the first step comes at {formatClock(steps[0].atMs)}</h3>
            )}
          </section>
          {promptIndex > current && <PredictPrompt key={promptIndex} step={steps[promptIndex]} index={promptIndex} current={false} />}
          <GuideSteps steps={steps} current={current} />
        </>
      )}
    </aside>
  );
}
