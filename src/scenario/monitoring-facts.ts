/**
 * The burn-rate windows an SLO alert uses when its file names none: the SRE workbook's pairs
 * (ch. 5, table 5-8's first two: 2 % of a 30-day budget in 1 h, 5 % in 6 h). Zod-free, so the
 * inspector's page can say what they are; monitoring.ts applies them.
 */
export const DEFAULT_BURN_WINDOWS = [
  { long: '1h', short: '5m', factor: 14.4 },
  { long: '6h', short: '30m', factor: 6 },
] as const;
