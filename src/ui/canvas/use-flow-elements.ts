/**
 * The canvas's nodes and edges, derived from the graph, selection, guide-highlight and weak-points impact stores (edit rate, never
 * stream rate), plus React Flow's measured sizes, which live here and not in the document.
 */
import { useMemo, useState } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import { useHighlightStore } from '../../store/highlight-store.ts';
import { useImpactStore } from '../../store/impact-store.ts';
import { useSelectionStore } from '../../store/selection-store.ts';
import { nodeTypeOf } from '../kinds/kind-registry.ts';
import { createFlowElementsBuilder, type Measured } from './flow-elements.ts';

export function useFlowElements() {
  const document = useGraphStore((s) => s.document);
  const validation = useGraphStore((s) => s.validation);
  const nodeIds = useSelectionStore((s) => s.nodeIds);
  const linkIds = useSelectionStore((s) => s.linkIds);
  const highlightedNodeIds = useHighlightStore((s) => s.nodeIds);
  const highlightedLinkIds = useHighlightStore((s) => s.linkIds);
  const impacts = useImpactStore((s) => s.bands);
  const [builder] = useState(() => createFlowElementsBuilder(nodeTypeOf));
  // One map of sizes, kept across measurements; a new wrapper object each time tells the memo
  // its contents changed (copying the map per measurement would cost O(nodes) each time).
  const [measured, setMeasuredSizes] = useState(() => ({ sizes: new Map<string, Measured>() }));
  const nodes = useMemo(
    () => builder.nodes(document, new Set(nodeIds), validation, measured.sizes, new Set(highlightedNodeIds), impacts),
    [builder, document, nodeIds, validation, measured, highlightedNodeIds, impacts],
  );
  const edges = useMemo(() => builder.edges(document, new Set(linkIds), validation, new Set(highlightedLinkIds), impacts), [builder, document, linkIds, validation, highlightedLinkIds, impacts]);
  const setMeasured = (sizes: ReadonlyMap<string, Measured>) => {
    setMeasuredSizes((current) => {
      for (const [id, size] of sizes) current.sizes.set(id, size);
      return { sizes: current.sizes };
    });
  };
  return { nodes, edges, setMeasured, measuredSizes: measured };
}
