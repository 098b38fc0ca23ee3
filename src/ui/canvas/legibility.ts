/**
 * Semantic zoom, as a rule (README.md § semantic zoom): no text inside a node or on a link is
 * drawn smaller on screen than a target (11 px; 16 px in present mode, for a room). Text is never
 * shrunk below it: as the view zooms out, the card's text is set larger in flow units (the
 * canvas's `--fl-text-scale`) so that font size × zoom stays at or above the target, and the
 * rows that no longer fit the card are hidden (a lower tier) — a card shows what fits.
 *
 * Pure: tested in Node (tests/ui/legibility.test.ts).
 */

/** On-screen text size, px: the least anyone reads a node's text at (editor, embed, phone). */
export const MIN_TEXT_PX = 11;
/** In present mode: read from the back of a room. */
export const PRESENT_TEXT_PX = 16;
/** The smallest font size a card or link is designed with at text scale 1 (canvas.css: the health word). */
export const SMALLEST_DESIGN_PX = 11;

/**
 * What a card shows, from most to least:
 * - full: every row (settings summary, queue, workers, drops, p99, the whole token badge);
 * - medium: name, state word, the one most telling number, the queue bar, the token state and
 *   which key on what share of replicas, the keys a key set publishes, the signing key;
 * - compact: name (two lines at most, cut so that names differ), state word and the one number
 *   (or the struck key);
 * - tiny: the same with one line of name (a phone's fit of a wide graph: rows of cards are close),
 *   the number only on a taller card;
 * - overview: no text at all (colours, bars and widths), where even the compact card's few
 *   words could not be set large enough to fit it.
 */
export type DetailTier = 'full' | 'medium' | 'compact' | 'tiny' | 'overview';

/**
 * The largest text scale at which each tier's rows still fit a card. full and medium: across a
 * 190 px card (measured on the built-ins' cards). compact and tiny: also down it — a small card's
 * lines (CARD_LINES) must fit the layout's row pitch, the card's footprint and the gap under it
 * (tests/ui/legibility.test.ts checks these against auto-layout's footprints), or a card would
 * cover the one below it.
 */
const TIER_MAX_SCALE: readonly [DetailTier, number][] = [
  ['full', 1.15],
  ['medium', 1.9],
  ['compact', 3],
  ['tiny', 4.5],
];

/**
 * How a small card is set (semantic-zoom.css): lines of `linePx` designed px, a frame (padding
 * and borders, top and bottom) of `framePx` flow px; at least `minGapPx` flow px kept between two
 * cards. Per tier and card, its lines of text at most: compact — two of name, the state line, a
 * validator's number, a key set's or identity's keys; tiny — one of name, the state line, a
 * validator's number, the keys.
 */
export const CARD_LINES = {
  linePx: 13,
  framePx: 11,
  minGapPx: 4,
  /** A validator's token badge, a bar of fixed height at these tiers (and its margin), flow px. */
  tokenBarPx: 14,
  lines: {
    compact: { plain: 3, keys: 4, validator: 4 },
    tiny: { plain: 2, keys: 3, validator: 3 },
  },
} as const;

/** Zoom steps per doubling: the scale changes (and the cards re-lay-out) only when a step is crossed. */
const STEPS_PER_OCTAVE = 8;

/** The zoom rounded down to its step: a text scale worked out from it holds anywhere in the step. */
export function zoomStep(zoom: number): number {
  if (!(zoom > 0) || !Number.isFinite(zoom)) return 1;
  // the small nudge keeps a zoom exactly on a step (fit view at 1) from falling to the one below
  return 2 ** (Math.floor(Math.log2(zoom) * STEPS_PER_OCTAVE + 1e-9) / STEPS_PER_OCTAVE);
}

/**
 * How much larger than designed the canvas's text is set at this zoom step: enough that the
 * smallest designed text × scale × zoom ≥ target for every zoom in the step; never below 1.
 * Rounded up at the third decimal, as written into CSS.
 */
export function textScale(step: number, targetPx: number): number {
  const needed = targetPx / (SMALLEST_DESIGN_PX * step);
  return Math.max(1, Math.ceil(needed * 1000) / 1000);
}

export function detailTier(scale: number): DetailTier {
  for (const [tier, max] of TIER_MAX_SCALE) if (scale <= max) return tier;
  return 'overview';
}

/**
 * The least zoom at which text is set *above* cards (the big-graph overlay's state line): where
 * the cards still show more than their name (the medium tier), so lines do not pile up.
 */
export function textMinZoom(targetPx: number): number {
  const mediumMaxScale = TIER_MAX_SCALE.find(([tier]) => tier === 'medium')![1];
  const least = targetPx / (SMALLEST_DESIGN_PX * mediumMaxScale);
  // up to the step it falls in: the DOM cards' tier changes only at steps
  return 2 ** (Math.ceil(Math.log2(least) * STEPS_PER_OCTAVE - 1e-9) / STEPS_PER_OCTAVE);
}

export interface Legibility {
  tier: DetailTier;
  scale: number;
}

export function legibilityAt(zoom: number, targetPx: number): Legibility {
  const scale = textScale(zoomStep(zoom), targetPx);
  return { tier: detailTier(scale), scale };
}
