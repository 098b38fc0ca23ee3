// The editor's page reads guide steps without the parser (issue 16): src/scenario's zod-free
// readGuideStep must accept exactly the steps the parser's guideStepSchema accepts, and read them
// to the same GuideStep — on every built-in's guide and on generated steps, good and bad.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guideStepSchema } from '../../src/scenario/index.ts';
import { readGuideStep } from '../../src/scenario/facts.ts';
import { builtinScenarios } from '../../src/scenarios/index.ts';

/** What the parser makes of a step: the GuideStep, or null when it rejects it. */
function parserRead(raw: unknown) {
  const read = guideStepSchema.safeParse(raw);
  return read.success ? read.data : null;
}

/** Mostly valid values (so valid steps come up), with every kind of wrong one among them. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, wrong: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: wrong, weight: 1 });
const duration = mostly(
  fc.oneof(fc.constantFrom('0', '250ms', '1.5s', '5m', '2h', '1d', '.5s', '10 s'), fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e7, noNaN: true })),
  fc.constantFrom('100', '-1s', 's', '', '1e3s', '3x', -1, -0.5, NaN, null, true, Infinity, [], {}),
);
const text = (max: number) => mostly(fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constant('x'.repeat(max))), fc.constantFrom('', 'y'.repeat(max + 1), null, 3, ['a']));
const id = mostly(fc.constantFrom('api', 'users-api', 'a.b:c_d', 'x'.repeat(64)), fc.constantFrom('__proto__', '', 'has space', 'x'.repeat(65), 7));
const step = fc.record(
  {
    at: duration,
    title: text(200),
    text: mostly(fc.string({ maxLength: 12 }), fc.constantFrom(null, 3)),
    predict: text(1000),
    outcome: text(100_000),
    reveal: duration,
    watch: mostly(fc.array(id, { maxLength: 4 }), fc.oneof(fc.array(fc.constant('n'), { minLength: 49, maxLength: 52 }), fc.constantFrom('api', null))),
    pause: mostly(fc.boolean(), fc.constantFrom('yes', 0, null)),
    extra: fc.constantFrom(1, 'x'),
  },
  { requiredKeys: [] },
).map((raw) => {
  // an unknown field is rare: most generated steps should test the known ones
  const { extra, ...known } = raw;
  return extra === 1 && Object.keys(known).length % 5 === 0 ? raw : known;
});

describe('the zod-free guide step reader', () => {
  it("reads every built-in's guide steps exactly as the parser does", () => {
    let steps = 0;
    for (const builtin of builtinScenarios) {
      const guide = (builtin.scenario as { guide?: unknown[] }).guide ?? [];
      for (const raw of guide) {
        steps++;
        expect(parserRead(raw)).not.toBeNull();
        expect(readGuideStep(raw)).toEqual(parserRead(raw));
      }
    }
    expect(steps).toBeGreaterThan(20);
  });

  it('accepts and rejects the same generated steps as the parser, and reads them the same', () => {
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(step, (raw) => {
        const expected = parserRead(raw);
        if (expected !== null) accepted++;
        else rejected++;
        expect(readGuideStep(raw)).toEqual(expected);
      }),
      { seed: 16, numRuns: 4000 },
    );
    // the generator reaches both sides: valid steps and every kind of refusal
    expect(accepted).toBeGreaterThan(200);
    expect(rejected).toBeGreaterThan(200);
  });

  it('rejects what is not a step object', () => {
    for (const raw of [null, 'step', 3, [], [{ at: 0, title: 't', text: '' }]]) {
      expect(parserRead(raw)).toBeNull();
      expect(readGuideStep(raw)).toBeNull();
    }
  });
});
