/**
 * The live overlay of big graphs (DESIGN.md §5): one `<canvas>` over React Flow's viewport on
 * which the live state is drawn — health border, queue bar and drops/s of each node, state colour
 * and flow width of each link, and a bell on each node or link whose alert fires. On big graphs any repaint inside the node DOM makes Chromium
 * re-layerize the whole canvas (62 ms at 300 nodes, 166 ms at 1,000: docs/performance.md); a
 * canvas repaint costs its own pixels only.
 *
 * Framework-free: a factory over a 2D context, a live source and a scene reader, testable with
 * fakes. `draw` redraws when the viewport or the geometry changed, or the numbers themselves did.
 */
import { LIVE_HEADER } from '../../../engine/index.ts';
import { formatRate } from '../live/format-live.ts';
import { flowWidthPx, linkLoad } from '../live/link-readouts.ts';
import { indexLayout, RecordView, seekLink, seekNode, type LinkField, type LiveIndex, type NodeField } from '../live/live-reader.ts';
import type { LiveSource } from '../live/live-source.ts';
import { identityTrouble } from '../live/identity-readouts.ts';
import { nodeHealth, queueFillShare } from '../live/node-readouts.ts';
import { QUEUE_BAR, type OverlayContext, type OverlayPalette, type OverlayScene } from './overlay-types.ts';

export interface OverlayPainter {
  /** Redraws if anything it shows changed; returns whether it drew. Without a time: always due. */
  draw(nowMs?: number): boolean;
  /** The bitmap was cleared (a resize): set the text style again and redraw at the next call. */
  invalidate(): void;
}

/**
 * The text above a card is drawn only from `textMinZoom` on (where the DOM cards show more than
 * their name: ../legibility.ts), and never smaller on screen than `textPx` (semantic zoom's target).
 */
export interface OverlayOptions {
  textMinZoom: number;
  /** On-screen size of the text, px (11; 16 presenting): the font grows in flow units as the view zooms out. */
  textPx: number;
  /** New numbers are drawn at most this often (a pan or zoom is drawn at once). Default 0. */
  numbersIntervalMs?: number;
}

/** A key with a slash, 14 × `k` flow px wide, centred on (x, y) — the token state's icon (as canvas.css's). */
function drawKeyIcon(context: OverlayContext, x: number, y: number, k: number): void {
  context.lineWidth = 1.8 * k;
  context.beginPath();
  context.arc(x - 3.5 * k, y, 2.5 * k, 0, 2 * Math.PI);
  context.moveTo(x - 1 * k, y);
  context.lineTo(x + 6 * k, y);
  context.moveTo(x + 3.5 * k, y);
  context.lineTo(x + 3.5 * k, y + 2.5 * k);
  context.moveTo(x + 5.5 * k, y);
  context.lineTo(x + 5.5 * k, y + 2.5 * k);
  context.moveTo(x - 7 * k, y - 7 * k);
  context.lineTo(x + 7 * k, y + 7 * k);
  context.stroke();
}

/** A bell 14 × `k` flow px tall, its top at (x, y) — an alert firing (issue 13), as the DOM card's. */
function drawBell(context: OverlayContext, x: number, y: number, k: number): void {
  context.lineWidth = 2 * k;
  context.beginPath();
  context.arc(x, y + 5 * k, 4 * k, Math.PI, 2 * Math.PI); // the dome
  context.moveTo(x - 4 * k, y + 5 * k);
  context.lineTo(x - 6 * k, y + 11 * k); // the flaring sides and the rim
  context.lineTo(x + 6 * k, y + 11 * k);
  context.lineTo(x + 4 * k, y + 5 * k);
  context.moveTo(x + 1.5 * k, y + 13 * k);
  context.arc(x, y + 13 * k, 1.5 * k, 0, 2 * Math.PI); // the clapper
  context.stroke();
}

/** The designed size of the text above a card, flow px (at zoom 1). */
const TEXT_DESIGN_PX = 12;

export function createOverlayPainter(context: OverlayContext, source: LiveSource, readScene: () => OverlayScene, palette: OverlayPalette, options: OverlayOptions): OverlayPainter {
  let drawnKey: unknown[] = [];
  let index: LiveIndex | null = null;
  let indexedLayout: unknown = null;
  const nodeView = new RecordView<NodeField>();
  const linkView = new RecordView<LinkField>();

  let drawnValues: Float64Array | null = null;

  function valuesChanged(values: Float64Array | null): boolean {
    const before = drawnValues;
    if (values === before) return false;
    let changed = values === null || before === null || values.length !== before.length;
    for (let i = LIVE_HEADER; !changed && i < values!.length; i++) changed = values![i] !== before![i] && !(Number.isNaN(values![i]) && Number.isNaN(before![i]));
    if (changed) drawnValues = values === null ? null : Float64Array.from(values);
    return changed;
  }

  let drawnAtMs = -Infinity;

  function draw(nowMs = Infinity): boolean {
    const snapshot = source.get();
    const scene = readScene();
    const [tx, ty, zoom] = scene.transform;
    const key = [snapshot.layout, scene.geometryKey, tx, ty, zoom, scene.widthPx, scene.heightPx, scene.pixelRatio];
    const sameScene = key.every((part, i) => part === drawnKey[i]);
    // ~30 snapshots a second, most with the same numbers (rates change once per sample interval):
    // compare the numbers (not the header's clock), and draw new ones at most every interval —
    // 1,000 cards redrawn per snapshot cost ~100 ms of script a second. A pan is drawn at once.
    if (sameScene && nowMs - drawnAtMs < (options.numbersIntervalMs ?? 0)) return false;
    const numbersChanged = valuesChanged(snapshot.values);
    if (sameScene && !numbersChanged) return false;
    drawnKey = key;
    drawnAtMs = nowMs;
    if (snapshot.layout !== indexedLayout) {
      indexedLayout = snapshot.layout;
      index = snapshot.layout ? indexLayout(snapshot.layout) : null;
    }
    const ratio = scene.pixelRatio;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, scene.widthPx, scene.heightPx);
    const values = snapshot.values;
    if (!index || !values) return true; // nothing runs: the DOM shows every entity idle
    // From here on, flow coordinates: the same transform React Flow gives its viewport.
    context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * tx, ratio * ty);
    const view = { left: -tx / zoom, top: -ty / zoom, right: (scene.widthPx - tx) / zoom, bottom: (scene.heightPx - ty) / zoom };
    const boxes = scene.nodes;

    // Links sharing a colour, width and dash are stroked as one path: one raster pass, not 1,000.
    const strokes = new Map<string, { colour: string; widthPx: number; dashed: boolean; segments: number[] }>();
    const bells: number[] = []; // x, y of each bell's top: links' at their middle, nodes' above the card's left end
    for (const link of scene.links) {
      const from = boxes.get(link.source);
      const to = boxes.get(link.target);
      if (!from || !to || !seekLink(linkView, index, values, link.id)) continue;
      // Handles: out on the right edge, in on the left edge, both at mid-height (NodeCard.tsx).
      const x1 = from.x + from.widthPx;
      const y1 = from.y + from.heightPx / 2;
      const x2 = to.x;
      const y2 = to.y + to.heightPx / 2;
      if (Math.max(x1, x2) < view.left || Math.min(x1, x2) > view.right || Math.max(y1, y2) < view.top || Math.min(y1, y2) > view.bottom) continue;
      if (linkView.get('alertsFiring') > 0) bells.push((x1 + x2) / 2, (y1 + y2) / 2 - 7);
      const up = linkView.get('up') > 0;
      const load = linkLoad(linkView.get('utilization'));
      const colour = !up || load === 'high' ? palette.failing : load === 'mid' ? palette.strained : palette.flow;
      const widthPx = up ? Math.round(flowWidthPx(linkView.get('sentPerSec')) * 2) / 2 : 2.5;
      const style = `${colour}|${widthPx}|${up}`;
      let stroke = strokes.get(style);
      if (!stroke) strokes.set(style, (stroke = { colour, widthPx, dashed: !up, segments: [] }));
      stroke.segments.push(x1, y1, x2, y2);
    }
    for (const { colour, widthPx, dashed, segments } of strokes.values()) {
      context.strokeStyle = colour;
      context.lineWidth = widthPx;
      context.setLineDash(dashed ? [7, 6] : []);
      context.beginPath();
      for (let i = 0; i < segments.length; i += 4) {
        context.moveTo(segments[i], segments[i + 1]);
        context.lineTo(segments[i + 2], segments[i + 3]);
      }
      context.stroke();
    }
    context.setLineDash([]);

    const withText = zoom >= options.textMinZoom;
    // Semantic zoom: the text is set so that it is at least textPx on screen at this zoom.
    const k = Math.max(TEXT_DESIGN_PX, options.textPx / zoom) / TEXT_DESIGN_PX;
    if (withText) context.font = `bold ${Math.ceil(TEXT_DESIGN_PX * k * 100) / 100}px system-ui, sans-serif`; // rounded up: never below
    for (const [id, box] of boxes) {
      if (box.x > view.right || box.y > view.bottom || box.x + box.widthPx < view.left || box.y + box.heightPx < view.top) continue;
      if (!seekNode(nodeView, index, values, id)) continue;
      const health = nodeHealth(nodeView);
      const colour = health === 'down' ? palette.down : health === 'failing' ? palette.failing : health === 'token' ? palette.token : health === 'strained' ? palette.strained : palette.ok;
      context.strokeStyle = colour;
      context.lineWidth = 3;
      context.setLineDash(health === 'down' ? [6, 4] : []);
      context.strokeRect(box.x, box.y, box.widthPx, box.heightPx);
      context.fillStyle = colour;
      if (health === 'token') {
        // A double left border, as the DOM card's: identity trouble differs from overload in shape too.
        context.fillRect(box.x, box.y, 3, box.heightPx);
        context.fillRect(box.x + 5, box.y, 3, box.heightPx);
      } else context.fillRect(box.x, box.y, QUEUE_BAR.stripPx, box.heightPx); // the card's thick left border

      const share = queueFillShare(nodeView);
      const trackPx = box.widthPx - 2 * QUEUE_BAR.insetPx;
      const barY = box.y + box.heightPx - QUEUE_BAR.bottomPx - QUEUE_BAR.heightPx;
      context.fillStyle = palette.track;
      context.fillRect(box.x + QUEUE_BAR.insetPx, barY, trackPx, QUEUE_BAR.heightPx);
      context.fillStyle = share >= 0.9 ? palette.failing : share >= 0.5 ? palette.strained : palette.ok;
      context.fillRect(box.x + QUEUE_BAR.insetPx, barY, trackPx * share, QUEUE_BAR.heightPx);

      if (nodeView.get('alertsFiring') > 0) bells.push(box.x + 12, box.y - 16);
      if (!withText) continue;
      // Above the card: overload drops in the failing colour, identity trouble in its own words.
      const overloadPerSec = nodeView.get('droppedPerSec') - Math.max(0, nodeView.get('authRejectedPerSec') || 0);
      if (health === 'failing' && overloadPerSec > 0) {
        context.fillStyle = palette.failing;
        context.fillText(`${formatRate(overloadPerSec)} drop/s`, box.x + box.widthPx, box.y - 4 * k);
      } else if (health === 'token') {
        const line = identityTrouble(nodeView)?.line ?? '';
        context.fillStyle = palette.token;
        context.fillText(line, box.x + box.widthPx, box.y - 4 * k);
        drawKeyIcon(context, box.x + box.widthPx - context.measureText(line).width - 16 * k, box.y - 11 * k, k);
      }
    }
    context.setLineDash([]);
    // Bells last, over cards and links; as large on screen as the text, whether or not text shows.
    context.strokeStyle = palette.strained;
    for (let i = 0; i < bells.length; i += 2) drawBell(context, bells[i], bells[i + 1], k);
    return true;
  }

  function invalidate(): void {
    drawnKey = [];
    context.font = 'bold 12px system-ui, sans-serif';
    context.textAlign = 'right';
    context.textBaseline = 'bottom';
  }

  invalidate();
  return { draw, invalidate };
}
