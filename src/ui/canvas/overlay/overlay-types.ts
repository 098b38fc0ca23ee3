/** What the live overlay draws with and on (overlay-painter.ts); shapes small enough to fake in tests. */

/** From this many nodes on, live state is drawn on the overlay instead of into the node DOM. */
export const LIVE_OVERLAY_MIN_NODES = 200;

/** New live numbers are drawn on the overlay at most this often: 10 Hz (a pan or zoom at once). */
export const OVERLAY_NUMBERS_INTERVAL_MS = 100;

/** A node's box in flow coordinates (React Flow's positionAbsolute and measured size). */
export interface OverlayNodeBox {
  x: number;
  y: number;
  widthPx: number;
  heightPx: number;
}

export interface OverlayLink {
  id: string;
  source: string;
  target: string;
}

export interface OverlayScene {
  nodes: ReadonlyMap<string, OverlayNodeBox>;
  links: readonly OverlayLink[];
  /** React Flow's viewport transform: [x px, y px, zoom]. */
  transform: readonly [number, number, number];
  widthPx: number;
  heightPx: number;
  pixelRatio: number;
  /** Changes whenever nodes or links moved, were added or removed (compared by identity). */
  geometryKey: unknown;
}

/** Theme colours, read from the page's custom properties when the overlay (re)starts — on each theme change. */
export interface OverlayPalette {
  ok: string;
  strained: string;
  failing: string;
  down: string;
  /** Identity trouble: tokens rejected, a key missing (--fl-token-fill). */
  token: string;
  track: string;
  flow: string;
}

/** The queue bar along the bottom of each card, in flow px. */
export const QUEUE_BAR = { insetPx: 12, bottomPx: 5, heightPx: 6, stripPx: 7 };

/** The part of CanvasRenderingContext2D the overlay uses. */
export interface OverlayContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  font: string;
  textAlign: CanvasTextAlign;
  textBaseline: CanvasTextBaseline;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
  strokeRect(x: number, y: number, width: number, height: number): void;
  setLineDash(segments: number[]): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
  arc(x: number, y: number, radius: number, startAngle: number, endAngle: number): void;
}
