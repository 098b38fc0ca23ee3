/**
 * How a chart line looks: a colour slot (the --fl-series-N variables in theme.css, Okabe–Ito,
 * one set per theme), a marker shape, and a dash. Line i of a chart gets colour i (7 slots) and
 * shape i (6 shapes): 7 and 6 share no factor, so no two of a chart's first 42 lines look alike;
 * a second metric of the same entity is also dashed, a third dotted. The legend draws the same
 * swatch (line, dash and marker), so a reader can match a line without telling colours apart.
 */

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'cross';

export const MARKER_SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangleDown', 'cross'];

/** Colour slots: --fl-series-1 … --fl-series-7 (theme.css). */
export const SERIES_COLOUR_COUNT = 7;
export const seriesColourVar = (slot: number): string => `--fl-series-${(slot % SERIES_COLOUR_COUNT) + 1}`;

/** By metric variant: solid, dashed, dotted (CSS px). */
const DASHES: readonly (readonly number[])[] = [[], [7, 4], [2, 3]];

export interface LineStyle {
  colourSlot: number;
  marker: MarkerShape;
  /** Canvas dash segments in CSS px; empty: solid. */
  dash: readonly number[];
}

export function lineStyle(lineIndex: number, metricVariant: number): LineStyle {
  return {
    colourSlot: lineIndex % SERIES_COLOUR_COUNT,
    marker: MARKER_SHAPES[lineIndex % MARKER_SHAPES.length],
    dash: DASHES[Math.min(metricVariant, DASHES.length - 1)],
  };
}

/** Adds `shape` centred on (x, y) with radius r to a canvas path (a context or a Path2D). */
export function traceMarker(path: CanvasPath, shape: MarkerShape, x: number, y: number, r: number): void {
  const corner = (dx: number, dy: number, first = false) => (first ? path.moveTo(x + dx, y + dy) : path.lineTo(x + dx, y + dy));
  switch (shape) {
    case 'circle':
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'square':
      path.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      corner(0, -r * 1.1, true);
      corner(r, r * 0.8);
      corner(-r, r * 0.8);
      path.closePath();
      break;
    case 'triangleDown':
      corner(0, r * 1.1, true);
      corner(r, -r * 0.8);
      corner(-r, -r * 0.8);
      path.closePath();
      break;
    case 'diamond':
      corner(0, -r * 1.2, true);
      corner(r * 1.1, 0);
      corner(0, r * 1.2);
      corner(-r * 1.1, 0);
      path.closePath();
      break;
    case 'cross': // stroked, not filled
      corner(-r, -r, true);
      corner(r, r);
      path.moveTo(x + r, y - r);
      path.lineTo(x - r, y + r);
      break;
  }
}

/** A marker is filled, except the cross, which is two strokes. */
export const markerIsFilled = (shape: MarkerShape): boolean => shape !== 'cross';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The legend's swatch: a short line in the series' colour and dash with its marker in the middle. */
export function legendSwatch(style: LineStyle, colour: string): SVGSVGElement {
  const width = 30;
  const height = 14;
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('fl-chart-swatch');
  const line = document.createElementNS(SVG_NS, 'line');
  line.setAttribute('x1', '1');
  line.setAttribute('x2', String(width - 1));
  line.setAttribute('y1', String(height / 2));
  line.setAttribute('y2', String(height / 2));
  line.setAttribute('stroke', colour);
  line.setAttribute('stroke-width', '2');
  if (style.dash.length > 0) line.setAttribute('stroke-dasharray', style.dash.join(' '));
  const marker = document.createElementNS(SVG_NS, 'path');
  marker.setAttribute('d', markerPathData(style.marker, width / 2, height / 2, 4));
  const filled = markerIsFilled(style.marker);
  marker.setAttribute('fill', filled ? colour : 'none');
  marker.setAttribute('stroke', colour);
  marker.setAttribute('stroke-width', filled ? '0.5' : '2');
  svg.append(line, marker);
  return svg;
}

/** The same shapes as SVG path data (the legend), traced by the same function as the canvas. */
function markerPathData(shape: MarkerShape, x: number, y: number, r: number): string {
  let d = '';
  const n = (v: number) => Math.round(v * 100) / 100;
  const recorder: CanvasPath = {
    moveTo: (px: number, py: number) => void (d += `M${n(px)} ${n(py)}`),
    lineTo: (px: number, py: number) => void (d += `L${n(px)} ${n(py)}`),
    closePath: () => void (d += 'Z'),
    rect: (rx: number, ry: number, w: number, h: number) => void (d += `M${n(rx)} ${n(ry)}h${n(w)}v${n(h)}h${n(-w)}Z`),
    // the only arc traced is a full circle: two half arcs
    arc: (cx: number, cy: number, radius: number) => void (d += `M${n(cx + radius)} ${n(cy)}A${n(radius)} ${n(radius)} 0 1 1 ${n(cx - radius)} ${n(cy)}A${n(radius)} ${n(radius)} 0 1 1 ${n(cx + radius)} ${n(cy)}`),
  } as unknown as CanvasPath;
  traceMarker(recorder, shape, x, y, r);
  return d;
}
