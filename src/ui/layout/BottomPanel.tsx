/** Below the canvas: the system summary, charts of the selection (else of the guide's highlight) and the fault timeline. */
import { graphActions, useGraphStore, type DocumentFault } from '../../store/graph-store.ts';
import { useHighlightStore } from '../../store/highlight-store.ts';
import { useSelectionStore } from '../../store/selection-store.ts';
import { PanelBoundary } from '../boundary/PanelBoundary.tsx';
import { ChartsPanel } from '../charts/ChartsPanel.tsx';
import { SummaryStrip } from '../charts/SummaryStrip.tsx';
import { FaultTimeline } from '../timeline/FaultTimeline.tsx';

// The timeline hands back the whole list; the graph store makes it one undoable edit.
const writeFaults = (faults: unknown[]) => graphActions.setFaults(faults as DocumentFault[]);

export function BottomPanel() {
  const faults = useGraphStore((s) => s.document.faults);
  // The selection store keeps the same array while the selection is the same: safe as a memo dependency downstream.
  const nodeIds = useSelectionStore((s) => s.nodeIds) as string[];
  const linkIds = useSelectionStore((s) => s.linkIds) as string[];
  // Charts: the person's selection; with nothing selected, what the guide points at.
  const highlightedNodeIds = useHighlightStore((s) => s.nodeIds) as string[];
  const highlightedLinkIds = useHighlightStore((s) => s.linkIds) as string[];
  const nothingSelected = nodeIds.length + linkIds.length === 0;
  return (
    // Focusable: it scrolls, and in presenter mode nothing inside it takes focus (keyboard scrolling).
    <section className="fl-bottom" aria-label="Run results" tabIndex={0}>
      <PanelBoundary name="The summary" id="summary" compact>
        <SummaryStrip />
      </PanelBoundary>
      <div className="fl-bottom__panels">
        <div className="fl-bottom__charts">
          <PanelBoundary name="The charts" id="charts" compact>
            <ChartsPanel selectedNodeIds={nothingSelected ? highlightedNodeIds : nodeIds} selectedLinkIds={nothingSelected ? highlightedLinkIds : linkIds} />
          </PanelBoundary>
        </div>
        <div className="fl-bottom__timeline">
          <PanelBoundary name="The fault timeline" id="timeline" compact>
            <FaultTimeline faults={faults} onChange={writeFaults} selectedNodeIds={nodeIds} selectedLinkIds={linkIds} />
          </PanelBoundary>
        </div>
      </div>
    </section>
  );
}
