/** Scalar fields shared by several parts of the format: numbers, names, ids, choices. */
import { leaf, reject, type JsonSchemaFragment, type Rejection } from './fields.ts';
import { describeValue, quote } from './errors.ts';
import { didYouMean } from './suggest.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { ID_PATTERN } from './id-pattern.ts';

const LIMIT_NOTE = '(a Faultline limit)';

export interface NumberBounds {
  min?: number;
  /** When true, `min` itself is not allowed (a rate must be > 0). */
  minExclusive?: boolean;
  max?: number;
  /** Set when `max` is one of SCENARIO_LIMITS rather than part of the format. */
  maxIsLimit?: boolean;
  description?: string;
}

function boundsText({ min, minExclusive, max, maxIsLimit }: NumberBounds): string {
  const upper = max !== undefined && !maxIsLimit ? max : undefined; // a limit is named only when exceeded
  if (min !== undefined && upper !== undefined && !minExclusive) return ` from ${min} to ${upper}`;
  const parts: string[] = [];
  if (min !== undefined) parts.push(minExclusive ? `> ${min}` : `≥ ${min}`);
  if (upper !== undefined) parts.push(`≤ ${upper}`);
  return parts.length === 0 ? '' : ` ${parts.join(' and ')}`;
}

function boundsJson({ min, minExclusive, max, description }: NumberBounds): JsonSchemaFragment {
  const json: JsonSchemaFragment = {};
  if (min !== undefined) json[minExclusive ? 'exclusiveMinimum' : 'minimum'] = min;
  if (max !== undefined) json.maximum = max;
  if (description !== undefined) json.description = description;
  return json;
}

/** undefined when within `max`; else the rejection: the default message, or one naming the limit. */
function tooBig(value: number, bounds: NumberBounds, suffix = ''): Rejection | undefined {
  if (bounds.max === undefined || value <= bounds.max) return undefined;
  return bounds.maxIsLimit ? reject(`expected at most ${bounds.max} ${LIMIT_NOTE}, got ${value}${suffix}`) : reject();
}

function withinMin(value: number, { min, minExclusive }: NumberBounds): boolean {
  return min === undefined || (minExclusive ? value > min : value >= min);
}

/** A finite number; `expectedOverride` replaces "a number ≥ 0" in messages. */
export function numberField(bounds: NumberBounds = {}, expectedOverride?: string) {
  const expected = expectedOverride ?? `a number${boundsText(bounds)}`;
  return leaf({
    expected,
    json: { type: 'number', ...boundsJson(bounds) },
    read: (value) => {
      if (typeof value !== 'number' || !Number.isFinite(value) || !withinMin(value, bounds)) return reject();
      return tooBig(value, bounds) ?? value + 0; // + 0 turns -0 into 0, so equal specs compare equal
    },
  });
}

export function probabilityField(description?: string) {
  return numberField({ min: 0, max: 1, ...(description === undefined ? {} : { description }) }, 'a probability from 0 to 1');
}

function readWholeNumber(value: unknown, bounds: NumberBounds, tooBigSuffix = ''): number | Rejection {
  if (typeof value !== 'number' || !Number.isInteger(value) || !withinMin(value, bounds)) return reject();
  return tooBig(value, bounds, tooBigSuffix) ?? value + 0;
}

export function wholeNumberField(bounds: NumberBounds & { min: number }) {
  return leaf({
    expected: `a whole number${boundsText(bounds)}`,
    json: { type: 'integer', ...boundsJson(bounds) },
    read: (value) => readWholeNumber(value, bounds),
  });
}

/** Workers of a service: a count, or "unbounded" (→ Infinity). */
export function workersField(description?: string) {
  const bounds: NumberBounds = { min: 1, max: SCENARIO_LIMITS.maxWorkers, maxIsLimit: true };
  return leaf({
    expected: 'a whole number ≥ 1 or "unbounded"',
    json: {
      anyOf: [{ type: 'integer', minimum: 1, maximum: SCENARIO_LIMITS.maxWorkers }, { const: 'unbounded' }],
      ...(description === undefined ? {} : { description }),
    },
    read: (value) => (value === 'unbounded' ? Infinity : readWholeNumber(value, bounds, ' (or write "unbounded")')),
  });
}

/** A count where null means "no limit" (→ Infinity): queue capacity, link buffer. */
export function countOrNullField(description: string) {
  return leaf({
    expected: 'a whole number ≥ 0, or null for unbounded',
    json: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'null' }], description },
    read: (value) => (value === null ? Infinity : Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) + 0 : reject()),
  });
}

export interface TextBounds {
  maxLength: number;
  /** Names this text in messages: "a name", "a title". */
  what: string;
  nonEmpty?: boolean;
  description?: string;
}

export function textField({ maxLength, what, nonEmpty = false, description }: TextBounds) {
  const expected = `${what} (${nonEmpty ? '1' : '0'}–${maxLength} characters)`;
  return leaf({
    expected,
    json: { type: 'string', ...(nonEmpty ? { minLength: 1 } : {}), maxLength, ...(description === undefined ? {} : { description }) },
    read: (value) => {
      if (typeof value !== 'string' || (nonEmpty && value.length === 0)) return reject();
      if (value.length > maxLength) return reject(`expected ${expected}, got ${value.length} characters`);
      return value;
    },
  });
}

export { ID_PATTERN } from './id-pattern.ts';
const ID_RULE = '1–64 letters, digits, "_", ".", ":" or "-"';
const RESERVED_ID = '__proto__';

/** The `id` of a node or link. */
export function idField() {
  return leaf({
    expected: `an id: ${ID_RULE}`,
    json: { type: 'string', pattern: ID_PATTERN.source, description: 'Unique across nodes and links; not "__proto__".' },
    read: (value) => {
      if (value === RESERVED_ID) return reject(`"${RESERVED_ID}" is reserved (JavaScript's object prototype); choose another id`);
      return typeof value === 'string' && ID_PATTERN.test(value) ? value : reject();
    },
  });
}

/** A reference to a node by id (whether it exists is checked later, with the whole file in view). */
export function nodeRefField(description: string) {
  return leaf({
    expected: `a node id: ${ID_RULE}`,
    json: { type: 'string', pattern: ID_PATTERN.source, description },
    read: (value) => (typeof value === 'string' && ID_PATTERN.test(value) ? value : reject()),
  });
}

export function booleanField(description: string) {
  return leaf({
    expected: 'true or false',
    json: { type: 'boolean', description },
    read: (value) => (typeof value === 'boolean' ? value : reject()),
  });
}

/** One of a fixed set of strings, with a did-you-mean for near misses. */
export function choiceField<const V extends string>(values: readonly V[], description?: string) {
  const expected = `one of ${values.map((v) => quote(v)).join(', ')}`;
  return leaf({
    expected,
    json: { type: 'string', enum: [...values], ...(description === undefined ? {} : { description }) },
    read: (value): V | Rejection => {
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as V;
      const hint = typeof value === 'string' ? didYouMean(value, values) : '';
      return reject(`expected ${expected}, got ${describeValue(value)}${hint}`);
    },
  });
}

/** A signing-key id (of an identity's `signingKey`, a key set's `keys`, a key fault's `key`). */
export function keyIdField(description: string) {
  return leaf({
    expected: `a key id: ${ID_RULE}`,
    json: { type: 'string', pattern: ID_PATTERN.source, description },
    read: (value) => (typeof value === 'string' && ID_PATTERN.test(value) ? value : reject()),
  });
}
