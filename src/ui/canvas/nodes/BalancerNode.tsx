/** Canvas node for kind "balancer": spreads requests over its targets. */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { describeBalancer } from './describe.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { Readout } from './Readout.tsx';

export function BalancerGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="4.5" cy="12" r="2" />
      <path d="M6.5 12h4M10.5 12 19 5M10.5 12H19M10.5 12 19 19" />
    </svg>
  );
}

export const BalancerNode = memoNode(function BalancerNode({ id, data }: NodeProps<CanvasNode>) {
  return (
    <NodeCard id={id} node={data.node} issues={data.issues} kindTitle="balancer" glyph={<BalancerGlyph />} summary={describeBalancer(data.node)}>
      <div className="fl-node__row">
        <Readout caption="out" live="in-flight" />
        <Readout caption="drop" live="dropped-rate" unit="/s" />
      </div>
      <div className="fl-node__row">
        <Readout caption="p99" live="latency-p99" />
      </div>
    </NodeCard>
  );
});
