/**
 * Keeps the guide in step with the run: on every live progress message (~30/s, not React's 10/s
 * clock, so a pause lands close to the step's moment) it works out the current step, pauses the
 * run when the clock crossed a step that pauses, and selects the step's `watch` ids — selection,
 * not node data, so the canvas highlights them and the charts show them without live metrics
 * entering React Flow.
 *
 * The pause comes one message after the crossing: at "Max" the clock may be a little past the
 * step's moment when the run stops (the worker has no "pause at t" command).
 */
import { onRunProgress } from '../../store/simulation-worker.ts';
import { getDocument } from '../../store/graph-store.ts';
import { runActions, useRunStore } from '../../store/run-store.ts';
import { selectionActions } from '../../store/selection-store.ts';
import type { GuideStep } from '../../engine/spec.ts';
import { crossedPauseStep, currentStepIndex, readGuideSteps, watchTargets } from './guide-timeline.ts';
import { guideActions, useGuideStore } from './guide-store.ts';

let stepsSource: unknown;
let steps: GuideStep[] = [];

/** The current document's steps, re-read only when its guide list changed (documents are immutable). */
export function currentSteps(): GuideStep[] {
  const raw = getDocument().guide;
  if (raw !== stepsSource) {
    stepsSource = raw;
    steps = readGuideSteps(raw);
  }
  return steps;
}

export function selectWatched(step: GuideStep | undefined): void {
  if (!step?.watch?.length) return;
  const document = getDocument();
  const targets = watchTargets(step, new Set(document.nodes.map((n) => n.id)), new Set(document.links.map((l) => l.id)));
  selectionActions.select(targets.nodeIds, targets.linkIds);
}

/** Starts following the run; returns the stop function. */
export function startGuideController(): () => void {
  let lastMs = useRunStore.getState().simulatedMs;
  let lastIndex = currentStepIndex(currentSteps(), lastMs);
  selectWatched(currentSteps()[lastIndex]);
  return onRunProgress((progress) => {
    const list = currentSteps();
    const nowMs = progress.simulatedMs;
    const index = currentStepIndex(list, nowMs);
    if (index !== lastIndex) selectWatched(list[index]);
    const pauseAt = progress.status === 'running' ? crossedPauseStep(list, lastMs, nowMs, useGuideStore.getState().pauseAtSteps) : -1;
    if (pauseAt >= 0) {
      guideActions.pausedAtStep(pauseAt);
      void runActions.pause();
    }
    lastMs = nowMs;
    lastIndex = index;
  });
}
