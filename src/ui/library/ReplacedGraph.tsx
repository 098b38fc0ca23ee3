/**
 * The graph a share link replaced (src/store/graph/autosave.ts keeps it), offered back at the top
 * of the library: Undo only reaches it in the tab where the link opened.
 */
import { useState } from 'react';
import { graphActions } from '../../store/graph-store.ts';
import { readReplacedByLink } from '../../store/graph/autosave.ts';

function keptGraph() {
  try {
    return readReplacedByLink(window.localStorage);
  } catch {
    return null; // storage disabled: nothing was kept
  }
}

export function ReplacedGraph({ onOpened }: { onOpened: () => void }) {
  const [kept] = useState(keptGraph);
  if (kept === null) return null;
  const { document, savedAt } = kept;
  const open = () => {
    if (graphActions.load(document).ok) onOpened();
  };
  return (
    <section className="fl-library__replaced" aria-label="Your graph before a link">
      <p>
        Your graph from before you opened a link: <strong>{document.name}</strong>, {document.nodes.length} nodes (kept{' '}
        {new Date(savedAt).toLocaleString()}).
      </p>
      <button type="button" className="fl-button" onClick={open}>Open it</button>
    </section>
  );
}
