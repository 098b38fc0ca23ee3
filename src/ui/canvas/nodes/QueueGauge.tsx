/** Queue depth as a bar against the queue's capacity, with the numbers beside it (painted live). */
export function QueueGauge() {
  return (
    <div className="fl-queue">
      <span className="fl-readout__caption">queue</span>
      <span className="fl-queue__track" aria-hidden="true" data-live="queue-fill" data-level="low" />
      <span className="fl-readout__value" data-live="queue-text">–</span>
    </div>
  );
}
