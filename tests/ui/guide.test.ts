// The guide against the simulated clock (src/ui/guide/guide-timeline.ts): the current step, where
// the worker should pause the run next (its pause-at), and what a step asks to watch.
import { describe, expect, it } from 'vitest';
import type { GuideStep } from '../../src/engine/spec.ts';
import { currentStepIndex, nextPauseAt, outcomeShown, pauseMoments, pausingStepAt, readGuideSteps, revealAtMs, watchTargets } from '../../src/ui/guide/guide-timeline.ts';

const steps: GuideStep[] = readGuideSteps([
  { at: 0, title: 'Start', text: '' },
  { at: '30s', title: 'Remark', text: '', pause: false },
  { at: '1m', title: 'Look', text: '', watch: ['api', 'users-api', 'gone'] },
  { at: '2m', title: 'Later', text: '' },
]);

describe('guide timeline', () => {
  it('reads valid steps in time order and skips a broken one', () => {
    const read = readGuideSteps([{ at: '2m', title: 'B', text: '' }, { at: 'soon', title: 'broken', text: '' }, { at: '1m', title: 'A', text: '' }, 'junk']);
    expect(read.map((s) => s.title)).toEqual(['A', 'B']);
    expect(readGuideSteps(undefined)).toEqual([]);
  });

  it('the current step is the last one whose moment has come', () => {
    expect(currentStepIndex(steps, 0)).toBe(0);
    expect(currentStepIndex(steps, 59_999)).toBe(1);
    expect(currentStepIndex(steps, 60_000)).toBe(2);
    expect(currentStepIndex(steps, 10 * 60_000)).toBe(3);
    expect(currentStepIndex(readGuideSteps([{ at: '5s', title: 'x', text: '' }]), 4999)).toBe(-1);
  });

  it('the pause-at is the next step that pauses after the clock; a pause: false step and a step at 0 never pause', () => {
    expect(nextPauseAt(steps, 0, true), 'the 30 s remark does not pause').toBe(60_000);
    expect(nextPauseAt(steps, 45_000, true)).toBe(60_000);
    expect(nextPauseAt(steps, 59_999, true)).toBe(60_000);
    expect(nextPauseAt(steps, 60_000, true), 'paused at it: the next one').toBe(120_000);
    expect(nextPauseAt(steps, 120_000, true), 'none left').toBeNull();
    expect(nextPauseAt(steps, 0, false), 'the toggle is off').toBeNull();
    expect(nextPauseAt(readGuideSteps([{ at: 0, title: 'Start', text: '' }]), 0, true), 'a step at 0').toBeNull();
  });

  it('names the step the worker paused at: only a pausing step exactly at the clock', () => {
    expect(pausingStepAt(steps, 60_000)).toBe(2);
    expect(pausingStepAt(steps, 60_001)).toBe(-1);
    expect(pausingStepAt(steps, 30_000), 'a pause: false remark').toBe(-1);
    expect(pausingStepAt(steps, 0), 'a step at 0').toBe(-1);
  });

  describe('predict, then observe: a step with a reveal', () => {
    const predicting: GuideStep[] = readGuideSteps([
      { at: 0, title: 'Start', text: '' },
      { at: '10m', title: 'Lossy', text: 'The route turns lossy.', predict: 'What happens to SMS?', reveal: '30s', outcome: 'All 50 workers busy.' },
      { at: '14m', title: 'Hotfix', text: '', predict: 'Which fix?', outcome: 'Open the variants.' },
      { at: '15m', title: 'Old style', text: 'The answer is here.', predict: 'Guess?' },
      { at: '20m', title: 'Aside', text: '', reveal: '1m', outcome: 'x', pause: false },
    ]);
    const MIN = 60_000;

    it('pauses at the step (the question) and again when its outcome is visible (the answer)', () => {
      expect(revealAtMs(predicting[1])).toBe(10 * MIN + 30_000);
      expect(pauseMoments(predicting).map((m) => [m.atMs, m.stepIndex, m.reveal])).toEqual([
        [10 * MIN, 1, false],
        [10 * MIN + 30_000, 1, true],
        [14 * MIN, 2, false],
        [15 * MIN, 3, false],
      ]);
      expect(nextPauseAt(predicting, 0, true)).toBe(10 * MIN);
      expect(nextPauseAt(predicting, 10 * MIN, true), 'paused at the question: Continue runs to the reveal').toBe(10 * MIN + 30_000);
      expect(nextPauseAt(predicting, 10 * MIN + 30_000, true), 'then to the next step').toBe(14 * MIN);
      expect(nextPauseAt(predicting, 15 * MIN, true), 'a pause: false step pauses at neither moment').toBeNull();
      expect(pausingStepAt(predicting, 10 * MIN + 30_000), 'the reveal belongs to its step').toBe(1);
    });

    it('holds the answer back at the step\'s own pause and until the reveal moment; shows it from then on', () => {
      const lossy = predicting[1];
      expect(outcomeShown(lossy, 10 * MIN), 'paused at the question').toBe(false);
      expect(outcomeShown(lossy, 10 * MIN + 29_999)).toBe(false);
      expect(outcomeShown(lossy, 10 * MIN + 30_000), 'paused at the reveal: the canvas shows it').toBe(true);
      expect(outcomeShown(lossy, 12 * MIN)).toBe(true);
    });

    it('without a reveal, an outcome shows once the run moves on from the step; a step without an outcome shows all at once', () => {
      expect(outcomeShown(predicting[2], 14 * MIN)).toBe(false);
      expect(outcomeShown(predicting[2], 14 * MIN + 1)).toBe(true);
      expect(outcomeShown(predicting[3], 15 * MIN), 'old style: the text is the answer').toBe(true);
    });
  });

  it('splits a step’s watch into node and link ids, dropping ids the document no longer has', () => {
    expect(watchTargets(steps[2], new Set(['users', 'api']), new Set(['users-api']))).toEqual({ nodeIds: ['api'], linkIds: ['users-api'] });
    expect(watchTargets(steps[0], new Set(['api']), new Set())).toEqual({ nodeIds: [], linkIds: [] });
  });
});

describe('the start Reset returns to', () => {
  it('is the document as last loaded: edits after the load do not move it, the next load does', async () => {
    const { graphActions, getDocument } = await import('../../src/store/graph-store.ts');
    const { useGuideStore } = await import('../../src/ui/guide/guide-store.ts');
    const { findBuiltin } = await import('../../src/scenarios/index.ts');
    graphActions.load(findBuiltin('checkout')!.scenario);
    await Promise.resolve();
    const opened = getDocument();
    expect(useGuideStore.getState().origin?.document).toBe(opened);

    graphActions.setNodeField('api-1', ['workers'], 1);
    await Promise.resolve();
    expect(getDocument()).not.toBe(opened);
    expect(useGuideStore.getState().origin?.document).toBe(opened);

    graphActions.load(findBuiltin('mm1')!.scenario);
    await Promise.resolve();
    expect((useGuideStore.getState().origin?.document as { name: string }).name).toBe(findBuiltin('mm1')!.title);
  });
});
