/** Undo and redo (also Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y on the canvas). */
import { graphActions, useGraphStore } from '../../store/graph-store.ts';

export function HistoryButtons() {
  const canUndo = useGraphStore((s) => s.history.past.length > 0);
  const canRedo = useGraphStore((s) => s.history.future.length > 0);
  return (
    <div className="fl-toolbar__group" role="group" aria-label="History">
      <button type="button" className="fl-button" onClick={graphActions.undo} disabled={!canUndo} title="Undo (Ctrl+Z)">Undo</button>
      <button type="button" className="fl-button" onClick={graphActions.redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)">Redo</button>
    </div>
  );
}
