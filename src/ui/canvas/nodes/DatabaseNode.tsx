/** Canvas node for kind "database": a connection pool with its own defaults and icon. */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { describeStation } from './describe.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { StationReadouts } from './StationReadouts.tsx';
import { validatesTokens } from './TokenBadge.tsx';

export function DatabaseGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2">
      <ellipse cx="12" cy="5.5" rx="8" ry="2.5" />
      <path d="M4 5.5v13c0 1.4 3.6 2.5 8 2.5s8-1.1 8-2.5v-13M4 12c0 1.4 3.6 2.5 8 2.5s8-1.1 8-2.5" />
    </svg>
  );
}

export const DatabaseNode = memoNode(function DatabaseNode({ id, data }: NodeProps<CanvasNode>) {
  return (
    <NodeCard id={id} node={data.node} issues={data.issues} kindTitle="database" glyph={<DatabaseGlyph />} summary={describeStation(data.node)}>
      <StationReadouts tokens={validatesTokens(data.node)} />
    </NodeCard>
  );
});
