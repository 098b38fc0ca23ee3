/**
 * A small card's name, set so that no word is ever broken across lines (semantic zoom: a card
 * 70 px wide on screen holds about eight letters a line, and the browser's `overflow-wrap`
 * broke "Published" into "Publishe / d"). Every word is made to fit one line: a word the line
 * cannot hold is cut at its end with "…" ("Publish…"), after first dropping a leading "…" that
 * only marks shared words left out (distinct-labels.ts). The browser then wraps at spaces and
 * hyphens only, and the line clamp's "…" marks words past the last line. The full name stays the
 * label's hover title and the node's accessible name (flow-elements.ts).
 *
 * Pure (the measure is passed in): tested in Node (tests/ui/fit-label.test.ts).
 */
import type { DetailTier } from '../legibility.ts';

/**
 * Where a small card's name is set, per tier: its designed font size and the width of its line
 * in flow px. They mirror semantic-zoom.css (label font size; the card's 190 px less its borders,
 * 7 + 2 px or 8 + 2 px in token trouble, and padding; in the tiny tier the head's 40 px on each
 * side); tests/e2e/legibility.e2e.ts fails if a word is broken, so the two cannot drift apart.
 */
export const LABEL_LINE: Partial<Record<DetailTier, { fontPx: number; widthPx: number }>> = {
  medium: { fontPx: 13, widthPx: 190 - 10 - 16 },
  compact: { fontPx: 11, widthPx: 190 - 10 - 8 },
  tiny: { fontPx: 11, widthPx: 190 - 10 - 8 + 80 - 4 },
};

/** The state word's designed size in the small tiers (semantic-zoom.css .fl-node__health), and its icon's width (canvas.css) and gap, in ems. */
const STATE_WORD_PX = 11;
const STATE_ICON_EM = 1.15 + 0.4;

/**
 * Whether the longest state word ("key missing", with its icon) fits a small card's line at this
 * tier and text scale. Where it does not, cards show a state word's last word ("missing"; the
 * key set's keys under it show which), never a word past the card's edge.
 */
export function stateWordsFit(tier: DetailTier, textScale: number, longest: string, widthEm: WidthEm): boolean {
  const line = LABEL_LINE[tier];
  if (!line) return true;
  return widthEm(longest) + STATE_ICON_EM <= (line.widthPx * SLACK) / (STATE_WORD_PX * textScale);
}

/** Room left for the difference between measuring on a canvas and setting text in the page. */
const SLACK = 0.97;
const ELLIPSIS = '…';
/** distinct-labels.ts joins its leading ellipsis to the first kept word with a word joiner. */
const LEADING_CUT = /^…\u2060/;

/** The width of a string in ems of the label's font (bold). */
export type WidthEm = (text: string) => number;

/** The line's width in ems of the label's font at this tier and text scale; null where names are set whole (full, overview). */
export function labelLineEm(tier: DetailTier, textScale: number): number | null {
  const line = LABEL_LINE[tier];
  return line ? (line.widthPx * SLACK) / (line.fontPx * textScale) : null;
}

/** The piece of a word that fits a line, cut at its end with "…"; the ellipsis alone if nothing fits. */
function cutToFit(piece: string, lineEm: number, widthEm: WidthEm): string {
  const chars = [...piece];
  for (let n = chars.length - 1; n > 0; n--) {
    const cut = chars.slice(0, n).join('') + ELLIPSIS;
    if (widthEm(cut) <= lineEm) return cut;
  }
  return ELLIPSIS;
}

/**
 * `text` with every word fitting a line of `lineEm`. A word is cut where the browser may break
 * it (after a hyphen: "dynamics-" / "like" are two pieces); a piece too wide is cut, and the
 * rest of that word dropped (a line of "…like" after "Publish…" would say nothing).
 */
export function fitWords(text: string, lineEm: number, widthEm: WidthEm): string {
  const words = text.split(' ').filter((w) => w !== '');
  return words
    .map((word, i) => {
      const pieces = word.match(/[^-]+-?|-/g) ?? [word];
      // the mark gives way when the word would not fit a line with it (it would wrap or be cut)
      if (i === 0 && LEADING_CUT.test(word) && widthEm(word) > lineEm) pieces[0] = pieces[0].replace(LEADING_CUT, '');
      const kept: string[] = [];
      for (const piece of pieces) {
        if (widthEm(piece) <= lineEm) {
          kept.push(piece);
          continue;
        }
        kept.push(cutToFit(piece, lineEm, widthEm));
        break;
      }
      return kept.join('');
    })
    .join(' ');
}

/**
 * fitWords, then at most `maxLines` lines as the browser fills them (greedily, breaking at
 * spaces and after hyphens): a name longer than that ends at the last whole word that fits,
 * with "…" ("People signing…", where the line clamp would have cut "People signing i…").
 */
export function fitLabel(text: string, lineEm: number, widthEm: WidthEm, maxLines = 2): string {
  // a piece of a word, and whether a space comes before it (none after a hyphen within a word)
  type Unit = { piece: string; spaced: boolean };
  const units: Unit[] = fitWords(text, lineEm, widthEm)
    .split(' ')
    .flatMap((word) => (word.match(/[^-]+-?|-/g) ?? [word]).map((piece, i) => ({ piece, spaced: i === 0 })));
  const join = (line: readonly Unit[]) => line.map((u, i) => (i > 0 && u.spaced ? ' ' : '') + u.piece).join('');
  const lines: Unit[][] = [[]];
  for (const unit of units) {
    const line = lines[lines.length - 1];
    if (line.length === 0 || widthEm(join([...line, unit])) <= lineEm) {
      line.push(unit);
      continue;
    }
    if (lines.length === maxLines) {
      // the name goes on past the last line: end it at a whole piece and "…"
      const first = line[0];
      // ...and not at a word's first half ("re-…"): its hyphen said the word goes on
      while (line.length > 0 && (widthEm(join(line) + ELLIPSIS) > lineEm || line[line.length - 1].piece.endsWith('-'))) line.pop();
      // a line left empty keeps what fits of its first word, rather than wasting the line
      if (line.length === 0) return join([...lines.slice(0, -1).flat(), { ...first, piece: cutToFit(first.piece, lineEm, widthEm) }]);
      return join([...lines.slice(0, -1).flat(), ...line]) + ELLIPSIS;
    }
    lines.push([unit]);
  }
  // the lines run on as the text they came from: a space where the name had one, none after a hyphen
  return join(lines.flat());
}

const widths = new Map<string, number>();
let context: CanvasRenderingContext2D | null | undefined;

/** Measures in the page's font (the canvas cards' bold label), once per string. */
export function pageWidthEm(text: string): number {
  const known = widths.get(text);
  if (known !== undefined) return known;
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    if (context) context.font = `700 100px ${getComputedStyle(document.documentElement).fontFamily}`;
  }
  // without a canvas (tests in Node): a wide letter each, so nothing is assumed to fit that may not
  const em = context ? context.measureText(text).width / 100 : [...text].length * 0.75;
  widths.set(text, em);
  return em;
}
