/**
 * Canvas node for kind "identity": an identity provider — signs people in, issues tokens signed
 * with its key. While a run goes, the key it signs with now (a "sign with key" fault changes it).
 */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { describeDistribution, describeStation } from './describe.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { Readout } from './Readout.tsx';
import { StationReadouts } from './StationReadouts.tsx';

export function IdentityGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round">
      <path d="M12 2.5 4 5.5v6c0 5 3.4 8.6 8 10 4.6-1.4 8-5 8-10v-6z" />
      <circle cx="12" cy="10" r="2.5" />
      <path d="M8 16.5c.8-2 2.2-3 4-3s3.2 1 4 3" strokeLinecap="round" />
    </svg>
  );
}

export const IdentityNode = memoNode(function IdentityNode({ id, data }: NodeProps<CanvasNode>) {
  const node = data.node;
  const key = typeof node.signingKey === 'string' && node.signingKey !== '' ? node.signingKey : '?';
  const lifetime = node.tokenLifetime === undefined ? '60m–90m' : describeDistribution(node.tokenLifetime);
  return (
    <NodeCard id={id} node={node} issues={data.issues} kindTitle="identity" glyph={<IdentityGlyph />} summary={describeStation(node)}>
      <div className="fl-node__static fl-signing" data-live="signing" data-state="idle" title={`New tokens are signed with the key shown (${key} in the file; a "sign with key" fault changes it during the run) and live ${lifetime}.`}>
        <span className="fl-readout__caption">signs with</span> <span className="fl-key fl-signing__file">{key}</span>
        <span className="fl-key fl-signing__live" data-live="signing-key" />
        <span className="fl-readout__caption"> · tokens {lifetime}</span>
      </div>
      <StationReadouts
        extra={
          <div className="fl-node__row">
            <Readout caption="sign-ins" live="arrived-rate" unit="/s" />
            <Readout caption="p99" live="latency-p99" />
          </div>
        }
      />
    </NodeCard>
  );
});
