// Sweeping the scenario on the canvas (issue 12, Deliver 5): the fields a sweep can vary, the
// form's text → the format's `experiment`, the parser's refusals worded for the form, and the
// document that carries the experiment to a download and to `faultline sweep`.
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkSweep,
  EMPTY_FORM,
  experimentFromForm,
  formFromExperiment,
  itemVaryPath,
  metricChoices,
  parseSeeds,
  parseValueList,
  planExperiment,
  runTask,
  suggestedForm,
  suggestedValues,
  summarise,
  sweepableFields,
  withExperiment,
  type SweepForm,
} from '../../src/experiments';
import { EXPERIMENT_LIMITS, parseScenario, runDocument } from '../../src/scenario';
import { builtinScenarios, findBuiltin } from '../../src/scenarios';
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import { validateDocument } from '../../src/store/graph/validate-document.ts';
import { emptyDocument } from '../../src/store/graph/document.ts';

graphActions.setValidator(validateDocument); // as the editor does at start (src/ui/start-editor.tsx)

const checkout = (): Record<string, unknown> => structuredClone(findBuiltin('checkout')!.scenario) as Record<string, unknown>;
const nodeOf = (doc: Record<string, unknown>, id: string) => (doc.nodes as { id: string; [k: string]: unknown }[]).find((n) => n.id === id)!;

const form = (patch: Partial<SweepForm>): SweepForm => ({ ...EMPTY_FORM, range: { ...EMPTY_FORM.range }, ...patch });

describe('the fields a sweep can vary', () => {
  it('lists every number and duration of checkout\'s nodes, links, fault and scenario — not its positions, ids or seed', () => {
    const doc = checkout();
    nodeOf(doc, 'api-1').position = { x: 120, y: 40 };
    const fields = sweepableFields(doc);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('nodes[api-1].workers')).toMatchObject({ group: 'node', owner: 'api-1', value: 8, label: 'api-1 › workers' });
    expect(byPath.get('nodes[shoppers].rate')?.value).toBe(130);
    expect(byPath.get('nodes[shoppers].retry.backoff.base')?.value).toBe('100ms');
    expect(byPath.get('nodes[api-1].serviceTime.p99')?.value).toBe('120ms');
    expect(byPath.get('nodes[api-1].calls[0].timeout')?.value).toBe('1s');
    expect(byPath.get('faults[0].at')).toMatchObject({ group: 'fault', value: '1m', label: 'fault 1 (crash api-1) › at' });
    expect(byPath.get('duration')).toMatchObject({ group: 'scenario', value: '3m' });
    expect(fields.some((f) => f.path.includes('position'))).toBe(false);
    expect(byPath.has('seed')).toBe(false);
    expect(fields.some((f) => f.path.endsWith('.policy') || f.path.endsWith('.id'))).toBe(false);
  });

  it('every field of every built-in is a path the parser accepts, and it reaches that very field', async () => {
    for (const b of builtinScenarios) {
      const doc = structuredClone(b.scenario) as Record<string, unknown>;
      const fields = sweepableFields(doc);
      expect(fields.length, b.id).toBeGreaterThan(0);
      for (const field of fields) {
        // its current value: the run document is the scenario as it is
        const same = (await checkSweep(doc, form({ path: field.path, valuesText: String(field.value), metricsText: 'p99(' + (doc.nodes as { id: string }[])[0].id + ')' }), planExperiment));
        if (!same.ok) throw new Error(`${b.id} ${field.path}: ${JSON.stringify(same.problems)}`);
        const run = runDocument(same.plan.doc, same.plan.experiment, 0, (doc.seed as number | undefined) ?? 1);
        const { experiment: _e, ...plain } = same.plan.doc;
        expect({ ...run, seed: 0 }, `${b.id} ${field.path}`).toEqual({ ...plain, seed: 0 });
      }
    }
  });

  it('writing a marker through a discovered path changes that field and nothing else', () => {
    const doc = checkout();
    const run = runDocument(doc, { vary: { path: 'nodes[api-1].calls[0].timeout', values: ['777ms'], with: [] }, seeds: [1], collect: [] }, 0, 1);
    expect((nodeOf(run, 'api-1').calls as { timeout: string }[])[0].timeout).toBe('777ms');
    expect((nodeOf(run, 'api-2').calls as { timeout: string }[])[0].timeout).toBe('1s');
    expect(JSON.stringify(run).split('777ms').length - 1).toBe(1);
  });

  it('leaves out nodes whose ids a path cannot name, and says so for the inspector too', () => {
    const doc = { ...checkout(), nodes: [...(checkout().nodes as object[]), { id: 'v1.2', kind: 'service', workers: 3 }] };
    expect(sweepableFields(doc).some((f) => f.owner === 'v1.2')).toBe(false);
    expect(itemVaryPath('nodes', 'v1.2', ['workers'])).toBeUndefined();
    expect(itemVaryPath('nodes', 'api', ['retry', 'attempts'])).toBe('nodes[api].retry.attempts');
    expect(itemVaryPath('nodes', 'api', ['calls', 0, 'timeout'])).toBe('nodes[api].calls[0].timeout');
    expect(itemVaryPath('links', 'users-api', ['latency'])).toBe('links[users-api].latency');
  });
});

describe('the form\'s text', () => {
  it('reads values as numbers or durations and refuses anything else by name', () => {
    expect(parseValueList('1, 2,4')).toEqual({ ok: true, value: [1, 2, 4] });
    expect(parseValueList('100ms 250ms, 1.5s')).toEqual({ ok: true, value: ['100ms', '250ms', '1.5s'] });
    expect(parseValueList('1, lots')).toEqual({ ok: false, problem: { part: 'Values', message: '"lots" is not a number or a duration (such as 250ms, 30s, 5m)' } });
    const empty = parseValueList('  , ');
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problem.message).toMatch(/at least one value/);
    const many = parseValueList(Array.from({ length: EXPERIMENT_LIMITS.maxValues + 1 }, (_, i) => i).join(','));
    expect(many.ok).toBe(false);
    if (!many.ok) expect(many.problem.message).toBe(`at most ${EXPERIMENT_LIMITS.maxValues} values (a Faultline limit), got ${EXPERIMENT_LIMITS.maxValues + 1}`);
  });

  it('any list of finite numbers, written as the form shows it, reads back as the same numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 30 }), (values) => {
        const read = parseValueList(values.map(String).join(', '));
        // String(-0) is "0"
        expect(read).toEqual({ ok: true, value: values.map((v) => (Object.is(v, -0) ? 0 : v)) });
      }),
      { seed: 12, numRuns: 200 },
    );
  });

  it('reads seeds as the scenario\'s seed (empty), a count, or a list; refuses fractions', () => {
    expect(parseSeeds('')).toEqual({ ok: true, value: undefined });
    expect(parseSeeds('3')).toEqual({ ok: true, value: 3 });
    expect(parseSeeds('1, 7 42')).toEqual({ ok: true, value: [1, 7, 42] });
    expect(parseSeeds('1.5')).toEqual({ ok: false, problem: { part: 'Seeds', message: '"1.5" is not a whole number ≥ 0' } });
  });

  it('names every missing part at once', () => {
    const read = experimentFromForm(EMPTY_FORM);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.part)).toEqual(['Field', 'Values', 'Metrics']);
  });

  it('a form and the experiment it writes round-trip, a list and a range alike', () => {
    const list = form({ path: 'nodes[api-1].workers', valuesText: '1, 2, 8', seedsText: '1, 7', metricsText: 'p99(api-1)\ngoodput(shoppers, 30s, 2m)' });
    const range = form({ path: 'nodes[shoppers].rate', valuesMode: 'range', range: { from: '100', to: '160', step: '20' }, seedsText: '4', metricsText: 'p99(shoppers)' });
    for (const f of [list, range]) {
      const read = experimentFromForm(f);
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      expect(formFromExperiment(JSON.parse(JSON.stringify(read.experiment)))).toEqual(f);
    }
    const read = experimentFromForm(range);
    expect(read.ok && read.experiment).toEqual({ vary: { path: 'nodes[shoppers].rate', range: { from: 100, to: 160, step: 20 } }, seeds: 4, collect: ['p99(shoppers)'] });
  });

  it('suggests half, the value and double around the current value, and the metrics of the node swept', async () => {
    expect(suggestedValues(8)).toBe('4, 8, 16');
    expect(suggestedValues(1)).toBe('1, 2');
    expect(suggestedValues(0.1)).toBe('0.05, 0.1, 0.2');
    expect(suggestedValues('100ms')).toBe('50ms, 100ms, 200ms');
    expect(suggestedValues(undefined)).toBe('');
    const doc = checkout();
    const suggested = suggestedForm(doc, 'nodes[api-1].workers', sweepableFields(doc));
    expect(suggested).toMatchObject({ path: 'nodes[api-1].workers', valuesText: '4, 8, 16', metricsText: 'p99(api-1)\np99(shoppers)\ngoodput(shoppers)' });
    expect((await checkSweep(doc, suggested, planExperiment)).ok).toBe(true);
  });

  it('offers each metric only for the nodes it fits', async () => {
    const choices = metricChoices(checkout());
    expect(choices).toContain('goodput(shoppers)');
    expect(choices).toContain('p99(api-1)');
    expect(choices).toContain('utilization(db)');
    expect(choices).not.toContain('utilization(shoppers)');
    expect(choices).not.toContain('goodput(api-1)');
    expect(choices.some((c) => c.startsWith('recoverySeconds'))).toBe(false); // needs a time: typed, not picked
    const s8 = findBuiltin('key-removal-2021')!.scenario as Record<string, unknown>;
    expect(metricChoices(s8).some((c) => c.startsWith('everRejectingShare('))).toBe(true);
    for (const metric of choices) expect((await checkSweep(checkout(), form({ path: 'nodes[api-1].workers', valuesText: '8', metricsText: metric }), planExperiment)).ok, metric).toBe(true);
  });
});

describe('the parser decides, in the form\'s words', () => {
  const base = { path: 'nodes[api-1].workers', valuesText: '1, 2, 8', metricsText: 'p99(api-1)' };

  it('plans value × seed runs of a good form, with the experiment in the document it runs', async () => {
    const check = (await checkSweep(checkout(), form({ ...base, seedsText: '2' }), planExperiment));
    if (!check.ok) throw new Error(JSON.stringify(check.problems));
    // two seeds from the scenario's own (checkout's is 7)
    expect(check.plan.tasks.map((t) => [t.valueIndex, t.seed])).toEqual([[0, 7], [0, 8], [1, 7], [1, 8], [2, 7], [2, 8]]);
    expect(check.plan.doc.experiment).toEqual(check.experiment);
  });

  it('refuses too many runs with the format\'s own limit', async () => {
    const check = (await checkSweep(checkout(), form({ ...base, valuesMode: 'range', range: { from: '1', to: '1000', step: '1' }, seedsText: '21' }), planExperiment));
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems).toEqual([{ part: 'Experiment', message: `expected at most ${EXPERIMENT_LIMITS.maxRuns} runs (values × seeds, a Faultline limit), got 1000 × 21 = 21000` }]);
  });

  it('names the value the scenario cannot take, the metric line that is wrong, and a bad range step', async () => {
    const value = (await checkSweep(checkout(), form({ ...base, valuesText: '2, -1' }), planExperiment));
    expect(!value.ok && value.problems[0].part).toBe('Values');
    expect(!value.ok && value.problems[0].message).toMatch(/^with nodes\[api-1\]\.workers = -1 the scenario is invalid: /);
    const metric = (await checkSweep(checkout(), form({ ...base, metricsText: 'p99(api-1)\ngoodput(api-1)' }), planExperiment));
    expect(!metric.ok && metric.problems).toEqual([{ part: 'Metrics', message: 'line 2: "api-1" is a service; goodput needs a client' }]);
    const step = (await checkSweep(checkout(), form({ ...base, valuesMode: 'range', range: { from: '1', to: '4', step: '0' } }), planExperiment));
    expect(!step.ok && step.problems).toEqual([{ part: 'Values', message: 'expected a number > 0, got 0' }]);
    const field = (await checkSweep(checkout(), form({ ...base, path: 'nodes[api-9].workers' }), planExperiment));
    expect(!field.ok && field.problems[0].part).toBe('Field');
    expect(!field.ok && field.problems[0].message).toMatch(/^no node "api-9"/);
  });
});

describe('the experiment in the document', () => {
  beforeEach(() => {
    graphActions.load(emptyDocument(), { resetHistory: true });
  });

  it('is one undoable edit of the editor\'s document; the rest stays as it was; a download of it plans the same runs', async () => {
    graphActions.load(checkout(), { resetHistory: true });
    const before = useGraphStore.getState().document;
    const check = (await checkSweep(before as unknown as Record<string, unknown>, form({ path: 'nodes[api-1].workers', valuesText: '1, 2, 8', metricsText: 'p99(api-1)' }), planExperiment));
    if (!check.ok) throw new Error('refused');
    graphActions.setScenarioField('experiment', check.experiment);
    const after = useGraphStore.getState().document as unknown as Record<string, unknown>;
    const { experiment, ...rest } = after;
    expect(experiment).toEqual(check.experiment);
    expect(rest).toEqual(before);
    // what File › Download writes, read back as the CLI reads it
    const downloaded = planExperiment(JSON.parse(JSON.stringify(after, null, 2)));
    if (!downloaded.ok) throw new Error(JSON.stringify(downloaded.errors));
    expect(downloaded.plan.tasks).toEqual(check.plan.tasks);
    expect(downloaded.plan.experiment).toEqual(check.plan.experiment);
    // and it preloads the form as it was
    expect(formFromExperiment(after.experiment)).toMatchObject({ path: 'nodes[api-1].workers', valuesText: '1, 2, 8', metricsText: 'p99(api-1)' });
    graphActions.undo();
    expect(useGraphStore.getState().document).toEqual(before);
  });

  it('withExperiment replaces an earlier experiment and leaves the document it was given alone', () => {
    const doc = checkout();
    const first = withExperiment(doc, { vary: { path: 'duration', values: ['1m'] }, collect: ['p99(db)'] });
    const second = withExperiment(first, { vary: { path: 'nodes[db].workers', values: [4, 16] }, collect: ['p99(db)'] });
    expect(second.experiment.vary.path).toBe('nodes[db].workers');
    expect(doc.experiment).toBeUndefined();
    expect(first.experiment.vary.path).toBe('duration');
  });

  it('more workers on the crashed server → a lower p99 there (the runs the panel starts, in this process)', async () => {
    const check = (await checkSweep({ ...checkout(), duration: '90s' }, form({ path: 'nodes[api-1].workers', valuesText: '1, 2, 8', metricsText: 'p99(api-1)' }), planExperiment));
    if (!check.ok) throw new Error('refused');
    const results = summarise(check.plan, check.plan.tasks.map((_, i) => runTask(check.plan, i)));
    const p99 = results.summary.map((row) => row.outcomes['p99(api-1)'].median);
    expect(p99[0]).toBeGreaterThan(p99[1]);
    expect(p99[1]).toBeGreaterThan(p99[2]);
  });
});

describe('a rename on the canvas follows into the experiment', () => {
  it('renaming a node rewrites the swept path, its generated links\' paths and the metrics that name it; the document still plans', () => {
    const doc = withExperiment(checkout(), { vary: { path: 'nodes[api-1].workers', values: [2, 8], with: [{ path: 'links[lb-api-1].latency', values: ['1ms', '2ms'] }] }, collect: ['p99(api-1)', 'goodput(shoppers, 30s, 1m)', 'p99(api-2)'] });
    graphActions.load(doc, { resetHistory: true });
    expect(graphActions.renameNode('api-1', 'web-1')).toBe(true);
    const experiment = (useGraphStore.getState().document as unknown as { experiment: { vary: { path: string; with: { path: string }[] }; collect: string[] } }).experiment;
    expect(experiment.vary.path).toBe('nodes[web-1].workers');
    expect(experiment.vary.with[0].path).toBe('links[lb-web-1].latency'); // the link's generated id followed its end
    expect(experiment.collect).toEqual(['p99(web-1)', 'goodput(shoppers, 30s, 1m)', 'p99(api-2)']);
    expect(planExperiment(useGraphStore.getState().document).ok).toBe(true);
  });

  it('renaming a link rewrites a path through it and nothing that merely starts alike', () => {
    graphActions.load(withExperiment(checkout(), { vary: { path: 'links[api-1-db].latency', values: ['1ms', '5ms'] }, collect: ['p99(api-1)'] }), { resetHistory: true });
    expect(graphActions.renameLink('api-1-db', 'primary')).toBe(true);
    const experiment = (useGraphStore.getState().document as unknown as { experiment: { vary: { path: string }; collect: string[] } }).experiment;
    expect(experiment.vary.path).toBe('links[primary].latency');
    expect(experiment.collect).toEqual(['p99(api-1)']); // a link is no metric's target
    graphActions.renameNode('api-2', 'api-1x');
    expect((useGraphStore.getState().document as unknown as { experiment: unknown }).experiment).toEqual(experiment);
  });
});

describe('a delete on the canvas follows into the experiment', () => {
  const swept = () => withExperiment(checkout(), { vary: { path: 'nodes[api-1].workers', values: [2, 8] }, collect: ['p99(api-1)', 'p99(api-2)'] });
  const experimentNow = () => (useGraphStore.getState().document as unknown as { experiment?: { collect: string[] } }).experiment;

  it('deleting a node a metric names drops that metric; the document still plans', () => {
    graphActions.load(swept(), { resetHistory: true });
    graphActions.removeNodes(['api-2']);
    expect(experimentNow()?.collect).toEqual(['p99(api-1)']);
    expect(planExperiment(useGraphStore.getState().document).ok).toBe(true);
  });

  it('deleting the swept node removes the sweep (nothing is left to vary), and undo brings it back', () => {
    graphActions.load(swept(), { resetHistory: true });
    graphActions.removeNodes(['api-1']);
    expect(experimentNow()).toBeUndefined();
    graphActions.validateNow();
    expect(useGraphStore.getState().validation.runnable).toBe(true); // with the sweep left behind it would not be
    graphActions.undo();
    expect(experimentNow()?.collect).toEqual(['p99(api-1)', 'p99(api-2)']);
  });

  it('deleting a link a path goes through removes the sweep; another link leaves it alone', () => {
    graphActions.load(withExperiment(checkout(), { vary: { path: 'links[lb-api-1].latency', values: ['1ms', '5ms'] }, collect: ['p99(api-1)'] }), { resetHistory: true });
    const before = experimentNow();
    graphActions.removeLinks(['lb-api-2']);
    expect(experimentNow()).toBe(before);
    graphActions.removeLinks(['lb-api-1']);
    expect(experimentNow()).toBeUndefined();
  });
});

describe('what the editor and the run check of an experiment on every edit', () => {
  const badValue = () => withExperiment(checkout(), { vary: { path: 'nodes[api-1].workers', values: [2, -1] }, collect: ['p99(api-1)'] });

  it('not each value (one parse per value per edit): the editor keeps a sweep with a bad value runnable, the panel and the CLI refuse it', async () => {
    expect(parseScenario(badValue(), { experimentValues: 'none' }).ok).toBe(true);
    expect(parseScenario(badValue()).ok).toBe(false); // the CLI's default
    graphActions.load(badValue(), { resetHistory: true });
    graphActions.validateNow();
    expect(useGraphStore.getState().validation.runnable).toBe(true);
    const check = (await checkSweep(useGraphStore.getState().document as unknown as Record<string, unknown>, formFromExperiment(badValue().experiment)!, planExperiment));
    expect(!check.ok && check.problems[0].message).toMatch(/^with nodes\[api-1\]\.workers = -1 the scenario is invalid/);
  });

  it('but still its paths and metrics, unsafe steps included', () => {
    const unsafe = withExperiment(checkout(), { vary: { path: '__proto__.polluted', values: [1] }, collect: ['p99(api-1)'] });
    const result = parseScenario(unsafe, { experimentValues: 'none' });
    expect(!result.ok && result.errors[0].path).toBe('experiment.vary.path');
    const metric = parseScenario(withExperiment(checkout(), { vary: { path: 'nodes[api-1].workers', values: [1] }, collect: ['goodput(api-1)'] }), { experimentValues: 'none' });
    expect(!metric.ok && metric.errors[0].message).toBe('"api-1" is a service; goodput needs a client');
  });
});
