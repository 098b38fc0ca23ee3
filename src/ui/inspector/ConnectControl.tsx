/** Keyboard way to make a link: pick a node and press Link (the mouse way is dragging a handle). */
import { useState } from 'react';
import { graphActions, type DocumentNode, type ScenarioDocument } from '../../store/graph-store.ts';
import { rulesFor } from '../../store/graph/node-kind-rules.ts';
import { selectionActions } from '../../store/selection-store.ts';

export function ConnectControl({ node, document }: { node: DocumentNode; document: ScenarioDocument }) {
  const candidates = document.nodes.filter((n) => n.id !== node.id && rulesFor(n.kind).acceptsIncoming).map((n) => n.id);
  const [to, setTo] = useState('');
  const chosen = candidates.includes(to) ? to : (candidates[0] ?? '');
  if (candidates.length === 0) return null;
  const id = `fl-connect-${node.id}`;
  return (
    <div className="fl-field fl-connect">
      <label htmlFor={id} className="fl-field__label">New link to</label>
      <div className="fl-field__control">
        <select id={id} value={chosen} onChange={(e) => setTo(e.target.value)}>
          {candidates.map((c) => (
            <option key={c} value={c}>{c}</option>
          ))}
        </select>
        <button
          type="button"
          className="fl-button fl-button--small"
          onClick={() => {
            const linkId = graphActions.connect(node.id, chosen);
            if (linkId) selectionActions.select([node.id]);
          }}
        >
          Link
        </button>
      </div>
    </div>
  );
}
