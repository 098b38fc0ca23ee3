/**
 * Keeps the guide in step with the run: it gives the worker a pause-at — the next step that pauses
 * (runActions.setPauseAt) — so the run stops with its clock exactly at the step's moment, even at
 * "Max"; and on every live progress message (~30/s) it works out the current step, notes the step
 * the run paused at, moves the pause-at on, and selects the step's `watch` ids — selection, not
 * node data, so the canvas highlights them and the charts show them without live metrics entering
 * React Flow. The pause-at follows the toggle, steps passed, resets, reloads and edited guides;
 * stopping the controller (the panel closed) clears it.
 */
import { onRunProgress } from '../../store/simulation-worker.ts';
import { getDocument, useGraphStore } from '../../store/graph-store.ts';
import { runActions, useRunStore } from '../../store/run-store.ts';
import { selectionActions } from '../../store/selection-store.ts';
import type { GuideStep } from '../../engine/spec.ts';
import { currentStepIndex, nextPauseAt, pausingStepAt, readGuideSteps, watchTargets } from './guide-timeline.ts';
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

/** The running controller's pause-at sync (Continue calls it before play), or null. */
let syncPauseAt: (() => void) | null = null;

/**
 * Gives the worker the next pausing step's moment now, if it changed: Continue calls this just
 * before play, so the worker has it first (commands arrive in order).
 */
export function syncGuidePauseAt(): void {
  syncPauseAt?.();
}

/** Starts following the run; returns the stop function (which clears the pause-at). */
export function startGuideController(): () => void {
  let lastMs = useRunStore.getState().simulatedMs;
  let lastIndex = currentStepIndex(currentSteps(), lastMs);
  /** What this controller last asked the worker for (undefined: nothing yet). */
  let sent: number | null | undefined;
  let stopped = false;
  const sync = () => {
    if (stopped) return;
    const wanted = nextPauseAt(currentSteps(), lastMs, useGuideStore.getState().pauseAtSteps);
    if (wanted === sent) return;
    sent = wanted;
    void runActions.setPauseAt(wanted);
  };
  syncPauseAt = sync;
  selectWatched(currentSteps()[lastIndex]);
  sync();
  const stopProgress = onRunProgress((progress) => {
    const list = currentSteps();
    const nowMs = progress.simulatedMs;
    const index = currentStepIndex(list, nowMs);
    if (index !== lastIndex) selectWatched(list[index]);
    // The worker stopped at the pause-at: exactly at a step's moment.
    if (progress.status === 'paused' && progress.pauseAtMs === nowMs) {
      const pausedAt = pausingStepAt(list, nowMs);
      if (pausedAt >= 0 && useGuideStore.getState().pausedAt !== pausedAt) guideActions.pausedAtStep(pausedAt);
    }
    lastMs = nowMs;
    lastIndex = index;
    sync(); // a step passed, a reset or a reload: the next pausing step
  });
  // The toggle, or an edited or newly loaded guide (read once the load's call is over).
  const stopGuide = useGuideStore.subscribe((state, previous) => {
    if (state.pauseAtSteps !== previous.pauseAtSteps) sync();
  });
  const stopGraph = useGraphStore.subscribe(() => queueMicrotask(sync));
  return () => {
    stopped = true;
    stopProgress();
    stopGuide();
    stopGraph();
    if (syncPauseAt === sync) syncPauseAt = null;
    if (sent !== undefined && sent !== null) void runActions.setPauseAt(null); // a closed guide pauses nothing
  };
}
