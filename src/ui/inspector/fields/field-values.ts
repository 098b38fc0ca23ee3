/**
 * Text in an inspector box ↔ the value written to the document. What a person types is kept
 * when it is not understood (the parser then says why, next to the field) — never silently
 * dropped or "corrected". An empty box removes the field: the format's default applies.
 */
export type ValueKind = 'number' | 'duration' | 'workers' | 'countOrNull' | 'probability' | 'text' | 'id' | 'names' | 'list';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const UNBOUNDED = /^(unbounded|unlimited|∞|inf|infinity|null|none)$/i;

export function textToValue(kind: ValueKind, raw: string): unknown {
  const text = raw.trim();
  if (text === '') return undefined;
  switch (kind) {
    case 'text':
    case 'id':
      return kind === 'text' ? raw : text;
    case 'names': {
      // "ios, android" → ["ios", "android"]; one name stays a string, as people write it.
      const names = text.split(',').map((n) => n.trim()).filter(Boolean);
      return names.length === 1 ? names[0] : names;
    }
    case 'list':
      // "K1, K2" or "K1 K2" → ["K1", "K2"]; always a list, even of one (a key set's keys).
      return text.split(/[\s,]+/).filter(Boolean);
    case 'number':
      return NUMBER.test(text) ? Number(text) : text;
    case 'duration':
      // A bare number is milliseconds (docs/format.md); "250ms", "2s", "5m" stay as written.
      return NUMBER.test(text) ? Number(text) : text;
    case 'workers':
      return UNBOUNDED.test(text) ? 'unbounded' : NUMBER.test(text) ? Number(text) : text;
    case 'countOrNull':
      return UNBOUNDED.test(text) ? null : NUMBER.test(text) ? Number(text) : text;
    case 'probability': {
      const percent = /^(.*?)\s*%$/.exec(text);
      if (percent && NUMBER.test(percent[1])) return Number(percent[1]) / 100;
      return NUMBER.test(text) ? Number(text) : text;
    }
  }
}

export function valueToText(kind: ValueKind, value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return kind === 'countOrNull' ? 'unbounded' : 'null';
  if ((kind === 'names' || kind === 'list') && Array.isArray(value)) return value.join(', ');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
