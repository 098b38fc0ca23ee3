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
};

export type CanvasEdge = Edge<CanvasEdgeData>;
