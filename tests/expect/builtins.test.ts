/**
 * Built-ins whose fix holds carry `expect` lists that pass; the broken versions carry the same
 * lists and fail them (REFERENCE-SCENARIOS.md S4, S7, S9, S10).
 */
import { describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { evaluateExpect } from '../../src/expect';
import { builtinScenarios } from '../../src/scenarios';

const STORIES = [
  { story: 'S4/S9 retry storm', broken: 'retry-storm', fixed: ['retry-storm-fixed', 'retry-budget', 'retry-breaker'] },
  { story: 'S10 deadlines', broken: 'deadlines', fixed: ['deadlines-fixed'] },
  { story: 'S7 MFA outage', broken: 'mfa-outage-2019', fixed: ['mfa-bulkhead', 'mfa-short-timeout', 'mfa-circuit-breaker', 'mfa-bypass'] },
];

function documentOf(id: string): Record<string, unknown> {
  const builtin = builtinScenarios.find((b) => b.id === id);
  if (builtin === undefined) throw new Error(`no built-in ${id}`);
  return structuredClone(builtin.scenario) as Record<string, unknown>;
}

function statuses(id: string): string[] {
  const parsed = parseScenario(documentOf(id));
  if (!parsed.ok || parsed.expect === undefined) throw new Error(`${id} has no valid expect list`);
  return evaluateExpect(runToEnd(parsed.spec), parsed.expect).results.map((r) => r.status);
}

it('exactly the broken and fixed versions of these stories carry expect lists', () => {
  const withExpect = builtinScenarios.filter((b) => (b.scenario as Record<string, unknown>).expect !== undefined).map((b) => b.id).sort();
  expect(withExpect).toEqual(STORIES.flatMap((s) => [s.broken, ...s.fixed]).sort());
});

for (const { story, broken, fixed } of STORIES) {
  describe(story, () => {
    it('every version carries the same list', () => {
      for (const id of fixed) expect(documentOf(id).expect, id).toEqual(documentOf(broken).expect);
    });

    it(`the broken version (${broken}) fails every assertion`, () => {
      expect(statuses(broken)).toEqual(Array((documentOf(broken).expect as unknown[]).length).fill('fail'));
    });

    for (const id of fixed) {
      it(`the fix ${id} passes every assertion`, () => {
        expect(statuses(id)).toEqual(Array((documentOf(id).expect as unknown[]).length).fill('pass'));
      });
    }
  });
}
