/** Undo and redo (also Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y on the canvas), as two compact arrows. */
import { graphActions, useGraphStore } from '../../store/graph-store.ts';

export function HistoryButtons() {
  const canUndo = useGraphStore((s) => s.history.past.length > 0);
  const canRedo = useGraphStore((s) => s.history.future.length > 0);
  return (
    <div className="fl-toolbar__group" role="group" aria-label="History">
      <button type="button" className="fl-button fl-button--icon" onClick={graphActions.undo} disabled={!canUndo} aria-label="Undo" title="Undo (Ctrl+Z)">↶</button>
      <button type="button" className="fl-button fl-button--icon" onClick={graphActions.redo} disabled={!canRedo} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">↷</button>
    </div>
  );
}
