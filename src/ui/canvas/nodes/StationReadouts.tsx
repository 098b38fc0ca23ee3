/** The live readouts of a service, database or external node. */
import { QueueGauge } from './QueueGauge.tsx';
import { Readout } from './Readout.tsx';

export function StationReadouts() {
  return (
    <>
      <QueueGauge />
      <div className="fl-node__row">
        <Readout caption="busy" live="busy-text" />
        <Readout caption="drop" live="dropped-rate" unit="/s" />
      </div>
      <div className="fl-node__badge" data-live="circuit" />
    </>
  );
}
