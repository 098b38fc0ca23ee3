/**
 * The embed's first frame: its scenario as a still picture — each node's name, kind and id and
 * the state word "idle" — drawn before React, React Flow, the stores or the simulation worker
 * have loaded (docs/embedding.md, "First frame"). It needs only the light shape check the canvas
 * uses (readEditableDocument: no zod, no scenario parser — the worker validates) and the
 * canvas's own layout, so the cards sit where the live canvas will put them. The live embed
 * (start-live-embed.tsx) takes it down once its canvas shows.
 */
import type { FlowDirection } from '../../store/graph/auto-layout.ts';
import { readEditableDocument, type ScenarioDocument } from '../../store/graph/document.ts';
import { frameLayouts, layoutForFrame, type Box, type FrameLayouts } from '../../store/graph/frame-layout.ts';
import { MIN_TEXT_PX } from '../canvas/legibility.ts';
import { distinctLabelsOf } from '../canvas/nodes/distinct-labels.ts';
import { documentToSvg, PICTURE_MARGIN_PX } from '../picture/document-svg.ts';
import { LIGHT_COLOURS, themeColours, type PictureColours } from '../picture/picture-colours.ts';

/** The word on every card until the run's first frame paints the real state. */
export const STILL_STATE_WORD = 'idle';
/** Past this many nodes a picture at embed size is unreadable and its layout costs time: none is drawn. */
export const STILL_MAX_NODES = 400;
/** React Flow's fit in EmbedCanvas.tsx: 14 px margins (54 px on the left beside zoom buttons), zoom ≤ 1.1. */
const FIT_MARGIN_PX = 14;
const ZOOM_BUTTONS_MARGIN_PX = 54;
const FIT_MAX_ZOOM = 1.1;

/** The picture's smallest text is 12 units (kind line, state word); a card has room for text up to this scale. */
const SMALLEST_TEXT_UNITS = 12;
const MAX_TEXT_SCALE = 2.1;
/** From this scale cards show the distinct short names, as the canvas's small cards do. */
const SHORT_NAMES_SCALE = 1.5;

/** How much larger the picture's text is set at this zoom so it reads at ≥ MIN_TEXT_PX on screen, as far as a card has room. */
export function stillTextScale(zoom: number): number {
  return Math.min(MAX_TEXT_SCALE, Math.max(1, MIN_TEXT_PX / (SMALLEST_TEXT_UNITS * zoom)));
}

export interface StillPictureOptions {
  title: string;
  colours?: PictureColours;
  /** From stillTextScale; 1 by default. */
  textScale?: number;
}

/**
 * A raw scenario document as the canvas will show it — shape-checked and laid out — or null when
 * the canvas could not draw it or it is too big for a picture. The live stage hands the laid-out
 * document to the canvas, so the layout runs once.
 */
export function readStillDocument(value: unknown): ScenarioDocument | null {
  return readStillLayouts(value)?.across ?? null;
}

/** Both of a raw document's layouts (frame-layout.ts), or null as readStillDocument. */
export function readStillLayouts(value: unknown): FrameLayouts | null {
  const read = readEditableDocument(value);
  if (!read.ok || read.document.nodes.length === 0 || read.document.nodes.length > STILL_MAX_NODES) return null;
  return frameLayouts(read.document);
}

/** The still picture's SVG for a laid-out document. */
export function drawStill(laidOut: ScenarioDocument, { title, colours = LIGHT_COLOURS, textScale = 1 }: StillPictureOptions, direction: FlowDirection = 'across'): string {
  const names = textScale >= SHORT_NAMES_SCALE ? distinctLabelsOf(laidOut.nodes) : undefined;
  return documentToSvg(laidOut, { colours, title, stateWord: STILL_STATE_WORD, textScale, names, direction });
}

/** The still picture's SVG for a raw scenario document, or null when it is not one the canvas could draw. */
export function stillPictureSvg(value: unknown, options: StillPictureOptions): string | null {
  const laidOut = readStillDocument(value);
  return laidOut === null ? null : drawStill(laidOut, options);
}

/** What the live stage shows around its canvas, from the embed's parameters. */
export interface LiveChrome {
  /** The story's caption (`caption=on`). */
  caption: boolean;
  /** Any controls (`controls` other than none): zoom buttons on the canvas, and a row of buttons. */
  controls: boolean;
}

/**
 * The live canvas's box for a picture's canvas `box`: shorter by what the live stage adds where
 * the picture has one status line — the story's caption (its title may wrap) and, in a narrow
 * frame, a second row for the controls. Measured on the built-ins at 360–700 px wide: 48–122 px
 * with the caption and controls, 38–79 without controls, 23–38 without the caption
 * (docs/embedding.md, "A portrait frame"). An estimate: the live canvas keeps the picture's layout
 * unless its own room draws another clearly larger (frame-layout.ts, KEEP_SHOWN_UNDER_GAIN).
 */
export function liveRoomEstimate(box: Box, chrome: LiveChrome): Box {
  const shorterPx = chrome.caption ? (chrome.controls ? 85 : 60) : 30;
  return { width: box.width, height: Math.max(1, box.height - shorterPx) };
}

const leftMarginPx = (zoomButtons: boolean) => (zoomButtons ? ZOOM_BUTTONS_MARGIN_PX : FIT_MARGIN_PX);

/** The room React Flow's fit has for the cards in an embed canvas of `box` (its margins taken off). */
export function fitRoom(box: Box, zoomButtons: boolean): Box {
  return { width: Math.max(1, box.width - FIT_MARGIN_PX - leftMarginPx(zoomButtons)), height: Math.max(1, box.height - 2 * FIT_MARGIN_PX) };
}

/**
 * The zoom React Flow's fit would choose for the cards of a picture whose view box is `view`
 * (the cards plus the picture's own margin) in a canvas of `box`.
 */
export function stillZoom(view: { width: number; height: number }, box: { width: number; height: number }, zoomButtons: boolean): number {
  const { width, height } = fitRoom(box, zoomButtons);
  const cards = { width: view.width - 2 * PICTURE_MARGIN_PX, height: view.height - 2 * PICTURE_MARGIN_PX };
  return Math.max(0.05, Math.min(FIT_MAX_ZOOM, width / cards.width, height / cards.height));
}

export interface StillPicture {
  readonly element: HTMLElement;
  /** The document checked and laid out both ways, for the live canvas, which shows it as the picture did. */
  readonly layouts: FrameLayouts;
  /** Which of them the picture shows now (FrameLayout.key): the live canvas keeps it unless another draws clearly larger. */
  shownKey(): string;
  remove(): void;
}

const make = <K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
};

/**
 * Lays the picture over the page in the embed's own frame (title bar, canvas, status line), so
 * the live embed can render under it and replace it in one step. Null when there is nothing to draw.
 */
export function showStillPicture(value: unknown, title: string, chrome: LiveChrome): StillPicture | null {
  const zoomButtons = chrome.controls;
  const layouts = readStillLayouts(value);
  if (layouts === null) return null;
  const colours = themeColours(getComputedStyle(document.documentElement));
  const frame = make('div', 'fl-embed fl-embed-still');
  frame.setAttribute('role', 'img');
  frame.setAttribute('aria-label', `${title}: the system, while the simulation loads`);
  frame.dataset.still = '';
  const head = make('div', 'fl-embed-head');
  head.append(make('span', 'fl-embed-title', title));
  const canvas = make('div', 'fl-embed-canvas fl-embed-still__canvas');
  canvas.style.paddingLeft = `${leftMarginPx(zoomButtons)}px`; // centred as the live fit centres it
  const foot = make('div', 'fl-embed-foot');
  foot.append(make('span', 'fl-embed-status', 'Starting the simulation…'));
  frame.append(head, canvas, foot);
  document.body.append(frame);

  let drawn = { scale: 0, key: '' };
  const fit = () => {
    const box = { width: canvas.clientWidth, height: canvas.clientHeight };
    // a portrait frame may show the graph top to bottom, as the live canvas will (frame-layout.ts)
    // the layout the live canvas will keep (it has less room: liveRoomEstimate), drawn in this box
    const { direction, document: laidOut, key } = layoutForFrame(layouts, fitRoom(liveRoomEstimate(box, chrome), zoomButtons), drawn.key === '' ? undefined : drawn.key);
    canvas.dataset.flow = direction; // as the live canvas marks its own (.fl-canvas[data-flow])
    let picture = canvas.querySelector('svg');
    if (picture === null || key !== drawn.key) {
      canvas.innerHTML = drawStill(laidOut, { title, colours }, direction); // every text in it is escaped by documentToSvg: labels are hostile input
      picture = canvas.querySelector('svg')!;
      drawn = { scale: 1, key };
    }
    const view = picture.viewBox.baseVal;
    const zoom = stillZoom(view, box, zoomButtons);
    const textScale = stillTextScale(zoom);
    if (textScale !== drawn.scale) {
      // zoomed out: the text drawn larger, so it stays legible (same layout, same view box)
      canvas.innerHTML = drawStill(laidOut, { title, colours, textScale }, direction);
      picture = canvas.querySelector('svg')!;
      drawn = { scale: textScale, key };
    }
    picture.setAttribute('width', String(Math.round(view.width * zoom)));
    picture.setAttribute('height', String(Math.round(view.height * zoom)));
  };
  fit();
  addEventListener('resize', fit);
  return {
    element: frame,
    layouts,
    shownKey: () => drawn.key,
    remove: () => {
      removeEventListener('resize', fit);
      frame.remove();
    },
  };
}
