import { beforeEach, describe, expect, it } from 'vitest';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import { openScenarioFile } from '../../src/ui/files/open-scenario-file.ts';
import { createSimulationHost } from '../../workers/simulation-host.ts';

/** The simulation worker's check, in this thread (the page asks the worker: issue 16). */
const workerHost = createSimulationHost();
const checkText = (text: string) => workerHost.check(text);

const fileOf = (name: string, text: string) => ({ name, size: new TextEncoder().encode(text).length, text: () => Promise.resolve(text) });

describe('opening a scenario file', () => {
  beforeEach(() => {
    graphActions.load(findBuiltin('checkout')!.scenario, { resetHistory: true });
  });

  it('refuses an invalid file with every problem and its path, and touches neither graph nor history', async () => {
    const doc = structuredClone(findBuiltin('mm1')!.scenario) as Record<string, unknown> & { nodes: Record<string, unknown>[] };
    doc.duration = 'soon';
    doc.seed = -1;
    doc.nodes[1] = { ...doc.nodes[1], workers: 'many' };
    const before = useGraphStore.getState();
    const outcome = await openScenarioFile(fileOf('bad.json', JSON.stringify(doc)), checkText);
    expect(outcome.kind).toBe('refused');
    if (outcome.kind !== 'refused') return;
    const paths = outcome.refused.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['duration', 'seed', 'nodes[1].workers']));
    expect(outcome.refused.editable).not.toBeNull(); // editable: "open anyway" is offered
    expect(useGraphStore.getState().document).toBe(before.document);
    expect(useGraphStore.getState().history).toBe(before.history);
  });

  it('refuses a file over the size limit without reading it', async () => {
    let read = false;
    const outcome = await openScenarioFile({ name: 'huge.json', size: 6 * 1024 * 1024, text: () => ((read = true), Promise.resolve('{}')) }, checkText);
    expect(read).toBe(false);
    expect(outcome.kind === 'refused' && outcome.refused.problems).toEqual([{ path: '(file)', message: 'expected a file of at most 5 MB (a Faultline limit), got 6.0 MB' }]);
  });

  it('refuses JSON with a syntax error at its line and column, and nothing editable', async () => {
    const outcome = await openScenarioFile(fileOf('cut.json', '{\n  "format": "faultline.scenario/v1",\n  "nodes": [\n'), checkText);
    expect(outcome.kind === 'refused' && outcome.refused.problems[0].message).toMatch(/^invalid JSON at line 4, column 1/);
    expect(outcome.kind === 'refused' && outcome.refused.editable).toBeNull();
  });

  it('opens a valid file as one undoable step', async () => {
    const mm1 = findBuiltin('mm1')!.scenario;
    const outcome = await openScenarioFile(fileOf('mm1.json', JSON.stringify(mm1)), checkText);
    expect(outcome).toEqual({ kind: 'opened', fileName: 'mm1.json' });
    expect(useGraphStore.getState().document.name).toBe((mm1 as { name: string }).name);
    graphActions.undo();
    expect(useGraphStore.getState().document.nodes.map((n) => n.id)).toEqual(['shoppers', 'lb', 'api-1', 'api-2', 'db']);
  });
});
