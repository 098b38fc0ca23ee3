/** Canvas node for kind "external": a third-party dependency you do not control. */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { describeStation } from './describe.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { StationReadouts } from './StationReadouts.tsx';
import { validatesTokens } from './TokenBadge.tsx';

export function ExternalGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M7 18h10.5a4 4 0 0 0 .6-7.95A6 6 0 0 0 6.4 9.2 4.5 4.5 0 0 0 7 18z" />
    </svg>
  );
}

export const ExternalNode = memoNode(function ExternalNode({ id, data }: NodeProps<CanvasNode>) {
  return (
    <NodeCard id={id} node={data.node} issues={data.issues} kindTitle="external" glyph={<ExternalGlyph />} summary={describeStation(data.node)}>
      <StationReadouts tokens={validatesTokens(data.node)} />
    </NodeCard>
  );
});
