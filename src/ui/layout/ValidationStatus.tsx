/** Whether the document runs, in the toolbar; pressing it shows the problem list (clears the selection). */
import { useGraphStore } from '../../store/graph-store.ts';
import { selectionActions } from '../../store/selection-store.ts';

export function ValidationStatus() {
  const errors = useGraphStore((s) => s.validation.errorCount);
  const warnings = useGraphStore((s) => s.validation.warningCount);
  const empty = useGraphStore((s) => s.document.nodes.length === 0);
  if (empty) {
    // nothing drawn yet is a start, not a problem
    return (
      <button type="button" className="fl-button fl-validation" data-state="empty" onClick={selectionActions.clear} title="Drag a component onto the canvas to begin">
        Empty canvas
      </button>
    );
  }
  const text = errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'}` : warnings > 0 ? `${warnings} warning${warnings === 1 ? '' : 's'}` : 'Valid';
  return (
    <button type="button" className="fl-button fl-validation" data-state={errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'ok'} onClick={selectionActions.clear} title="Show the scenario's settings and problems">
      {errors > 0 ? '✕ ' : warnings > 0 ? '! ' : '✓ '}{text}
    </button>
  );
}
