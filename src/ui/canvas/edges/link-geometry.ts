/**
 * Where a link is drawn. A lone link is React Flow's bezier; parallel links (several joining the
 * same two nodes, either way) bow apart as quadratic curves so each stays visible and clickable.
 */
import { getBezierPath, type Position } from '@xyflow/react';

/** Between neighbouring parallel links' midpoints at text scale 1: room for a label's two lines. */
export const PARALLEL_SPACING_PX = 30;

export interface LinkEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Position;
  targetPosition: Position;
}

export interface LinkShape {
  path: string;
  /** The curve's midpoint: where its numbers are written. */
  labelX: number;
  labelY: number;
}

/**
 * `flip`: the link runs the other way from the pair's first link, so its perpendicular points
 * the other way too — without it, a→b and b→a at the same index would overlap. `textScale` (the
 * canvas's `--fl-text-scale`): parallel links part further as their labels grow, so two labels
 * never overlap when a small view or present mode enlarges the text.
 */
export function linkShape(ends: LinkEnds, parallelIndex: number, parallelCount: number, flip: boolean, textScale = 1): LinkShape {
  if (parallelCount <= 1) {
    const [path, labelX, labelY] = getBezierPath(ends);
    return { path, labelX, labelY };
  }
  const { sourceX: x0, sourceY: y0, targetX: x1, targetY: y1 } = ends;
  const offset = (parallelIndex - (parallelCount - 1) / 2) * PARALLEL_SPACING_PX * Math.max(1, textScale) * (flip ? -1 : 1);
  const dx = x1 - x0;
  const dy = y1 - y0;
  const length = Math.hypot(dx, dy) || 1;
  // A quadratic's midpoint sits halfway to its control point: bow by 2× to get `offset`.
  const cx = (x0 + x1) / 2 + (-dy / length) * offset * 2;
  const cy = (y0 + y1) / 2 + (dx / length) * offset * 2;
  return { path: `M ${x0},${y0} Q ${cx},${cy} ${x1},${y1}`, labelX: (x0 + 2 * cx + x1) / 4, labelY: (y0 + 2 * cy + y1) / 4 };
}
