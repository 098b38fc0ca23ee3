import { readFileSync } from 'node:fs';
import { parseScenario, parseScenarioText, type ScenarioIssue } from '../scenario';
import { builtinScenarios, findBuiltin } from '../scenarios';
import type { ScenarioSpec } from '../engine/spec';

export type Loaded = { ok: true; spec: ScenarioSpec; warnings: string[] } | { ok: false; errors: ScenarioIssue[] };

export interface Overrides {
  seed?: number;
  duration?: string;
}

/** A file's text, or why it could not be read (naming what else the source could have been). */
export function readSourceText(source: string, builtinKind: string, builtinIds: string[]): { text: string } | { error: string } {
  try {
    return { text: readFileSync(source, 'utf8') };
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `no such file or ${builtinKind} (built-ins: ${builtinIds.join(', ')}; see \`faultline list\`)`
        : String(error);
    return { error: `${source}: ${reason}` };
  }
}

/**
 * A scenario from a file path or a built-in id. Overrides are applied to the raw document before
 * validation, so an override is checked like any other field.
 */
export function loadScenario(source: string, overrides: Overrides = {}): Loaded {
  const builtin = findBuiltin(source);
  let raw: unknown;
  if (builtin) raw = structuredClone(builtin.scenario);
  else {
    const read = readSourceText(source, 'built-in scenario', builtinScenarios.map((b) => b.id));
    if ('error' in read) return { ok: false, errors: [{ path: '(file)', message: read.error }] };
    const text = read.text;
    if (overrides.seed === undefined && overrides.duration === undefined) return parseScenarioText(text);
    const parsed = parseScenarioText(text);
    if (!parsed.ok) return parsed;
    raw = JSON.parse(text);
  }
  if (raw !== null && typeof raw === 'object') {
    const doc = raw as Record<string, unknown>;
    if (overrides.seed !== undefined) doc.seed = overrides.seed;
    if (overrides.duration !== undefined) doc.duration = overrides.duration;
  }
  return parseScenario(raw);
}
