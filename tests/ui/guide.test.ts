// The guide against the simulated clock (src/ui/guide/guide-timeline.ts): the current step, where
// the worker should pause the run next (its pause-at), and what a step asks to watch.
import { describe, expect, it } from 'vitest';
import type { GuideStep } from '../../src/engine/spec.ts';
import { currentStepIndex, nextPauseAt, pausingStepAt, readGuideSteps, watchTargets } from '../../src/ui/guide/guide-timeline.ts';

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
