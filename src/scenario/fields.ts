/**
 * Building blocks for the schemas: `leaf` values that bring their own "expected …, got …"
 * message and JSON Schema, strict `fields` objects that name unknown fields, and bounded `list`s.
 *
 * Leaves are `z.unknown()` + a reader rather than zod's own unions and refinements because the
 * messages must say exactly what a field accepts ("a whole number ≥ 1 or \"unbounded\"") and zod's
 * union errors depend on which branch got furthest.
 */
import { z } from './zod.ts';
import { describeValue } from './errors.ts';
import { didYouMean } from './suggest.ts';

export type JsonSchemaFragment = Record<string, unknown>;

export class Rejection {
  constructor(readonly message?: string) {}
}

/** A leaf's reader returns this for a bad value; without a message it says "expected …, got …". */
export function reject(message?: string): Rejection {
  return new Rejection(message);
}

export interface LeafSpec<T> {
  /** Completes "expected …, got …". */
  expected: string;
  /** What editors see (docs/scenario.schema.json). */
  json: JsonSchemaFragment;
  read: (value: unknown) => T | Rejection;
}

export function leaf<T>({ expected, json, read }: LeafSpec<T>) {
  return z
    .unknown()
    .transform((value, ctx): T => {
      const result = value === undefined ? reject(`required field is missing; expected ${expected}`) : read(value);
      if (!(result instanceof Rejection)) return result;
      ctx.addIssue({ code: 'custom', message: result.message ?? `expected ${expected}, got ${describeValue(value)}` });
      return z.NEVER;
    })
    .meta(json);
}

/**
 * A strict object: every field not in `shape` is an error at its own path. `elsewhere` gives a
 * better message for names that are known but do not belong here (later features, another
 * fault action's arguments).
 */
export function fields<S extends z.ZodRawShape>(shape: S, elsewhere: Readonly<Record<string, string>> = {}) {
  const known = Object.keys(shape);
  const unknownField = z.custom<unknown>(() => false, {
    error: (issue) => {
      const key = String(issue.path?.at(-1) ?? '');
      if (Object.hasOwn(elsewhere, key)) return elsewhere[key];
      return `unknown field${didYouMean(key, known)}`;
    },
  });
  return z.object(shape).catchall(unknownField).meta({ additionalProperties: false });
}

export interface ListBounds {
  min?: number;
  max: number;
  /** Singular and plural, for messages: ["node", "nodes"]. */
  noun: readonly [string, string];
  /** Set when `max` is one of SCENARIO_LIMITS rather than part of the format. */
  isLimit?: boolean;
}

function countOf(n: number, [one, many]: readonly [string, string]): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A list whose length is checked before its items are, so a hostile file with a million items
 * gets one message instead of a million.
 */
export function list<T extends z.ZodType>(item: T, bounds: ListBounds) {
  const { min = 0, max, noun, isLimit = false } = bounds;
  return z.preprocess((value, ctx) => {
    if (value === undefined || !Array.isArray(value)) {
      const message =
        value === undefined
          ? `required field is missing; expected a list of ${noun[1]}`
          : `expected a list of ${noun[1]}, got ${describeValue(value)}`;
      ctx.addIssue({ code: 'custom', message });
    } else if (value.length < min) {
      ctx.addIssue({ code: 'custom', message: `expected at least ${countOf(min, noun)}, got ${describeValue(value)}` });
    } else if (value.length > max) {
      const limit = isLimit ? ' (a Faultline limit)' : '';
      ctx.addIssue({ code: 'custom', message: `expected at most ${countOf(max, noun)}${limit}, got ${value.length}` });
    }
    return value;
  }, z.array(item).min(min).max(max));
}
