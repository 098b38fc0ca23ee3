/**
 * The editing canvas (React Flow). The document is the source of truth: nodes and edges are
 * derived from it, and every change React Flow reports — a drag, a selection, a new link, a
 * delete — goes back through the graph and selection stores. Live state is painted into the
 * node and edge DOM by the live painter, never through these props — or, on big graphs, drawn on
 * one canvas overlay (overlay/LiveOverlay.tsx).
 */
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow, type Connection, type EdgeChange, type IsValidConnection, type NodeChange, type OnDelete } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { useEffect, useEffectEvent, useRef, type DragEvent, type KeyboardEvent } from 'react';
import { graphActions, useGraphStore, type CanvasPosition } from '../../store/graph-store.ts';
import { rulesFor } from '../../store/graph/node-kind-rules.ts';
import { LAYOUT_NODE_HEIGHT_PX, LAYOUT_NODE_WIDTH_PX } from '../../store/graph/auto-layout.ts';
import { selectionActions } from '../../store/selection-store.ts';
import { NODE_TYPES } from '../kinds/kind-registry.ts';
import type { CanvasEdge, CanvasNode } from './canvas-types.ts';
import { canvasView } from './canvas-view.ts';
import { LinkEdge } from './edges/LinkEdge.tsx';
import type { Measured } from './flow-elements.ts';
import { LiveOverlay } from './overlay/LiveOverlay.tsx';
import { KIND_MIME } from './palette-drag.ts';
import { EmptyCanvasHint } from './EmptyCanvasHint.tsx';
import { fitPadding, useMinimapStore } from './minimap-store.ts';
import { usePresenterStore } from '../guide/presenter-store.ts';
import { useCanvasShortcuts } from './use-canvas-shortcuts.ts';
import { useFlowElements } from './use-flow-elements.ts';
import { useFitFollowsTier } from './use-fit-follows-tier.ts';
import { useLegibility } from './use-legibility.ts';

const EDGE_TYPES = { link: LinkEdge };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MINIMAP_SIZE = { width: 150, height: 100 };
const ARIA_LABELS = {
  'node.a11yDescription.default': 'Press Enter or Space to select a node; arrow keys move it; Delete removes it.',
  'edge.a11yDescription.default': 'Press Enter or Space to select a link; Delete removes it.',
};

function onNodesChange(changes: NodeChange<CanvasNode>[], setMeasured: (sizes: ReadonlyMap<string, Measured>) => void): void {
  const moves = new Map<string, CanvasPosition>();
  const sizes = new Map<string, Measured>();
  let dragging = false;
  for (const change of changes) {
    if (change.type === 'position' && change.position) {
      moves.set(change.id, change.position);
      dragging ||= change.dragging === true;
    } else if (change.type === 'select') selectionActions.setNodeSelected(change.id, change.selected);
    else if (change.type === 'dimensions' && change.dimensions) sizes.set(change.id, change.dimensions);
    // 'remove' is handled by onDelete, as one undo step for nodes and links together.
  }
  if (moves.size > 0) graphActions.moveNodes(moves, { transient: dragging });
  if (sizes.size > 0) setMeasured(sizes);
}

function onEdgesChange(changes: EdgeChange<CanvasEdge>[]): void {
  for (const change of changes) if (change.type === 'select') selectionActions.setLinkSelected(change.id, change.selected);
}

const onConnect = (connection: Connection) => void graphActions.connect(connection.source, connection.target);

const onDelete: OnDelete<CanvasNode, CanvasEdge> = ({ nodes, edges }) =>
  graphActions.removeElements(nodes.map((n) => n.id), edges.map((e) => e.id));

const isValidConnection: IsValidConnection<CanvasEdge> = (connection) => {
  if (connection.source === connection.target) return false;
  const target = useGraphStore.getState().document.nodes.find((n) => n.id === connection.target);
  return target !== undefined && rulesFor(target.kind).acceptsIncoming;
};

/**
 * How far a fit may zoom in: a graph of a few nodes is not blown up in the editor, but a room
 * watching present mode gets it as large as the screen allows (two cards filled a third of it).
 */
const fitMaxZoom = (presenting: boolean): number => (presenting ? 2 : 1.25);

function CanvasFlow() {
  const { nodes, edges, setMeasured, measuredSizes } = useFlowElements();
  const loadCount = useGraphStore((s) => s.loadCount);
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const legibility = useLegibility();
  const presenting = usePresenterStore((s) => s.presenting);
  const minimapShown = useMinimapStore((s) => s.shown) && !presenting;
  useCanvasShortcuts();
  // Until the person pans or zooms, the view follows the fit (see the resize observer below).
  const following = useRef(true);
  const fitted = () => {
    if (following.current && useGraphStore.getState().document.nodes.length > 0) void flow.fitView({ padding: fitPadding(minimapShown), maxZoom: fitMaxZoom(presenting) });
  };
  const fitStarted = useFitFollowsTier(legibility['data-detail'], fitted, { sizes: measuredSizes, count: nodes.length });

  useEffect(
    () =>
      canvasView.attach({
        fitView: () => void flow.fitView({ padding: fitPadding(minimapShown), duration: 0 }),
        centre: () => {
          const box = wrapper.current?.getBoundingClientRect();
          if (!box) return { x: 0, y: 0 };
          return flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
        },
      }),
    [flow, minimapShown],
  );

  // A newly opened graph is fitted into view (queued by React Flow until its nodes are measured).
  // An empty one gets the plain view: a fit queued now would fire on the first node added.
  const fitOpened = useEffectEvent(() => {
    following.current = true;
    fitStarted();
    if (useGraphStore.getState().document.nodes.length > 0) void flow.fitView({ padding: fitPadding(minimapShown), maxZoom: fitMaxZoom(presenting) });
    else void flow.setViewport({ x: 0, y: 0, zoom: 1 });
  });
  useEffect(() => fitOpened(), [loadCount]);

  // Until the person pans or zooms, the fit follows the canvas's size (a notice bar opening above
  // it, a panel closing): otherwise a node ends up under the minimap the fit had kept it clear of.
  const refitToSize = useEffectEvent(() => {
    if (!following.current) return;
    fitStarted();
    if (useGraphStore.getState().document.nodes.length > 0) void flow.fitView({ padding: fitPadding(minimapShown), maxZoom: fitMaxZoom(presenting) });
  });
  useEffect(() => {
    const element = wrapper.current;
    if (!element) return;
    let frame = 0;
    // a frame later: React Flow's own observer must have taken the new size first
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => refitToSize());
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
    // observing again when the minimap shows or hides refits (an observer reports at once)
  }, [minimapShown]);

  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (event: DragEvent) => {
    const kind = event.dataTransfer.getData(KIND_MIME);
    if (!kind) return;
    event.preventDefault();
    const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    // The drop point is the card's centre, where the pointer was.
    graphActions.addNode(kind, { x: at.x - LAYOUT_NODE_WIDTH_PX / 2, y: at.y - LAYOUT_NODE_HEIGHT_PX / 2 });
  };

  // Space on a focused node or link selects it (React Flow's keyboard a11y); marking the key as
  // handled keeps page-wide Space shortcuts (play/pause) from also firing.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === ' ' && event.target instanceof Element && event.target.closest('.react-flow__node, .react-flow__edge')) event.preventDefault();
  };

  return (
    <div className="fl-canvas" {...legibility} ref={wrapper} onDragOver={onDragOver} onDrop={onDrop} onKeyDown={onKeyDown}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={(changes) => onNodesChange(changes, setMeasured)}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onMoveStart={(event) => {
          if (event) following.current = false; // the person moved the view: leave it where they put it
        }}
        onDelete={onDelete}
        isValidConnection={isValidConnection}
        deleteKeyCode={DELETE_KEYS}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        selectionKeyCode="Shift"
        minZoom={0.05}
        maxZoom={2.5}
        onlyRenderVisibleElements
        ariaLabelConfig={ARIA_LABELS}
        aria-label="Canvas: the system being simulated"
      >
        <Background gap={24} size={1} />
        {nodes.length === 0 && <EmptyCanvasHint />}
        <LiveOverlay />
        <Controls showInteractive={false} showFitView={false} />
        {/* Small: on a laptop screen the default 200 × 150 covers nodes. */}
        {minimapShown && <MiniMap pannable zoomable ariaLabel="Minimap" className="fl-minimap" style={MINIMAP_SIZE} />}
      </ReactFlow>
    </div>
  );
}

export function Canvas() {
  return (
    <ReactFlowProvider>
      <CanvasFlow />
    </ReactFlowProvider>
  );
}
