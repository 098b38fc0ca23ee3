/** What an empty canvas says: how to begin, not that something is wrong. */
import { Panel } from '@xyflow/react';

export function EmptyCanvasHint() {
  return (
    <Panel position="top-center" className="fl-empty-canvas">
      <p className="fl-empty-canvas__title">Drag a component here</p>
      <p>from the list on the left — or press one to add it — then wire them together and press Play. The Library has ready-made scenarios.</p>
    </Panel>
  );
}
