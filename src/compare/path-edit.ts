/**
 * The generic change: a field path and a JSON value, typed by a person. The value must be JSON
 * (`8`, `"3s"`, `{"ratio": 0.1}`, `null`); a bare word that is not JSON (`3s`, `unbounded`) is taken
 * as the string it spells, since that is what people type for durations. `undefined` is not JSON:
 * to remove a field, type `null` only where the format allows null, or pick a suggestion.
 */
import { parsePath } from './doc-path.ts';
import { buildVariant, type VariantResult } from './variant.ts';

const BARE_WORD = /^[A-Za-z0-9_.+-]+$/;

export function readJsonValue(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'the value is empty: type a JSON value such as 8, "3s" or {"ratio": 0.1}' };
  try {
    return { ok: true, value: JSON.parse(trimmed) as unknown };
  } catch (error) {
    if (BARE_WORD.test(trimmed)) return { ok: true, value: trimmed };
    return { ok: false, message: `the value is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
}

export function pathEditVariant(a: Record<string, unknown>, pathText: string, valueText: string): VariantResult {
  const steps = parsePath(pathText);
  if (typeof steps === 'string') return { ok: false, errors: [`path: ${steps}`] };
  const value = readJsonValue(valueText);
  if (!value.ok) return { ok: false, errors: [`value: ${value.message}`] };
  return buildVariant(a, [{ path: pathText.trim(), after: value.value }], { id: `edit:${pathText.trim()}`, label: `${pathText.trim()} = ${valueText.trim()}`, source: 'your edit' });
}
