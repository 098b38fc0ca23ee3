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

  it('reads outcome and reveal (a duration after `at`) as written', () => {
    const { spec } = parseOk(scenario({ guide: [step({ predict: 'How deep?', outcome: 'About **40**.', reveal: '30s' })] }));
    expect(spec.guide[0]).toEqual({ atMs: 5000, title: 'Look', text: 'The *queue*.', predict: 'How deep?', outcome: 'About **40**.', revealMs: 30_000 });
    expect(parseOk(scenario({ guide: [step({ reveal: 250 })] })).spec.guide[0].revealMs).toBe(250);
  });

  it('names a bad reveal or outcome with its path', () => {
    expect(errorsOf(scenario({ guide: [step({ reveal: '-5s', outcome: '' })] }))).toEqual([
      'guide[0].outcome: expected markdown text (1–100000 characters), got ""',
      'guide[0].reveal: expected a duration (a number of ms, or a string like "250ms", "1.5s", "5m", "12h"), got "-5s"',
    ]);
  });

  it('warns when the next step or the end of the run would hide a step\'s outcome', () => {
    const late = parseOk(scenario({ duration: '2m', guide: [step({ at: '5s', reveal: '30s', outcome: 'x' }), step({ at: '20s' })] }));
    expect(late.warnings).toEqual(['guide[0].reveal: guide[1] (at 20s) replaces this step before its outcome shows at 35s; reveal it earlier or move that step later']);
    expect(parseOk(scenario({ duration: '2m', guide: [step({ at: '5s', reveal: '14s' }), step({ at: '20s' })] })).warnings).toEqual([]);
    const pastEnd = parseOk(scenario({ duration: '1m', guide: [step({ at: '50s', reveal: '10s' })] }));
    expect(pastEnd.warnings).toEqual(["guide[0].reveal: 50s + 10s is not before the end of the run (1m): this step's outcome is never shown"]);
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
