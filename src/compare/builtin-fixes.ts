/**
 * The built-ins that answer "what if we had…" for another built-in: retry-storm's fixes, the MFA
 * outage's four, and so on. Kept here rather than as a field of src/scenarios/index.ts so the
 * library's list stays data only; the pairs are the ones the scenarios' own descriptions name.
 *
 * The fix is applied as an edit, not swapped in whole: B = A + (what the fix changes against its
 * original). So a person who moved nodes, or changed the seed, still compares one change.
 */
import { builtinScenarios, type BuiltinScenario } from '../scenarios/index.ts';
import { diffDocuments } from './doc-diff.ts';
import { buildVariant, type Variant } from './variant.ts';

/** Original → its fixes. The reverse pairs ("without the fix") are derived below. */
export const BUILTIN_FIXES: Readonly<Record<string, readonly string[]>> = {
  'retry-storm': ['retry-storm-fixed', 'retry-budget', 'retry-breaker'],
  'mfa-outage-2019': ['mfa-bulkhead', 'mfa-short-timeout', 'mfa-circuit-breaker', 'mfa-bypass'],
  deadlines: ['deadlines-fixed'],
  'cache-stampede': ['cache-stampede-coalesced'],
  'cache-mass-expiry': ['cache-mass-expiry-jittered'],
};

const byId = (id: string): BuiltinScenario | undefined => builtinScenarios.find((s) => s.id === id);

/** Which built-in the document was opened from: by its name, which the editor keeps unless renamed. */
export function builtinOf(doc: Record<string, unknown>): BuiltinScenario | undefined {
  return builtinScenarios.find((s) => (s.scenario as { name?: unknown }).name === doc.name);
}

function related(id: string): { other: BuiltinScenario; from: BuiltinScenario; label: string }[] {
  const self = byId(id);
  if (!self) return [];
  const fixes = (BUILTIN_FIXES[id] ?? []).flatMap((fixId) => {
    const fix = byId(fixId);
    return fix ? [{ other: fix, from: self, label: `Built-in fix: ${fix.title}` }] : [];
  });
  const originals = Object.entries(BUILTIN_FIXES).flatMap(([originalId, fixIds]) => {
    const original = byId(originalId);
    return original && fixIds.includes(id) ? [{ other: original, from: self, label: `Without the fix: ${original.title}` }] : [];
  });
  return [...fixes, ...originals];
}

/** The built-in fixes (or, for a fix, its original) as variants of the current document. */
export function builtinVariants(a: Record<string, unknown>): Variant[] {
  const self = builtinOf(a);
  if (!self) return [];
  return related(self.id).flatMap(({ other, from, label }) => {
    const edits = diffDocuments(from.scenario, other.scenario);
    const built = buildVariant(a, edits, { id: `builtin:${other.id}`, label, source: 'built-in fix' });
    return built.ok ? [built.variant] : [];
  });
}
