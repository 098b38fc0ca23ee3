/**
 * A playhead — the thin vertical "now" line over a chart or the fault track — drawn on a canvas of
 * its own instead of moving an element. In Chromium, moving an element (its `left` or its
 * `transform`, composited or not) re-layerizes the whole page: 20–60 ms a move with a 1,000-node
 * graph on the canvas (docs/performance.md, "Canvas at 1,000 nodes: where a frame goes"). A
 * canvas redraw re-layerizes nothing. The line is redrawn only when it lands on another device
 * pixel, so a paused run, or a clock that moves less than a pixel, draws nothing at all.
 */

/** The part of CanvasRenderingContext2D the playhead uses (a fake in tests). */
export interface PlayheadContext {
  fillStyle: string | CanvasGradient | CanvasPattern;
  clearRect(x: number, y: number, width: number, height: number): void;
  fillRect(x: number, y: number, width: number, height: number): void;
}

/** The line's width on screen, CSS px (as the element it replaces: 2 px, centred on the time). */
export const PLAYHEAD_WIDTH_PX = 2;

export interface PlayheadPainter {
  /** The canvas's CSS size and the device pixel ratio: sets the bitmap's size and redraws. */
  resize(widthPx: number, heightPx: number, pixelRatio: number): void;
  /** Puts the line `xPx` CSS px from the left edge (not finite: no line); returns whether it drew. */
  moveTo(xPx: number): boolean;
  /** The canvas's CSS width as last resized (0 before): a share of the way across is `share × widthPx()`. */
  widthPx(): number;
}

/** The device pixel the line starts at, or NaN when there is no line to draw. */
export function playheadPixel(xPx: number, pixelRatio: number): number {
  return Number.isFinite(xPx) ? Math.round((xPx - PLAYHEAD_WIDTH_PX / 2) * pixelRatio) : NaN;
}

export function createPlayheadPainter(bitmap: { width: number; height: number }, context: PlayheadContext, colour: () => string): PlayheadPainter {
  let ratio = 1;
  let cssWidthPx = 0;
  let wantedX = NaN;
  // undefined: nothing drawn yet (or the bitmap was cleared by a resize); NaN: drawn empty.
  let drawnPixel: number | undefined;

  function draw(): boolean {
    const pixel = playheadPixel(wantedX, ratio);
    if (drawnPixel !== undefined && (pixel === drawnPixel || (Number.isNaN(pixel) && Number.isNaN(drawnPixel)))) return false;
    context.clearRect(0, 0, bitmap.width, bitmap.height);
    if (!Number.isNaN(pixel)) {
      context.fillStyle = colour();
      context.fillRect(pixel, 0, Math.max(1, Math.round(PLAYHEAD_WIDTH_PX * ratio)), bitmap.height);
    }
    drawnPixel = pixel;
    return true;
  }

  return {
    resize(widthPx, heightPx, pixelRatio) {
      ratio = pixelRatio > 0 ? pixelRatio : 1;
      cssWidthPx = widthPx;
      const width = Math.max(0, Math.round(widthPx * ratio));
      const height = Math.max(0, Math.round(heightPx * ratio));
      if (bitmap.width === width && bitmap.height === height && drawnPixel !== undefined) return;
      bitmap.width = width; // clears the bitmap, even when the size is the same
      bitmap.height = height;
      drawnPixel = undefined;
      draw();
    },
    moveTo(xPx) {
      wantedX = xPx;
      return draw();
    },
    widthPx: () => cssWidthPx,
  };
}

/**
 * A playhead canvas for the page: sized by CSS (the caller's class places it over its parent),
 * its bitmap kept to its size by a ResizeObserver, its colour the canvas's own CSS `color`.
 */
export function mountPlayhead(canvas: HTMLCanvasElement): PlayheadPainter & { destroy(): void } {
  canvas.setAttribute('aria-hidden', 'true');
  const context = canvas.getContext('2d');
  if (!context) return { resize() {}, moveTo: () => false, widthPx: () => 0, destroy() {} }; // no 2D canvas: no playhead, nothing else lost
  const painter = createPlayheadPainter(canvas, context, () => getComputedStyle(canvas).color);
  const observer = new ResizeObserver(([entry]) => painter.resize(entry.contentRect.width, entry.contentRect.height, window.devicePixelRatio || 1));
  observer.observe(canvas);
  return { ...painter, destroy: () => observer.disconnect() };
}
