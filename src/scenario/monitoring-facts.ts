/**
 * The burn-rate windows an SLO alert uses when its file names none: the SRE workbook's pairs
 * (ch. 5, table 5-8's first two: 2 % of a 30-day budget in 1 h, 5 % in 6 h). Zod-free, so the
 * inspector's page can say what they are; monitoring.ts applies them.
 */
export const DEFAULT_BURN_WINDOWS = [
  { long: '1h', short: '5m', factor: 14.4 },
  { long: '6h', short: '30m', factor: 6 },
] as const;

/**
 * The pair the inspector's "Add a pair" writes: the workbook's third row (10 % of the budget in
 * 3 days, burn rate 1; a ticket rather than a page), so a new pair is a sound one, not a blank.
 */
export const NEXT_BURN_WINDOW = { long: '3d', short: '6h', factor: 1 } as const;

/** At most this many pairs on one alert (the parser's limit; the inspector stops offering more). */
export const MAX_BURN_WINDOWS = 10;
