/**
 * Every node kind, to drag onto the canvas or to add at the canvas's centre with a click or
 * Enter (the keyboard way), in the free spot nearest the centre (free-spot.ts).
 */
import { graphActions, useGraphStore, type CanvasPosition } from '../../store/graph-store.ts';
import { LAYOUT_NODE_WIDTH_PX, layoutNodeHeightPx } from '../../store/graph/auto-layout.ts';
import { canvasView } from '../canvas/canvas-view.ts';
import { KIND_MIME } from '../canvas/palette-drag.ts';
import { KINDS } from '../kinds/kind-registry.ts';
import { freeSpotNear } from './free-spot.ts';

/** The tallest card a newly added node draws (a new node has no `auth`): whichever kind is added, it fits. */
const NEW_CARD_HEIGHT_PX = Math.max(...KINDS.map(({ kind }) => layoutNodeHeightPx({ kind })));

/** The free spot nearest the view's centre: a new node never lands on another. */
function freeSpotNearCentre(): CanvasPosition {
  const taken = useGraphStore
    .getState()
    .document.nodes.flatMap((n) => (n.position ? [{ ...n.position, widthPx: LAYOUT_NODE_WIDTH_PX, heightPx: layoutNodeHeightPx(n) }] : []));
  return freeSpotNear(canvasView.centre(), taken, LAYOUT_NODE_WIDTH_PX, NEW_CARD_HEIGHT_PX);
}

export function Palette() {
  return (
    <nav className="fl-palette" aria-labelledby="fl-palette-title">
      <h2 id="fl-palette-title" className="fl-panel-title">Components</h2>
      <p className="fl-palette__hint">Drag onto the canvas, or press to add in the middle.</p>
      <ul>
        {KINDS.map(({ kind, title, description, Glyph }) => (
          <li key={kind} className="fl-palette__entry">
            <button
              type="button"
              className="fl-palette__item"
              draggable
              data-kind={kind}
              aria-label={`Add ${title}`}
              aria-describedby={`fl-palette-${kind}`}
              onDragStart={(event) => {
                event.dataTransfer.setData(KIND_MIME, kind);
                event.dataTransfer.effectAllowed = 'copy';
              }}
              onClick={() => graphActions.addNode(kind, freeSpotNearCentre())}
            >
              <span className="fl-palette__glyph" aria-hidden="true"><Glyph /></span>
              {title}
            </button>
            {/* Outside the button: its accessible name must contain all of its visible text. */}
            <span className="fl-palette__description" id={`fl-palette-${kind}`}>{description}</span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
