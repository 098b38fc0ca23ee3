/**
 * A link on the canvas. Static parts (path, arrow, parallel-link tag, problems) come from the
 * document; the live parts — state colours, the moving dash whose width and speed follow the
 * rate, the buffer/drops/loss text — are written by the painter into `[data-live]` elements.
 * Label offsets are in em: the text grows as the view zooms out (semantic zoom), its gap with it.
 */
import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo, useRef } from 'react';
import type { CanvasEdge } from '../canvas-types.ts';
import { linkShape } from './link-geometry.ts';
import { useLiveLink } from './use-live-link.ts';
import { BELL_PATH } from '../BellGlyph.tsx';
import { useTextScale } from '../use-legibility.ts';
import { useFlowDirection } from '../flow-direction.ts';
import type { FlowDirection } from '../../../store/graph/auto-layout.ts';

/** The bell's drawing is 20 px across; on a link it is set at 15 px × the text scale. */
const BELL_SCALE = 0.75;
const BELL_SIZE_PX = 20 * BELL_SCALE;

function parallelTag(link: CanvasEdge['data'] & object): string {
  const l = link.link;
  if (l.routing === 'spread') return `w${typeof l.weight === 'number' ? l.weight : 1}`;
  return `p${typeof l.priority === 'number' ? l.priority : 0}`;
}

/** The links' text size at text scale 1 (canvas.css .fl-link__stats), flow px. */
const LINK_TEXT_PX = 12;
/** Between a label moved to a link's end and the card's edge, in the text's size. */
const END_GAP_EM = 0.5;

/**
 * Where a link's numbers are written: at its middle, or — for a steep single link whose source
 * fans out or whose target gathers in (flow-elements.ts labelAnchors) — ending just before the
 * target's edge or starting just after the source's, at the middle's height, so a label wider
 * than the gap between columns stays clear of the cards stacked in the crowded column. A link
 * that is not steep (rising less than three lines of its text) keeps its middle: moved along it,
 * the label would sit beside the card at its end.
 */
/** Top to bottom, one parallel link's label under the other's: its two lines (0.67em over, 1.42em under its y), and between them the line of the links' tags ("w1", at the middle). */
const PARALLEL_LABEL_EM = 4.4;
/** Top to bottom, between a label's lower line and the target's top: room for the arrow head (14 px). */
const ABOVE_TARGET_PX = 16;

/**
 * Top to bottom (a portrait embed, flow-direction.ts) a single link's numbers sit centred just above
 * the card it enters: in a fan-out the links' middles crowd together under the source, and a link
 * into a folded row's second line passes behind the first line's cards at its middle. Into a card
 * gathering links in (labelAnchor 'start'), they sit just under the card it leaves instead.
 */
function textAt(ends: { sourceX: number; sourceY: number; targetX: number; targetY: number }, anchor: 'start' | 'middle' | 'end', parallelIndex: number, parallelCount: number, label: { x: number; y: number }, textScale: number, direction: FlowDirection): { x: number; y: number; anchor: 'start' | 'middle' | 'end' } {
  const fontPx = LINK_TEXT_PX * Math.max(1, textScale);
  if (direction === 'down') {
    if (parallelCount > 1) {
      // parallel links bow apart sideways here, by less than a label is wide: their numbers are
      // stacked one label (two lines) under another, in link order, centred on the bundle (on
      // their halo; the layout leaves such a pair two rank gaps apart for them)
      const middleY = (ends.sourceY + ends.targetY) / 2;
      return { x: (ends.sourceX + ends.targetX) / 2, y: middleY + (parallelIndex - (parallelCount - 1) / 2) * PARALLEL_LABEL_EM * fontPx, anchor: 'middle' };
    }
    // the upper line (numbers) has its baseline 0.67em over y, its top about 1.67em over it
    if (anchor === 'start') return { x: ends.sourceX, y: ends.sourceY + ABOVE_TARGET_PX + 1.67 * fontPx, anchor: 'middle' };
    // the lower line (condition) has its baseline 1.42em under y: keep it clear of the arrow
    return { x: ends.targetX, y: ends.targetY - ABOVE_TARGET_PX - 1.42 * fontPx, anchor: 'middle' };
  }
  const labelX = label.x;
  const labelY = label.y;
  const steep = Math.abs(ends.targetY - ends.sourceY) >= 3 * fontPx && ends.targetX > ends.sourceX;
  if (anchor === 'middle' || parallelCount > 1 || !steep) return { x: labelX, y: labelY, anchor: 'middle' };
  return anchor === 'end' ? { x: ends.targetX - END_GAP_EM * fontPx, y: labelY, anchor: 'end' } : { x: ends.sourceX + END_GAP_EM * fontPx, y: labelY, anchor: 'start' };
}

export const LinkEdge = memo(function LinkEdge(props: EdgeProps<CanvasEdge>) {
  const { id, data, selected, markerEnd } = props;
  const group = useRef<SVGGElement>(null);
  useLiveLink(id, group);
  const index = data?.parallelIndex ?? 0;
  const count = data?.parallelCount ?? 1;
  // Offsets are taken in the pair's canonical direction (lower id first) so a→b and b→a part.
  const flip = data ? data.link.from > data.link.to : false;
  const textScale = useTextScale();
  const { path, labelX, labelY } = linkShape(props, index, count, flip, textScale);
  const direction = useFlowDirection((s) => s.direction);
  const text = textAt(props, data?.labelAnchor ?? 'middle', index, count, { x: labelX, y: labelY }, textScale, direction);
  const invalid = data?.issues?.some((i) => i.severity === 'error');
  return (
    <g ref={group} className="fl-link" data-live="state" data-health="idle" data-selected={selected || undefined} data-invalid={invalid || undefined}>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className="fl-link__base" interactionWidth={18} />
      <path className="fl-link__flow" d={path} data-live="flow" />
      <text className="fl-link__stats" x={text.x} y={text.y} dy="-0.67em" textAnchor={text.anchor} data-live="stats" />
      <text className="fl-link__condition" x={text.x} y={text.y} dy="1.42em" textAnchor={text.anchor} data-live="condition" />
      {/* on the link's midpoint, between its numbers above and its condition below, as much larger as their text */}
      <g className="fl-link__bell" transform={`translate(${labelX - BELL_SIZE_PX * textScale / 2} ${labelY - BELL_SIZE_PX * textScale / 2}) scale(${BELL_SCALE * textScale})`} data-live="alert-bell" role="img">
        <circle cx="10" cy="10" r="11" />
        <path d={BELL_PATH} transform="translate(-2 -2)" />
      </g>
      {count > 1 && data && (
        <text className="fl-link__tag" x={labelX} y={labelY} dx="1.45em" dy="0.36em" textAnchor="start">{parallelTag(data)}</text>
      )}
      {invalid && (
        <text className="fl-link__problem" x={labelX} y={labelY} dy="2.58em" textAnchor="middle">
          <title>{data?.issues?.map((i) => `${i.field}: ${i.message}`).join('\n')}</title>! invalid
        </text>
      )}
    </g>
  );
});
