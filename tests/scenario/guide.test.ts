// Guide steps' optional fields: predict (a question), watch (ids to highlight), pause (default true).
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { errorsOf, parseOk, scenario } from './fixtures.ts';

const step = (extra: Record<string, unknown>) => ({ at: '5s', title: 'Look', text: 'The *queue*.', ...extra });

describe('guide steps', () => {
  it('reads predict, watch and pause as written', () => {
    const { spec } = parseOk(scenario({ guide: [step({ predict: 'How deep?', watch: ['api', 'users-api'], pause: false })] }));
    expect(spec.guide).toEqual([{ atMs: 5000, title: 'Look', text: 'The *queue*.', predict: 'How deep?', watch: ['api', 'users-api'], pause: false }]);
  });

  it('leaves the optional fields out when they are absent (pause then means true)', () => {
    const { spec } = parseOk(scenario({ guide: [step({})] }));
    expect(Object.keys(spec.guide[0]).sort()).toEqual(['atMs', 'text', 'title']);
  });

  it('names each field of the wrong type with its path', () => {
    expect(errorsOf(scenario({ guide: [step({ predict: 3, watch: 'api', pause: 'yes' })] }))).toEqual([
      'guide[0].predict: expected a question (1–1000 characters), got 3',
      'guide[0].watch: expected a list of ids, got "api"',
      'guide[0].pause: expected true or false, got "yes"',
    ]);
  });

  it('rejects a watched id that is not an id at all', () => {
    expect(errorsOf(scenario({ guide: [step({ watch: ['api', 'a b'] })] }))).toEqual([
      'guide[0].watch[1]: expected a node or link id: 1–64 letters, digits, "_", ".", ":" or "-", got "a b"',
    ]);
  });

  it('warns about an unknown watched id with its path and a suggestion (the run still works)', () => {
    const { warnings } = parseOk(scenario({ guide: [step({}), step({ watch: ['users-api', 'apj'] })] }));
    expect(warnings).toEqual(['guide[1].watch[1]: no node or link has id "apj" (did you mean "api"?); the guide cannot highlight it']);
    expect(parseOk(scenario({ guide: [step({ watch: ['users', 'users-api'] })] })).warnings).toEqual([]);
  });

  it('every built-in guide parses, and the two outages ask for predictions and point at what to watch', () => {
    for (const builtin of builtinScenarios) parseOk(builtin.scenario);
    for (const id of ['key-removal-2021', 'mfa-outage-2019']) {
      const { spec } = parseOk(builtinScenarios.find((s) => s.id === id)!.scenario);
      expect(spec.guide.filter((s) => s.predict !== undefined).length, id).toBeGreaterThanOrEqual(2);
      expect(spec.guide.filter((s) => (s.watch?.length ?? 0) > 0).length, id).toBeGreaterThanOrEqual(3);
    }
  });
});
