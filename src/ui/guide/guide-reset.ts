/**
 * "Reset to the start": the scenario exactly as it was opened (its edits undone by a new, undoable
 * load — nothing is lost) and the run back at t = 0, paused, with the guide at its first step.
 */
import { graphActions } from '../../store/graph-store.ts';
import { runActions } from '../../store/run-store.ts';
import { guideActions, useGuideStore } from './guide-store.ts';

export async function resetToStart(): Promise<void> {
  await runActions.pause();
  const origin = useGuideStore.getState().origin;
  if (origin) graphActions.load(origin.document);
  guideActions.pausedAtStep(-1);
  await runActions.reset();
}
