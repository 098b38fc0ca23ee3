/**
 * Mounts the live overlay over React Flow's viewport when the graph has LIVE_OVERLAY_MIN_NODES
 * nodes or more, and switches the DOM painter off for as long as it is there. Geometry and the
 * viewport transform are read from React Flow's store once per frame, never through React: the
 * component re-renders only when the graph crosses the threshold.
 */
import { useStore, useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { liveMetrics } from '../../../store/live-metrics.ts';
import { LAYOUT_NODE_HEIGHT_PX, LAYOUT_NODE_WIDTH_PX } from '../../../store/graph/auto-layout.ts';
import { frameScheduler } from '../../frame-scheduler.ts';
import { useThemeStore } from '../../layout/theme.ts';
import type { CanvasEdge, CanvasNode } from '../canvas-types.ts';
import { canvasPainter } from '../live/canvas-painter.ts';
import { textMinZoom } from '../legibility.ts';
import { useTextTargetPx } from '../use-legibility.ts';
import { createOverlayPainter } from './overlay-painter.ts';
import { LIVE_OVERLAY_MIN_NODES, OVERLAY_NUMBERS_INTERVAL_MS, type OverlayLink, type OverlayNodeBox, type OverlayPalette, type OverlayScene } from './overlay-types.ts';

function readPalette(element: Element): OverlayPalette {
  const style = getComputedStyle(element);
  const colour = (name: string) => style.getPropertyValue(name).trim() || 'gray';
  return { ok: colour('--fl-ok-fill'), strained: colour('--fl-strained-fill'), failing: colour('--fl-failing-fill'), down: colour('--fl-down'), token: colour('--fl-token-fill'), track: colour('--fl-track'), flow: colour('--fl-flow') };
}

/**
 * Where the overlay draws. A canvas handed to an OffscreenCanvas is composited as its own surface:
 * its frames reach the compositor without a paint of the page. A plain 2D canvas (without a GPU)
 * is repainted as part of the page, and Chromium re-layerizes the canvas layer with every redraw
 * — the cost the overlay exists to avoid. The hand-over happens once per element (it throws the
 * second time, e.g. under StrictMode's double effects).
 */
const surfaces = new WeakMap<HTMLCanvasElement, HTMLCanvasElement | OffscreenCanvas>();
function drawingSurface(canvas: HTMLCanvasElement): HTMLCanvasElement | OffscreenCanvas {
  let surface = surfaces.get(canvas);
  if (!surface) {
    surface = typeof canvas.transferControlToOffscreen === 'function' ? canvas.transferControlToOffscreen() : canvas;
    surfaces.set(canvas, surface);
  }
  return surface;
}

export function LiveOverlay() {
  const big = useStore((s) => s.nodeLookup.size >= LIVE_OVERLAY_MIN_NODES);
  const store = useStoreApi<CanvasNode, CanvasEdge>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  // The palette is read from the theme's CSS colours: a new theme starts a new painter.
  const theme = useThemeStore((s) => s.theme);
  const textPx = useTextTargetPx();

  useEffect(() => {
    const canvas = canvasRef.current;
    const surface = canvas && drawingSurface(canvas);
    // each side of the union by itself: on the union, TypeScript may pick getContext(string)
    const context = surface instanceof OffscreenCanvas ? surface.getContext('2d') : surface?.getContext('2d');
    if (!big || !canvas || !surface || !context) return;
    canvasPainter.setTarget('overlay');
    // Boxes and links are rebuilt only when React Flow's node or edge arrays change identity.
    let geometryOf: [unknown, unknown] = [null, null];
    let boxes = new Map<string, OverlayNodeBox>();
    let links: OverlayLink[] = [];
    const readScene = (): OverlayScene => {
      const state = store.getState();
      if (state.nodes !== geometryOf[0] || state.edges !== geometryOf[1]) {
        geometryOf = [state.nodes, state.edges];
        boxes = new Map();
        for (const [id, node] of state.nodeLookup) {
          const at = node.internals.positionAbsolute;
          boxes.set(id, { x: at.x, y: at.y, widthPx: node.measured.width ?? LAYOUT_NODE_WIDTH_PX, heightPx: node.measured.height ?? LAYOUT_NODE_HEIGHT_PX });
        }
        links = state.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
      }
      return { nodes: boxes, links, transform: state.transform, widthPx: state.width, heightPx: state.height, pixelRatio: window.devicePixelRatio || 1, geometryKey: boxes };
    };
    const painter = createOverlayPainter(context, liveMetrics, readScene, readPalette(canvas), { textMinZoom: textMinZoom(textPx), textPx, numbersIntervalMs: OVERLAY_NUMBERS_INTERVAL_MS });
    const stopFrames = frameScheduler.onFrame((nowMs) => {
      const { width, height } = store.getState();
      const ratio = window.devicePixelRatio || 1;
      const pixelWidth = Math.round(width * ratio);
      const pixelHeight = Math.round(height * ratio);
      // Resizing clears the bitmap (and its state), so only when the size really changed.
      if (surface.width !== pixelWidth || surface.height !== pixelHeight) {
        surface.width = pixelWidth;
        surface.height = pixelHeight;
        painter.invalidate();
      }
      painter.draw(nowMs);
    });
    return () => {
      stopFrames();
      canvasPainter.setTarget('dom');
    };
  }, [big, store, theme, textPx]);

  return big ? <canvas ref={canvasRef} className="fl-live-overlay" data-testid="live-overlay" aria-hidden="true" /> : null;
}
