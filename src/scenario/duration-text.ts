/**
 * Durations as text, zod-free (durations.ts builds the format's fields on them): the units, the
 * pattern, reading and writing. Light readers (the canvas's card summaries, the sweep fields in
 * the embed's live stage) take them through light.ts without the parser.
 */
export const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** One optional space between number and unit ("30 s"); no sign, no exponent, no compound "1m30s". */
export const DURATION_PATTERN = /^(?:0|(\d+(?:\.\d+)?|\.\d+) ?(ms|s|m|h|d))$/;

/** Milliseconds, or null when `value` is not a duration. Never negative, never NaN or Infinity. */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value + 0 : null;
  if (typeof value !== 'string') return null;
  const match = DURATION_PATTERN.exec(value);
  if (match === null) return null;
  const [, amount, unit] = match;
  if (amount === undefined || unit === undefined) return 0;
  const ms = Number(amount) * DURATION_UNITS_MS[unit as keyof typeof DURATION_UNITS_MS];
  return Number.isFinite(ms) ? ms : null;
}

/** The shortest exact way to write `ms` in the file's own notation: 90000 → "1.5m", 250 → "250ms". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return String(ms);
  if (ms === 0) return '0';
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const amount = ms / DURATION_UNITS_MS[unit];
    if (amount >= 1 && Number.isInteger(amount * 1000)) return `${amount}${unit}`;
  }
  return `${ms}ms`;
}
