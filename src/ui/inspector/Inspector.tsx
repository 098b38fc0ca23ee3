/** The right-hand panel: what is selected decides what it edits. */
import { useEffect, useRef } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import { useSelectionStore } from '../../store/selection-store.ts';
import { LinkInspector } from './LinkInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';
import { ScenarioSettings } from './ScenarioSettings.tsx';
import { SelectionSummary } from './SelectionSummary.tsx';
import './inspector.css';

export function Inspector() {
  const nodeIds = useSelectionStore((s) => s.nodeIds);
  const linkIds = useSelectionStore((s) => s.linkIds);
  const document = useGraphStore((s) => s.document);
  const validation = useGraphStore((s) => s.validation);
  const panel = useRef<HTMLElement>(null);
  const selectionKey = [...nodeIds, '|', ...linkIds].join(' ');
  useEffect(() => {
    // a new selection is read from its top, not from where the last one was scrolled to
    if (panel.current) panel.current.scrollTop = 0;
  }, [selectionKey]);
  let body;
  if (nodeIds.length + linkIds.length > 1) body = <SelectionSummary nodeCount={nodeIds.length} linkCount={linkIds.length} />;
  else if (nodeIds.length === 1) {
    const node = document.nodes.find((n) => n.id === nodeIds[0]);
    body = node ? <NodeInspector key={node.id} node={node} document={document} issues={validation.nodes.get(node.id)} /> : null;
  } else if (linkIds.length === 1) {
    const link = document.links.find((l) => l.id === linkIds[0]);
    const parallel = link ? document.links.filter((l) => (l.from === link.from && l.to === link.to) || (l.from === link.to && l.to === link.from)).length : 0;
    body = link ? <LinkInspector key={link.id} link={link} issues={validation.links.get(link.id)} parallel={parallel} /> : null;
  }
  return (
    <aside ref={panel} className="fl-inspector" aria-label="Inspector">
      {body ?? <ScenarioSettings />}
    </aside>
  );
}
