/**
 * Opening a built-in from the library: load it on the canvas (undoable, so the graph it replaces
 * is one Undo away), remember it as opened for the guide's Reset, and show its guide if it has one.
 * A running run is paused first: the new scenario then starts paused at t = 0, ready to read.
 */
import type { BuiltinScenario } from '../../scenarios/index.ts';
import { getDocument, graphActions, useGraphStore } from '../../store/graph-store.ts';
import { runActions, useRunStore } from '../../store/run-store.ts';
import { selectionActions } from '../../store/selection-store.ts';
import { guideActions } from '../guide/guide-store.ts';
import { readGuideSteps } from '../guide/guide-timeline.ts';

export async function openBuiltin(builtin: BuiltinScenario): Promise<boolean> {
  if (useRunStore.getState().status === 'running') await runActions.pause();
  const result = graphActions.load(builtin.scenario);
  if (!result.ok) {
    useGraphStore.setState({ notice: { tone: 'error', text: `Could not open "${builtin.title}": ${result.reason}` } });
    return false;
  }
  const document = getDocument();
  selectionActions.clear();
  guideActions.opened({ builtinId: builtin.id, document }, readGuideSteps(document.guide).length > 0);
  return true;
}
