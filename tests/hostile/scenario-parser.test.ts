// Hostile input at the scenario parser (parseScenario / parseScenarioText): whatever comes in,
// the answer is a scenario or a list of problems that each say what is wrong and where — never
// an exception, never a polluted prototype.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, SCENARIO_LIMITS, type ScenarioResult } from '../../src/scenario/index.ts';
import { builtinDocuments, deeplyNestedText, deeplyNestedValue, hostileValue, mutate, mutation, protoKeyText, prototypesUntouched } from './hostile-values.ts';

/** The contract of every answer: ok, or problems with a non-empty message and a path. */
function expectWellFormed(result: ScenarioResult): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const problem of result.errors) {
    expect(typeof problem.path).toBe('string');
    expect(problem.path.length).toBeGreaterThan(0);
    expect(typeof problem.message).toBe('string');
    expect(problem.message.trim().length).toBeGreaterThan(0);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const header = { format: 'faultline.scenario/v1', name: 'hostile', seed: 1, duration: '1m' };

afterEach(() => {
  expect(prototypesUntouched()).toBe(true);
});

describe('the scenario parser under hostile input', () => {
  it('answers any JSON value, and any text, with a scenario or well-formed problems', () => {
    fc.assert(fc.property(hostileValue, (value) => expectWellFormed(parseScenario(value))), { seed: 5501, numRuns: 500 });
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => expectWellFormed(parseScenarioText(text))), { seed: 5502, numRuns: 500 });
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => expectWellFormed(parseScenarioText(JSON.stringify(value)))), { seed: 5503, numRuns: 300 });
  });

  it('locates the syntax error of a built-in file cut, spliced or corrupted at random, by line and column', () => {
    const texts = builtinDocuments().map((doc) => JSON.stringify(doc, null, 2));
    const corrupt = fc.record({ file: fc.nat(), at: fc.nat(), cut: fc.nat({ max: 40 }), insert: fc.constantFrom('', ',', '}', ']', '"', '{', ':', '\\', 'NaN', '\u0000', "'", '/*') });
    fc.assert(
      fc.property(corrupt, ({ file, at, cut, insert }) => {
        const text = texts[file % texts.length];
        const where = at % text.length;
        const corrupted = text.slice(0, where) + insert + text.slice(where + cut);
        const result = parseScenarioText(corrupted);
        expectWellFormed(result);
        if (!isJson(corrupted)) expect(result).toEqual({ ok: false, errors: [{ path: '(file)', message: expect.stringMatching(/^invalid JSON at line \d+, column \d+: \S/) }] });
      }),
      { seed: 5504, numRuns: 400 },
    );
  });

  it('answers any value put in any top-level field', () => {
    const fields = ['format', 'name', 'description', 'seed', 'duration', 'sampleEvery', 'nodes', 'links', 'faults', 'guide', 'experiment', '__proto__', 'constructor'];
    fc.assert(
      fc.property(fc.constantFrom(...fields), hostileValue, (field, value) => {
        const doc: Record<string, unknown> = { ...header, nodes: [] };
        Object.defineProperty(doc, field, { value, enumerable: true, configurable: true, writable: true });
        expectWellFormed(parseScenario(doc));
      }),
      { seed: 5505, numRuns: 400 },
    );
  });

  it('answers every built-in scenario mutated at random: dropped, duplicated, replaced, mistyped fields, swapped ids, polluting keys', () => {
    const docs = builtinDocuments();
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (index, mutations) => {
        const doc = mutate(structuredClone(docs[index]), mutations);
        expectWellFormed(parseScenario(doc));
        expectWellFormed(parseScenarioText(JSON.stringify(doc)));
      }),
      { seed: 5506, numRuns: 400 },
    );
  });

  it('names the field of a mistyped node field in the problem path', () => {
    const docs = builtinDocuments();
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.nat(), (index, pick) => {
        const doc = docs[index];
        const nodes = doc.nodes as Record<string, unknown>[];
        const node = pick % nodes.length;
        const id = nodes[node].id;
        nodes[node] = { ...nodes[node], id: 42 }; // an id must be a string
        const result = parseScenario(doc);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.errors.map((e) => e.path)).toContain(`nodes[${node}].id`);
        nodes[node] = { ...nodes[node], id };
      }),
      { seed: 5507, numRuns: 50 },
    );
  });

  it('reads nesting 100,000 deep (arrays and objects) without overflowing the stack', () => {
    for (const kind of ['array', 'object'] as const) {
      const deep = deeplyNestedText(100_000, kind);
      for (const text of [deep, `{"format":"faultline.scenario/v1","name":"x","seed":1,"duration":"1s","nodes":[],"description":${deep}}`]) {
        const result = parseScenarioText(text);
        expect(result.ok).toBe(false);
        expectWellFormed(result);
      }
    }
    const result = parseScenario({ ...header, nodes: [{ id: 'a', kind: 'service', workers: deeplyNestedValue(100_000) }] });
    expect(result.ok).toBe(false);
    expectWellFormed(result);
  });

  it('refuses a file over the size limit with a message naming the limit, before reading it', () => {
    const text = JSON.stringify({ ...header, nodes: [], description: 'x'.repeat(SCENARIO_LIMITS.maxTextBytes) });
    const result = parseScenarioText(text);
    expect(result).toEqual({ ok: false, errors: [{ path: '(file)', message: expect.stringMatching(/at most 5 MB \(a Faultline limit\)/) }] });
  });

  it('refuses huge strings in fields with a message naming the limit', () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...header, nodes: [], name: 'n'.repeat(SCENARIO_LIMITS.maxNameLength + 1) }, 'name', /200/],
      [{ ...header, nodes: [], description: 'd'.repeat(SCENARIO_LIMITS.maxDescriptionLength + 1) }, 'description', /100000|100 000|100,000/],
      [{ ...header, nodes: [{ id: 'x'.repeat(10_000), kind: 'service' }] }, 'nodes[0].id', /64/],
    ];
    for (const [doc, path, limit] of cases) {
      const result = parseScenario(doc);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const problem = result.errors.find((e) => e.path === path);
      expect(problem?.message).toMatch(limit);
    }
  });

  it('refuses too many nodes with a message naming the limit', () => {
    const nodes = Array.from({ length: SCENARIO_LIMITS.maxNodes + 1 }, (_, i) => ({ id: `n${i}`, kind: 'service' }));
    const result = parseScenario({ ...header, nodes });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.path === 'nodes' && /2000/.test(e.message))).toBe(true);
  });

  it('treats "__proto__" and "constructor" keys as plain data and pollutes nothing', () => {
    for (const inner of ['{"polluted": 1}', '[1,2]', 'null', '"x"']) {
      expectWellFormed(parseScenarioText(protoKeyText(inner)));
      expectWellFormed(parseScenarioText(`{"format":"faultline.scenario/v1","name":"x","seed":1,"duration":"1s","nodes":[${protoKeyText(inner)}],"links":[{"__proto__":{"polluted":1},"id":"l","from":"a","to":"b"}]}`));
    }
  });

  it('refuses number-like strings where numbers belong, and never takes NaN or Infinity', () => {
    for (const value of ['NaN', 'Infinity', '-Infinity', '1e999', '0x10', '', '5m30s', '-5m']) {
      const result = parseScenario({ ...header, nodes: [{ id: 'api', kind: 'service', workers: value }] });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('nodes[0].workers');
      const duration = parseScenario({ ...header, duration: value, nodes: [] });
      expect(duration.ok).toBe(false);
    }
    expectWellFormed(parseScenarioText('{"format":"faultline.scenario/v1","name":"x","seed":NaN,"duration":Infinity,"nodes":[]}'));
    expect(parseScenarioText('{"format":"faultline.scenario/v1","name":"x","seed":1,"duration":1e999,"nodes":[]}').ok).toBe(false);
  });
});
