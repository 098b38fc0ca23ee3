import { parseScenario, type Assertion } from '../scenario/index.ts';
import { parseJsonText } from '../scenario/index.ts';
import { builtinScenarios, findBuiltin } from '../scenarios/index.ts';
import type { ScenarioSpec } from '../engine/index.ts';
import { FILE_PATH as FILE, locateIssues, type Problem } from './problems.ts';
import { displayName, readSourceText, STDIN } from './read-source.ts';

export type Loaded =
  | { ok: true; name: string; spec: ScenarioSpec; warnings: string[]; expect?: Assertion[]; text?: string }
  | { ok: false; name: string; errors: Problem[] };

export type LoadedDocument = { ok: true; name: string; doc: unknown; text?: string } | { ok: false; name: string; errors: Problem[] };

export interface Overrides {
  seed?: number;
  duration?: string;
}

/**
 * A document from a built-in (by id), stdin (`-`) or a file, as a value: read within the size
 * limit, parsed with syntax errors located. `builtin` looks the id up; `kind` and `ids` name what
 * else the source could have been when no such file exists.
 */
export async function readDocument(source: string, builtin: (id: string) => unknown, kind: string, ids: string[]): Promise<LoadedDocument> {
  const name = displayName(source);
  const found = source === STDIN ? undefined : builtin(source);
  if (found !== undefined) return { ok: true, name, doc: structuredClone(found) };
  const read = await readSourceText(source);
  if (!read.ok) {
    const message = read.code === 'ENOENT' ? `no such file or ${kind} (built-ins: ${ids.join(', ')}; see \`faultline list\`)` : read.message;
    return { ok: false, name, errors: [{ path: FILE, message }] };
  }
  const json = parseJsonText(read.text);
  if (!json.ok) return { ok: false, name, errors: [{ path: FILE, message: `invalid JSON: ${json.message}`, line: json.line, column: json.column }] };
  return { ok: true, name, doc: json.value, text: read.text };
}

/**
 * A scenario from a file, stdin or a built-in id. Overrides are applied to the raw document
 * before validation, so an override is checked like any other field.
 */
export async function loadScenario(source: string, overrides: Overrides = {}): Promise<Loaded> {
  const read = await readDocument(source, (id) => findBuiltin(id)?.scenario, 'built-in scenario', builtinScenarios.map((b) => b.id));
  if (!read.ok) return read;
  const { doc, name } = read;
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const fields = doc as Record<string, unknown>;
    if (overrides.seed !== undefined) fields.seed = overrides.seed;
    if (overrides.duration !== undefined) fields.duration = overrides.duration;
  }
  const parsed = parseScenario(doc);
  if (!parsed.ok) return { ok: false, name, errors: locateIssues(parsed.errors, read.text) };
  return { ok: true, name, spec: parsed.spec, warnings: parsed.warnings, ...(parsed.expect === undefined ? {} : { expect: parsed.expect }), ...(read.text === undefined ? {} : { text: read.text }) };
}
