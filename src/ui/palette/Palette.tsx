/**
 * Every node kind, to drag onto the canvas or to add at the canvas's centre with a click or
 * Enter (the keyboard way). Successive adds step aside so they do not stack on one spot.
 */
import { graphActions, useGraphStore, type CanvasPosition } from '../../store/graph-store.ts';
import { LAYOUT_NODE_HEIGHT_PX, LAYOUT_NODE_WIDTH_PX } from '../../store/graph/auto-layout.ts';
import { canvasView } from '../canvas/canvas-view.ts';
import { KIND_MIME } from '../canvas/palette-drag.ts';
import { KINDS } from '../kinds/kind-registry.ts';

const STEP_PX = 32;

/** The centre of the view, moved down-right past any node already there. */
function freeSpotNearCentre(): CanvasPosition {
  const centre = canvasView.centre();
  const taken = useGraphStore.getState().document.nodes.map((n) => n.position).filter((p) => p !== undefined);
  let at = { x: Math.round(centre.x - LAYOUT_NODE_WIDTH_PX / 2), y: Math.round(centre.y - LAYOUT_NODE_HEIGHT_PX / 2) };
  for (let i = 0; i < 50 && taken.some((p) => Math.abs(p.x - at.x) < STEP_PX && Math.abs(p.y - at.y) < STEP_PX); i++) {
    at = { x: at.x + STEP_PX, y: at.y + STEP_PX };
  }
  return at;
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
