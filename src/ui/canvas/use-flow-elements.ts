/**
 * The canvas's nodes and edges, derived from the graph, selection and guide-highlight stores (edit rate, never
 * stream rate), plus React Flow's measured sizes, which live here and not in the document.
 */
import { useMemo, useRef, useState } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import { useHighlightStore } from '../../store/highlight-store.ts';
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
  const [builder] = useState(() => createFlowElementsBuilder(nodeTypeOf));
  const measured = useRef(new Map<string, Measured>());
  const [measuredVersion, setMeasuredVersion] = useState(0);
  // measuredVersion stands for the ref's contents: it changes whenever they do.
  const nodes = useMemo(
    () => builder.nodes(document, new Set(nodeIds), validation, measured.current, new Set(highlightedNodeIds)),
    [builder, document, nodeIds, validation, measuredVersion, highlightedNodeIds],
  );
  const edges = useMemo(() => builder.edges(document, new Set(linkIds), validation, new Set(highlightedLinkIds)), [builder, document, linkIds, validation, highlightedLinkIds]);
  const setMeasured = (sizes: ReadonlyMap<string, Measured>) => {
    for (const [id, size] of sizes) measured.current.set(id, size);
    setMeasuredVersion((v) => v + 1);
  };
  return { nodes, edges, setMeasured };
}
