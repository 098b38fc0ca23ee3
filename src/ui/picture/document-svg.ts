/**
 * A scenario drawing as an SVG string: a card per node (label, id and kind), a curve per link.
 * Pure (no DOM), so the library preview, the exports and the tests share it. Positions are the
 * canvas's top-left corners; a document without them is laid out first (layoutDocument).
 */
import type { ScenarioDocument } from '../../store/graph/document.ts';
import { LAYOUT_NODE_WIDTH_PX, layoutNodeHeightPx, type FlowDirection } from '../../store/graph/auto-layout.ts';
import { LIGHT_COLOURS, type PictureColours } from './picture-colours.ts';
import { clip, escapeXml } from './svg-text.ts';

export interface PictureOptions {
  colours?: PictureColours;
  /** Health word by node id (from the live painter); absent nodes get a plain border. */
  health?: ReadonlyMap<string, string>;
  /** Draw labels (false for thumbnails too small to read). */
  labels?: boolean;
  /** The picture's accessible title. */
  title?: string;
  /** A word under every card's name, such as the embed's still picture's "idle" (labels only). */
  stateWord?: string;
  /**
   * Text set this much larger in picture units (≥ 1), so a picture shown zoomed out stays
   * legible (the canvas's semantic zoom); from 1.5 a card shows its name and state word only.
   */
  textScale?: number;
  /** The name each card shows instead of its label (the canvas's distinct short names); the title keeps the label. */
  names?: ReadonlyMap<string, string>;
  /** Which way links run: side to side (default) or, for a portrait embed's top-to-bottom layout, bottom edge to top edge. */
  direction?: FlowDirection;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room around the cards inside the picture's view box. */
export const PICTURE_MARGIN_PX = 24;
const MARGIN_PX = PICTURE_MARGIN_PX;
const LABEL_CHARS = 24;

function boxes(document: ScenarioDocument): Map<string, Box> {
  const placed = new Map<string, Box>();
  for (const node of document.nodes) {
    const p = node.position;
    const x = p && Number.isFinite(p.x) ? p.x : 0;
    const y = p && Number.isFinite(p.y) ? p.y : 0;
    placed.set(node.id, { x, y, width: LAYOUT_NODE_WIDTH_PX, height: layoutNodeHeightPx(node) });
  }
  return placed;
}

function bounds(placed: Iterable<Box>): Box {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const b of placed) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 1, height: 1 };
  return { x: minX - MARGIN_PX, y: minY - MARGIN_PX, width: maxX - minX + 2 * MARGIN_PX, height: maxY - minY + 2 * MARGIN_PX };
}

const n = (value: number) => String(Math.round(value * 10) / 10);

/** Bottom of `from` to top of `to`: a top-to-bottom layout, as the canvas's handles are then placed. */
function downLinkPath(from: Box, to: Box): string {
  const x1 = from.x + from.width / 2, y1 = from.y + from.height;
  const x2 = to.x + to.width / 2, y2 = to.y;
  const bend = Math.max(40, Math.abs(y2 - y1) / 2);
  return `M${n(x1)} ${n(y1)} C${n(x1)} ${n(y1 + bend)} ${n(x2)} ${n(y2 - bend)} ${n(x2)} ${n(y2)}`;
}

/** Right side of `from` to left side of `to` (requests travel left to right); a loop-back bends below. */
function linkPath(from: Box, to: Box): string {
  const x1 = from.x + from.width, y1 = from.y + from.height / 2;
  const x2 = to.x, y2 = to.y + to.height / 2;
  const bend = Math.max(40, Math.abs(x2 - x1) / 2);
  return `M${n(x1)} ${n(y1)} C${n(x1 + bend)} ${n(y1)} ${n(x2 - bend)} ${n(y2)} ${n(x2)} ${n(y2)}`;
}

function nodeCard(node: ScenarioDocument['nodes'][number], box: Box, colours: PictureColours, options: PictureOptions): string {
  const health = options.health?.get(node.id);
  const stroke = (health !== undefined && colours.health[health]) || colours.border;
  const label = typeof node.label === 'string' && node.label !== '' ? node.label : node.id;
  const parts = [
    `<g class="fl-picture-node" data-id="${escapeXml(node.id)}">`,
    `<title>${escapeXml(label)}</title>`, // the whole label, where the card shows it clipped
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${box.width}" height="${box.height}" rx="8" fill="${colours.card}" stroke="${stroke}" stroke-width="${health ? 3 : 1.5}"/>`,
  ];
  if (options.labels !== false) parts.push(...cardText(node, box, label, colours, options));
  parts.push('</g>');
  return parts.join('');
}

/** Past this text scale a card has room for its name and state word only. */
const NAME_ONLY_SCALE = 1.5;

function cardText(node: ScenarioDocument['nodes'][number], box: Box, label: string, colours: PictureColours, options: PictureOptions): string[] {
  const scale = Math.max(1, options.textScale ?? 1);
  const textX = n(box.x + 12);
  const name = options.names?.get(node.id) ?? label;
  const lines = [`<text x="${textX}" y="${n(box.y + 8 + 18 * scale)}" font-size="${n(15 * scale)}" font-weight="600" fill="${colours.text}">${escapeXml(clip(name, Math.max(4, Math.floor(LABEL_CHARS / scale))))}</text>`];
  let y = box.y + 8 + 18 * scale;
  if (scale < NAME_ONLY_SCALE) {
    y += 22 * scale;
    lines.push(`<text x="${textX}" y="${n(y)}" font-size="${n(12 * scale)}" fill="${colours.muted}">${escapeXml(clip(`${node.kind} · ${node.id}`, LABEL_CHARS + 6))}</text>`);
  }
  if (options.stateWord) {
    y += 22 * scale;
    lines.push(`<text class="fl-picture-state" x="${textX}" y="${n(y)}" font-size="${n(12 * scale)}" font-weight="700" letter-spacing="0.5" fill="${colours.muted}">${escapeXml(options.stateWord.toUpperCase())}</text>`);
  }
  return lines;
}

export function documentToSvg(document: ScenarioDocument, options: PictureOptions = {}): string {
  const colours = options.colours ?? LIGHT_COLOURS;
  const placed = boxes(document);
  const view = bounds(placed.values());
  const links = document.links.flatMap((link) => {
    const from = placed.get(link.from), to = placed.get(link.to);
    if (!from || !to || link.from === link.to) return [];
    return [`<path class="fl-picture-link" data-id="${escapeXml(link.id)}" d="${options.direction === 'down' ? downLinkPath(from, to) : linkPath(from, to)}" fill="none" stroke="${colours.link}" stroke-width="2" marker-end="url(#fl-arrow)"/>`];
  });
  const nodes = document.nodes.map((node) => nodeCard(node, placed.get(node.id)!, colours, options));
  const title = escapeXml(options.title ?? (typeof document.name === 'string' ? document.name : 'Scenario'));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n(view.x)} ${n(view.y)} ${n(view.width)} ${n(view.height)}" width="${Math.ceil(view.width)}" height="${Math.ceil(view.height)}" font-family="system-ui, sans-serif" role="img">`,
    `<title>${title}</title>`,
    `<defs><marker id="fl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="${colours.link}"/></marker></defs>`,
    `<rect x="${n(view.x)}" y="${n(view.y)}" width="${n(view.width)}" height="${n(view.height)}" fill="${colours.background}"/>`,
    ...links,
    ...nodes,
    '</svg>',
  ].join('\n');
}
