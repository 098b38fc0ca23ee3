/**
 * The graphs share links replaced (src/store/graph/autosave.ts keeps them), offered back at the
 * top of the library: Undo only reaches them in the tab where the link opened. Read from storage
 * each time the library opens (another tab may have kept one meanwhile).
 */
import { useState } from 'react';
import { graphActions } from '../../store/graph-store.ts';
import { readReplacedByLinks, type AutosaveRecord } from '../../store/graph/autosave.ts';

function keptGraphs(): AutosaveRecord[] {
  try {
    return readReplacedByLinks(window.localStorage);
  } catch {
    return []; // storage disabled: nothing was kept
  }
}

export function ReplacedGraphs({ onOpened }: { onOpened: () => void }) {
  const [kept] = useState(keptGraphs);
  if (kept.length === 0) return null;
  const open = (record: AutosaveRecord) => {
    if (graphActions.load(record.document).ok) onOpened();
  };
  return (
    <section className="fl-library__replaced" aria-label="Your graphs before a link">
      <p>Graphs that a link you opened replaced, kept in this browser:</p>
      <ul>
        {kept.map((record) => (
          <li key={record.savedAt}>
            <span>
              <strong>{record.document.name}</strong>, {record.document.nodes.length} nodes (kept {new Date(record.savedAt).toLocaleString()})
            </span>{' '}
            <button type="button" className="fl-button fl-button--small" onClick={() => open(record)}>Open it</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
