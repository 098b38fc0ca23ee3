/** Several things selected: how many, and what can be done to all of them. */
import { graphActions } from '../../store/graph-store.ts';

export function SelectionSummary({ nodeCount, linkCount }: { nodeCount: number; linkCount: number }) {
  const parts = [nodeCount ? `${nodeCount} node${nodeCount === 1 ? '' : 's'}` : '', linkCount ? `${linkCount} link${linkCount === 1 ? '' : 's'}` : ''].filter(Boolean);
  return (
    <section className="fl-inspector__body" aria-labelledby="fl-inspector-title">
      <h2 id="fl-inspector-title" className="fl-inspector__title">{parts.join(' and ')} selected</h2>
      <p className="fl-field__hint">Ctrl+C copies the nodes and the links among them; Ctrl+V pastes; Delete removes.</p>
      <div className="fl-actions">
        {nodeCount > 0 && <button type="button" className="fl-button" onClick={() => graphActions.copySelection()}>Copy</button>}
        <button type="button" className="fl-button fl-button--danger" onClick={() => graphActions.removeSelection()}>Delete selected</button>
      </div>
    </section>
  );
}
