/**
 * Durations: a number of milliseconds, or a string with a unit ("250ms", "1.5s", "30s", "5m",
 * "12h", "2d"). "0" is the only string that may leave the unit out: "100" could mean ms or s.
 */
import { leaf, reject } from './fields.ts';
import { describeValue } from './errors.ts';

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

const DURATION_EXPECTED = 'a duration (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';

export interface DurationBounds {
  /** Smallest allowed, in ms (inclusive). */
  minMs?: number;
  /** 0 is not allowed (a timeout of 0 would fail every attempt). */
  positive?: boolean;
  maxMs?: number;
  maxIsLimit?: boolean;
  /** For an optional field that means "none" when left out: what leaving it out means, for the null hint. */
  absentMeans?: string;
  description?: string;
}

/** The editor schema's definition of a duration; fields refer to it by `DURATION_REF`. */
export const DURATION_JSON = {
  anyOf: [
    { type: 'number', minimum: 0, description: 'Milliseconds.' },
    { type: 'string', pattern: DURATION_PATTERN.source, description: 'A number and a unit: ms, s, m, h or d ("250ms", "1.5s", "5m").' },
  ],
} as const;

/** A reference to a definition, with a description beside it (draft-07 ignores siblings of $ref). */
export function definitionRef(name: string, description?: string): Record<string, unknown> {
  const ref = { $ref: `#/definitions/${name}` };
  return description === undefined ? ref : { allOf: [ref], description };
}

export function durationField(bounds: DurationBounds = {}) {
  const { minMs = 0, positive = false, maxMs, maxIsLimit = false, absentMeans, description } = bounds;
  const expected = positive
    ? DURATION_EXPECTED.replace('a duration', 'a duration > 0')
    : minMs > 0
      ? DURATION_EXPECTED.replace('a duration', `a duration ≥ ${formatDuration(minMs)}`)
      : DURATION_EXPECTED;
  return leaf({
    expected,
    json: definitionRef('duration', description),
    read: (value) => {
      if (value === null && absentMeans !== undefined) {
        return reject(`expected ${expected}, got null (leave the field out for ${absentMeans})`);
      }
      const ms = parseDuration(value);
      if (ms === null || ms < minMs || (positive && ms === 0)) return reject();
      if (maxMs !== undefined && ms > maxMs) {
        const note = maxIsLimit ? ' (a Faultline limit)' : '';
        return reject(`expected at most ${formatDuration(maxMs)}${note}, got ${describeValue(value)}`);
      }
      return ms;
    },
  });
}
