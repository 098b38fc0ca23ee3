/**
 * The embed's canvas: the editor's node and link components on a read-only React Flow — no
 * dragging, connecting, selecting or deleting. Pan and pinch-zoom stay (a phone needs them);
 * the scroll wheel is left to the page around the embed, which a reader is scrolling.
 */
import { Controls, ReactFlow, ReactFlowProvider, useReactFlow, type FitViewOptions } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import '../canvas/canvas.css';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import type { CanvasEdge, CanvasNode } from '../canvas/canvas-types.ts';
import { LinkEdge } from '../canvas/edges/LinkEdge.tsx';
import { useFitFollowsTier } from '../canvas/use-fit-follows-tier.ts';
import { useLegibility } from '../canvas/use-legibility.ts';
import type { DetailTier } from '../canvas/legibility.ts';
import { useFlowElements } from '../canvas/use-flow-elements.ts';
import { NODE_TYPES } from '../kinds/kind-registry.ts';
import { useFlowDirection } from '../canvas/flow-direction.ts';
import { embedActions } from './embed-session.ts';
import { fitRoom } from './still-picture.ts';

const EDGE_TYPES = { link: LinkEdge };
/**
 * Fit view's margins; on the left, room for the zoom buttons (bottom left) so no node sits under
 * them. In the tiny tier a card's state word is wider than the card ("key missing" on a phone's
 * key set): room on the right for it, or the last column's word is cut at the frame's edge.
 */
const fitOptions = (showZoomButtons: boolean, tier: DetailTier): FitViewOptions<CanvasNode> => ({
  padding: { top: '14px', right: tier === 'tiny' ? '34px' : '14px', bottom: '14px', left: showZoomButtons ? '54px' : tier === 'tiny' ? '34px' : '14px' },
  maxZoom: 1.1,
});

function EmbedFlow({ showZoomButtons }: { showZoomButtons: boolean }) {
  const { nodes, edges, setMeasured } = useFlowElements();
  const loadCount = useGraphStore((s) => s.loadCount);
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const legibility = useLegibility();
  const FIT = fitOptions(showZoomButtons, legibility['data-detail']);
  const direction = useFlowDirection((s) => s.direction);
  const layoutKey = useFlowDirection((s) => s.layoutKey);
  const frame = useRef<HTMLDivElement>(null);

  // The cards' sizes follow the zoom's tier: a fit that changes the tier is fitted again.
  const fitStarted = useFitFollowsTier(legibility['data-detail'], () => void flow.fitView(FIT));
  const fit = useEffectEvent(() => {
    fitStarted();
    void flow.fitView(FIT);
  });
  // Every scenario loaded (the first, or one a parent page sent) is fitted into the frame, and
  // again when the frame turns it top to bottom or back (its new positions are rendered by then).
  useEffect(() => fit(), [loadCount, showZoomButtons, layoutKey]);
  // The frame's own size picks the layout (portrait: top to bottom, frame-layout.ts): at mount,
  // where the caption has taken its line, and on every resize (a phone turned sideways), which refits.
  const layoutToFrame = useEffectEvent(() => {
    const box = frame.current;
    if (box === null || box.clientWidth === 0) return false;
    return embedActions.fitLayoutToFrame(fitRoom({ width: box.clientWidth, height: box.clientHeight }, showZoomButtons));
  });
  useEffect(() => {
    layoutToFrame();
    const refit = () => {
      if (!layoutToFrame()) fit(); // a changed layout is fitted once its positions render
    };
    window.addEventListener('resize', refit);
    return () => window.removeEventListener('resize', refit);
  }, []);

  return (
    <div className="fl-canvas" ref={frame} data-flow={direction} {...legibility}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={(changes) => {
          const sizes = new Map(changes.flatMap((c) => (c.type === 'dimensions' && c.dimensions ? [[c.id, c.dimensions] as const] : [])));
          if (sizes.size > 0) setMeasured(sizes);
        }}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        zoomOnScroll={false}
        preventScrolling={false}
        zoomOnPinch
        panOnDrag
        minZoom={0.05}
        maxZoom={2.5}
        fitView
        fitViewOptions={FIT}
        aria-label="The system being simulated"
      >
        {showZoomButtons && <Controls showInteractive={false} />}
      </ReactFlow>
    </div>
  );
}

export function EmbedCanvas({ showZoomButtons }: { showZoomButtons: boolean }) {
  return (
    <ReactFlowProvider>
      <EmbedFlow showZoomButtons={showZoomButtons} />
    </ReactFlowProvider>
  );
}
