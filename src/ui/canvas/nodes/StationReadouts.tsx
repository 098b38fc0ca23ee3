/** The live readouts of a service, database, external, identity or key-set node. */
import type { ReactNode } from 'react';
import { QueueGauge } from './QueueGauge.tsx';
import { Readout } from './Readout.tsx';
import { TokenBadge } from './TokenBadge.tsx';

/** `tokens`: the node validates tokens — show its token badge. `extra`: a kind's own row, under the queue. */
export function StationReadouts({ tokens = false, extra }: { tokens?: boolean; extra?: ReactNode }) {
  return (
    <>
      <QueueGauge />
      <div className="fl-node__row">
        <Readout caption="busy" live="busy-text" />
        <Readout caption="drop" live="dropped-rate" unit="/s" />
      </div>
      {extra}
      <div className="fl-node__badge" data-live="circuit" />
      {tokens && <TokenBadge />}
    </>
  );
}
