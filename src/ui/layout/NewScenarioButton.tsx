/** Starts an empty scenario (undoable, like every load: the previous graph is one Undo away). */
import { graphActions } from '../../store/graph-store.ts';
import { emptyDocument } from '../../store/graph/document.ts';

export function NewScenarioButton() {
  return (
    <button type="button" className="fl-button" onClick={() => graphActions.load({ ...emptyDocument(), name: 'New scenario' })}>
      New
    </button>
  );
}
