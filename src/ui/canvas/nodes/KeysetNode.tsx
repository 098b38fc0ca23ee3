/**
 * Canvas node for kind "keyset": the published signing keys (a JWKS / OpenID metadata endpoint).
 * The keys shown are the ones the file lists — what it publishes at the start. The live state
 * does not carry the key set's current keys, so a removed key is not shown here as gone: it shows
 * on the validators' token badges, once their caches have fetched the change.
 */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { describeStation } from './describe.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { Readout } from './Readout.tsx';
import { StationReadouts } from './StationReadouts.tsx';

export function KeysetGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="7.5" cy="14.5" r="4" />
      <path d="m10.5 11.5 9-9M16 6l2.5 2.5M13.5 8.5 16 11" />
    </svg>
  );
}

export const KeysetNode = memoNode(function KeysetNode({ id, data }: NodeProps<CanvasNode>) {
  const keys = Array.isArray(data.node.keys) ? data.node.keys.map(String) : [];
  return (
    <NodeCard id={id} node={data.node} issues={data.issues} kindTitle="key set" glyph={<KeysetGlyph />} summary={describeStation(data.node, 'unbounded')}>
      <div
        className="fl-node__static"
        title="The keys the file lists: what this key set publishes at the start. Faults that remove or add a key during the run are not shown here (the live state does not carry the key set's keys); watch the validators' token badges."
      >
        <span className="fl-readout__caption">publishes</span>{' '}
        {keys.length === 0 ? <span>none</span> : keys.map((k) => <span key={k} className="fl-key">{k}</span>)}
        <span className="fl-readout__caption"> (at start)</span>
      </div>
      <StationReadouts
        extra={
          <div className="fl-node__row">
            <Readout caption="fetches" live="arrived-rate" unit="/s" />
            <Readout caption="p99" live="latency-p99" />
          </div>
        }
      />
    </NodeCard>
  );
});
