/**
 * Keeps the guide in step with the run: it gives the worker a pause-at — the next step that pauses
 * (runActions.setPauseAt) — so the run stops with its clock exactly at the step's moment, even at
 * "Max" — and, for a step with a `reveal`, again when its outcome is visible; and on every live
 * progress message (~30/s) it works out the current step, notes the step the run paused at, moves
 * the pause-at on, and highlights the step's `watch` ids — the guide's own highlight layer, never
 * the selection (so no inspector, no "Delete selected"), charted while nothing is selected. The
 * pause-at follows the toggle, steps passed, resets, reloads and edited guides; stopping the
 * controller (the panel closed) clears it and the highlight.
 */
import { onRunProgress } from '../../store/simulation-worker.ts';
import { getDocument, useGraphStore } from '../../store/graph-store.ts';
import { runActions, useRunStore } from '../../store/run-store.ts';
import { highlightActions } from '../../store/highlight-store.ts';
import type { GuideStep } from '../../engine/index.ts';
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

/** Highlights the step's `watch` ids that exist (none: no highlight). */
export function highlightWatched(step: GuideStep | undefined): void {
  const document = getDocument();
  const targets = watchTargets(step, new Set(document.nodes.map((n) => n.id)), new Set(document.links.map((l) => l.id)));
  highlightActions.show(targets.nodeIds, targets.linkIds);
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
  highlightWatched(currentSteps()[lastIndex]);
  sync();
  const stopProgress = onRunProgress((progress) => {
    const list = currentSteps();
    const nowMs = progress.simulatedMs;
    const index = currentStepIndex(list, nowMs);
    if (index !== lastIndex) highlightWatched(list[index]);
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
  // an edit or a load: the pause-at, and the highlight (a renamed or deleted id, another guide)
  const stopGraph = useGraphStore.subscribe(() =>
    queueMicrotask(() => {
      if (stopped) return;
      sync();
      highlightWatched(currentSteps()[currentStepIndex(currentSteps(), lastMs)]);
    }),
  );
  return () => {
    stopped = true;
    stopProgress();
    stopGuide();
    stopGraph();
    if (syncPauseAt === sync) syncPauseAt = null;
    highlightActions.clear();
    if (sent !== undefined && sent !== null) void runActions.setPauseAt(null); // a closed guide pauses nothing
  };
}
