/** A node of a kind this editor does not know (a newer file): shown and kept, never rewritten. */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';

export const UnknownNode = memoNode(function UnknownNode({ id, data }: NodeProps<CanvasNode>) {
  return <NodeCard id={id} node={data.node} issues={data.issues} kindTitle={data.node.kind} glyph="?" summary="not editable here" />;
});
