// Prototype pollution as a class (issue 17, finding 1): every walker of user-chosen paths refuses
// `__proto__`, `prototype` and `constructor`, reads own fields only and writes own fields; a
// document's `__proto__` key is an unknown field like any other. Each test failed before the fix
// (Object.prototype.ref === "x" after validation, or the key validated as ok).
import { afterEach, describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText, runDocument, setAtPath, type ExperimentSpec } from '../../src/scenario/index.ts';
import { parseVaryPath } from '../../src/scenario/vary-path.ts';
import { readAt, writeAt } from '../../src/compare/doc-path.ts';
import { pathEditVariant } from '../../src/compare/path-edit.ts';
import { getIn, setIn } from '../../src/store/graph/field-path.ts';
import { openScenarioFile } from '../../src/ui/files/open-scenario-file.ts';
import { createSimulationHost } from '../../workers/simulation-host.ts';

/** The simulation worker's check, in this thread (the page asks the worker: issue 16). */
const workerHost = createSimulationHost();
const checkText = (text: string) => workerHost.check(text);
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import { validateDocument } from '../../src/store/graph/validate-document.ts';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { Simulation } from '../../src/engine/simulation.ts';
import { POLLUTING_PATHS, prototypesUntouched, tiny } from './hostile-values.ts';

graphActions.setValidator(validateDocument); // as the editor does at start (src/ui/start-editor.tsx)

const probe = () => ({}) as Record<string, unknown>;


const withVary = (path: string) => tiny({ experiment: { vary: { path, values: ['x'] }, collect: ['p99(a)'] } });
const messages = (result: ReturnType<typeof parseScenario>) => (result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`));

afterEach(() => {
  expect(prototypesUntouched()).toBe(true);
  expect(probe().ref).toBeUndefined();
});

describe('experiment paths', () => {
  it.each(POLLUTING_PATHS)('refuses %s with a message naming the key, and writes nothing', (path) => {
    const result = parseScenario(withVary(path));
    expect(result.ok).toBe(false);
    expect(messages(result)[0]).toMatch(/^experiment\.vary\.path: ".*": "(__proto__|prototype|constructor)" is not a scenario field/);
    expect(probe().ref).toBeUndefined();
    expect(probe().polluted).toBeUndefined();
  });

  it('refuses an unsafe path in experiment.vary.with too', () => {
    const doc = tiny({ experiment: { vary: { path: 'nodes[u].rate', values: [1, 2], with: [{ path: 'constructor.prototype.polluted', values: ['x', 'y'] }] }, collect: ['p99(a)'] } });
    expect(messages(parseScenario(doc))).toContain('experiment.vary.with[0].path: "constructor.prototype.polluted": "constructor" is not a scenario field (the name is reserved by JavaScript and refused, see docs/security.md)');
  });

  it('setAtPath and runDocument throw on an unsafe path instead of writing through it', () => {
    expect(() => setAtPath(tiny(), '__proto__.ref', 'x')).toThrow(/"__proto__" is not a scenario field/);
    const spec: ExperimentSpec = { vary: { path: 'nodes[a].__proto__', values: [{ ref: 'x' }], with: [] }, seeds: [1], collect: [] };
    expect(() => runDocument(tiny(), spec, 0, 1)).toThrow(/"__proto__" is not a scenario field/);
  });

  it('a walk reads own fields only: "toString.x" is a new (unknown) field, not the inherited function', () => {
    expect(messages(parseScenario(withVary('toString.x')))[0]).toBe('experiment.vary.values[0]: with toString.x = "x" the scenario is invalid: toString: unknown field');
    expect(typeof probe().toString).toBe('function');
    expect((Object.prototype.toString as unknown as Record<string, unknown>).x).toBeUndefined();
  });

  it('a safe path still works (nodes[u].rate)', () => {
    const result = parseScenario(tiny({ experiment: { vary: { path: 'nodes[u].rate', values: [1, 2] }, collect: ['p99(a)'] } }));
    expect(result.ok && result.experiment?.vary.values).toEqual([1, 2]);
  });

  it('parseVaryPath names the unsafe segment wherever it is', () => {
    expect(parseVaryPath('nodes[a].retry.constructor')).toBe('"nodes[a].retry.constructor": "constructor" is not a scenario field (the name is reserved by JavaScript and refused, see docs/security.md)');
    expect(parseVaryPath('nodes[constructor].rate')).toEqual([{ field: 'nodes' }, { item: 'constructor' }, { field: 'rate' }]); // an id, found by value
  });
});

describe('"__proto__" keys in a document are unknown fields', () => {
  it.each([
    ['the top level', (t: string) => t.replace('{', '{"__proto__": {"ref": "x"}, '), '__proto__'],
    ['a node', (t: string) => t.replace('"nodes":[{', '"nodes":[{"__proto__": {"ref": "x"}, '), 'nodes[0].__proto__'],
    ['a link', (t: string) => t.replace('"links":[{', '"links":[{"__proto__": {"ref": "x"}, '), 'links[0].__proto__'],
    ['a distribution', (t: string) => t.replace('"serviceTime":"1ms"', '"serviceTime":{"__proto__": {"ref": "x"}, "dist": "exponential", "mean": "1ms"}'), 'nodes[1].serviceTime.__proto__'],
  ])('in %s', (_where, edit, path) => {
    const result = parseScenarioText(edit(JSON.stringify(tiny())));
    expect(messages(result)).toContain(`${path}: unknown field ("__proto__" is reserved by JavaScript and never a scenario field)`);
  });

  it('"constructor" and "prototype" keys are reported once each, the same way', () => {
    const text = JSON.stringify(tiny()).replace('"nodes":[{', '"nodes":[{"constructor": 1, "prototype": 2, ');
    const found = messages(parseScenarioText(text));
    expect(found.filter((m) => m.startsWith('nodes[0].constructor:'))).toEqual(['nodes[0].constructor: unknown field ("constructor" is reserved by JavaScript and never a scenario field)']);
    expect(found.filter((m) => m.startsWith('nodes[0].prototype:'))).toHaveLength(1);
  });
});

describe('Compare paths and the inspector field paths', () => {
  const doc = () => structuredClone(findBuiltin('checkout')!.scenario) as Record<string, unknown>;

  it('writeAt refuses __proto__ and constructor paths; readAt reads no inherited member', () => {
    expect(writeAt(doc(), '__proto__.ref', 'x')).toEqual({ ok: false, message: '"__proto__.ref": "__proto__" is not a scenario field (the name is reserved by JavaScript and refused, see docs/security.md)' });
    expect(writeAt(doc(), 'constructor.prototype.ref', 'x').ok).toBe(false);
    expect(readAt(doc(), 'toString')).toBeUndefined();
    expect(readAt(doc(), 'constructor')).toBeUndefined();
  });

  it('a typed path edit naming __proto__ is refused as a variant', () => {
    const result = pathEditVariant(doc(), 'nodes.api-1.__proto__.ref', '"x"');
    expect(result.ok).toBe(false);
  });

  it('setIn keeps a "__proto__" field as data and getIn reads no inherited member', () => {
    const node = setIn({ id: 'a' } as Record<string, unknown>, ['__proto__'], { ref: 'x' });
    expect(Object.getPrototypeOf(node)).toBe(Object.prototype);
    expect(Object.hasOwn(node, '__proto__')).toBe(true);
    expect(getIn({ id: 'a' }, ['constructor'])).toBeUndefined();
  });
});

describe('the doors that polluted before', () => {
  it('a refused file pollutes nothing (it was parsed before the refusal)', async () => {
    graphActions.load(findBuiltin('checkout')!.scenario, { resetHistory: true });
    const text = JSON.stringify(withVary('__proto__.ref'));
    const outcome = await openScenarioFile({ name: 'p.json', size: text.length, text: async () => text }, checkText);
    expect(outcome.kind).toBe('refused');
    expect(probe().ref).toBeUndefined();
  });

  it('an editor holding the polluting document validates without polluting, and a built-in still runs', () => {
    expect(graphActions.load(withVary('__proto__.polluted')).ok).toBe(true); // editable: the person may fix it
    graphActions.validateNow();
    expect(useGraphStore.getState().validation.runnable).toBe(false);
    expect(probe().polluted).toBeUndefined();
    const builtin = parseScenario(findBuiltin('checkout')!.scenario);
    expect(builtin.ok).toBe(true);
  });

  it('a client class named "__proto__" is reported as a class, not swallowed as a prototype', () => {
    const doc = tiny();
    (doc.nodes as Record<string, unknown>[])[0].classes = [{ name: '__proto__', weight: 1 }, { name: 'constructor', weight: 1 }];
    const parsed = parseScenario(doc);
    if (!parsed.ok) throw new Error(messages(parsed).join('\n'));
    const report = new Simulation(parsed.spec).runToEnd().report();
    expect(Object.keys(report.clients.u.classes)).toEqual(['__proto__', 'constructor']);
  });
});

describe('reports keyed by ids a person chose', () => {
  it('a service named "constructor" is measured as itself, not as Object found among the clients', async () => {
    const { outcome } = await import('../../src/experiments/outcomes.ts');
    const doc = tiny();
    const nodes = doc.nodes as Record<string, unknown>[];
    nodes[0].target = 'constructor';
    nodes[1].id = 'constructor';
    (doc.links as Record<string, unknown>[])[0].to = 'constructor';
    const parsed = parseScenario({ ...doc, duration: '5s' });
    if (!parsed.ok) throw new Error(messages(parsed).join('\n'));
    const report = new Simulation(parsed.spec).runToEnd().report();
    const p99 = outcome({ label: 'p99(constructor)', name: 'p99', target: 'constructor' }, report);
    expect(p99).toBeGreaterThan(0.9); // a 1 ms service time: p99 ≈ 1 ms
    expect(p99).toBeLessThan(1.1);
    expect(Number.isNaN(outcome({ label: 'attemptsPerRequest(constructor)', name: 'attemptsPerRequest', target: 'constructor' }, report))).toBe(true);
  });
});
