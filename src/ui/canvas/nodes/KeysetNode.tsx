/**
 * Canvas node for kind "keyset": the published signing keys (a JWKS / OpenID metadata endpoint).
 * Before a run it shows the keys the file lists; while one runs, the keys it publishes *now*
 * (live/identity-readouts.ts): a removed key is struck through and marked ✕, a restored one is
 * back. When it lacks a key tokens are signed with, its state says "key missing".
 */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { describeStation } from './describe.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { Readout } from './Readout.tsx';
import { StationReadouts } from './StationReadouts.tsx';
import { KEYSET_KEY_SLOTS } from '../live/identity-readouts.ts';

const SLOTS = Array.from({ length: KEYSET_KEY_SLOTS }, (_, i) => i);

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
    <NodeCard id={id} node={data.node} issues={data.issues} kindTitle="key set" glyph={<KeysetGlyph />} summary={describeStation(data.node)}>
      <div className="fl-node__static fl-published" data-live="published" data-state="idle" title="The keys this key set publishes now; a struck-through key (✕) is not published. Before a run: the keys the file lists.">
        <span className="fl-readout__caption">publishes</span>{' '}
        <span className="fl-published__file">{keys.length === 0 ? <span>none</span> : keys.map((k) => <span key={k} className="fl-key">{k}</span>)}</span>
        <span className="fl-published__live">
          {SLOTS.map((slot) => (
            <span key={slot} className="fl-key" data-live={`published-key-${slot}`} />
          ))}
          <span className="fl-token__note" data-live="published-note" />
        </span>
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
