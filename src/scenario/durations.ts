/**
 * Durations: a number of milliseconds, or a string with a unit ("250ms", "1.5s", "30s", "5m",
 * "12h", "2d"). "0" is the only string that may leave the unit out: "100" could mean ms or s.
 */
import { leaf, reject } from './fields.ts';
import { describeValue } from './errors.ts';
import { DURATION_PATTERN, formatDuration, parseDuration } from './duration-text.ts';

export { DURATION_PATTERN, DURATION_UNITS_MS, formatDuration, parseDuration } from './duration-text.ts';

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
