/** Canvas node for kind "client": callers — what they send, what succeeds, what fails, how often they retry. */
import type { NodeProps } from '@xyflow/react';
import type { CanvasNode } from '../canvas-types.ts';
import { describeClient } from './describe.ts';
import { memoNode } from './memo-node.ts';
import { NodeCard } from './NodeCard.tsx';
import { Readout } from './Readout.tsx';
import { validatesTokens } from './TokenBadge.tsx';

export function ClientGlyph() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      <circle cx="9" cy="8" r="3.5" />
      <path d="M2.5 20c.8-3.6 3.4-5.5 6.5-5.5s5.7 1.9 6.5 5.5M16 4.8a3.5 3.5 0 0 1 0 6.4M18.5 14.8c1.6.9 2.6 2.6 3 5.2" />
    </svg>
  );
}

export const ClientNode = memoNode(function ClientNode({ id, data }: NodeProps<CanvasNode>) {
  return (
    <NodeCard id={id} node={data.node} issues={data.issues} kindTitle="client" glyph={<ClientGlyph />} summary={describeClient(data.node)} acceptsIncoming={false}>
      <div className="fl-node__row">
        <Readout caption="sent" live="arrived-rate" unit="/s" />
        <Readout caption="ok" live="completed-rate" unit="/s" />
      </div>
      <div className="fl-node__row">
        <Readout caption="fail" live="dropped-rate" unit="/s" />
        <Readout caption="tries" live="attempts-ratio" />
      </div>
      {/* Users whose token was rejected sign in again at the identity provider: the incident as load. */}
      {validatesTokens(data.node) && (
        <div className="fl-node__row fl-reauth" title="Users signing in again after a rejected token, per second">
          <Readout caption="signing in again" live="reauth-rate" unit="/s" />
        </div>
      )}
    </NodeCard>
  );
});
