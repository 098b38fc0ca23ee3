/** Canvas node for kind "service": an application server with workers and a queue. */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { describeStation } from './describe.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { StationReadouts } from './StationReadouts.tsx';
import { validatesTokens } from './TokenBadge.tsx';

export function ServiceGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
      <rect x="3" y="4" width="18" height="7" rx="1.5" />
      <rect x="3" y="13" width="18" height="7" rx="1.5" />
      <path d="M7 7.5h.01M7 16.5h.01" strokeLinecap="round" strokeWidth="3" />
    </svg>
  );
}

export const ServiceNode = memoNode(function ServiceNode({ id, data }: NodeProps<CanvasNode>) {
  return (
    <NodeCard id={id} node={data.node} issues={data.issues} kindTitle="service" glyph={<ServiceGlyph />} summary={describeStation(data.node)}>
      <StationReadouts tokens={validatesTokens(data.node)} />
    </NodeCard>
  );
});
