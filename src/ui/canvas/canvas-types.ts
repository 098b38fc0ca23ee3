/** The React Flow node and edge types of the canvas: static data from the document only, never live numbers. */
import type { Edge, Node } from '@xyflow/react';
import type { DocumentLink, DocumentNode } from '../../store/graph-store.ts';
import type { FieldIssue } from '../../store/graph/validation-index.ts';

export type CanvasNodeData = {
  node: DocumentNode;
  /** The parser's problems with this node, if any (drawn as a badge). */
  issues: readonly FieldIssue[] | undefined;
};

export type CanvasNode = Node<CanvasNodeData>;

export type CanvasEdgeData = {
  link: DocumentLink;
  issues: readonly FieldIssue[] | undefined;
  /** Position among links joining the same two nodes (either way) and their number. */
  parallelIndex: number;
  parallelCount: number;
  /**
   * Where a steep link's numbers go (flow-elements.ts labelAnchorOf): 'end' beside its target when
   * its source fans out to several (the targets' column is full of cards, the source's side is
   * clear), 'start' beside its source when its target gathers several in, else 'middle'.
   */
  labelAnchor?: 'start' | 'middle' | 'end';
};

export type CanvasEdge = Edge<CanvasEdgeData>;
