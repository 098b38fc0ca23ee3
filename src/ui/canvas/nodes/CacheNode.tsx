/** Canvas node for kind "cache": a cache in front of a backend — how much it answers itself. */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { Readout } from './Readout.tsx';

export function CacheGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M13 2 4 14h7l-1 8 9-12h-7z" />
    </svg>
  );
}

function describeCache(node: CanvasNode['data']['node']): string {
  const keys = node.keys === undefined ? '1000' : String(node.keys);
  const ttl = node.ttl === undefined ? 'no ttl' : `ttl ${typeof node.ttl === 'number' ? `${node.ttl}ms` : String(node.ttl)}`;
  return `${keys} keys · ${ttl}`;
}

export const CacheNode = memoNode(function CacheNode({ id, data }: NodeProps<CanvasNode>) {
  return (
    <NodeCard id={id} node={data.node} issues={data.issues} kindTitle="cache" glyph={<CacheGlyph />} summary={describeCache(data.node)}>
      <div className="fl-node__row">
        <Readout caption="hit" live="hit-ratio" />
        <Readout caption="drop" live="dropped-rate" unit="/s" />
      </div>
      <div className="fl-node__row">
        <Readout caption="out" live="in-flight" />
        <Readout caption="p99" live="latency-p99" />
      </div>
    </NodeCard>
  );
});
