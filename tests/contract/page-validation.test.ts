// The editor's page asks its workers instead of carrying the parser (issue 16). Here the real
// worker modules in Node threads, over comlink as the page talks to them, must answer exactly
// what the parser says in this thread: per-field messages and a file's check from the simulation
// worker, Compare's choices and typed edits and a capped run from a compare worker, a sweep's and
// a single-failures analysis' plan from an experiment worker.
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { builtinVariants, capDuration, pathEditVariant, runSide, suggestChanges } from '../../src/compare/index.ts';
import { planExperiment, planSingleFailures } from '../../src/experiments/index.ts';
import { planSingleFailuresInWorker, planSweepInWorker } from '../../src/experiments/browser-pool.ts';
import { nodeEndpoint } from '../../src/experiments/node-endpoint.ts';
import type { WorkerThread } from '../../src/experiments/worker-pool.ts';
import { formatIssue, parseScenario, parseScenarioText } from '../../src/scenario/index.ts';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import { validateDocument } from '../../src/store/graph/validate-document.ts';
import { indexIssues } from '../../src/store/graph/validation-index.ts';
import { workerValidator } from '../../src/store/validate-in-worker.ts';
import { createCompareChooser } from '../../src/ui/compare/chooser.ts';
import { openScenarioFile } from '../../src/ui/files/open-scenario-file.ts';
import type { CompareHost } from '../../workers/protocol.ts';
import type { WorkerName } from './worker-bootstrap.ts';
import { useWorkers, waitFor } from './worker-harness.ts';

const builtin = (id: string) => structuredClone(findBuiltin(id)!.scenario) as Record<string, unknown> & { nodes: Record<string, unknown>[] };

/** Starts a real worker module in a thread, as the page's pools start Web Workers; counts the exits. */
function threadOf(name: WorkerName, exits: Promise<number>[] = []): () => WorkerThread {
  return () => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { worker: name } });
    exits.push(new Promise<number>((resolve) => worker.once('exit', resolve)));
    return { endpoint: nodeEndpoint(worker), terminate: () => worker.terminate() };
  };
}

/** Checkout with one error (api-1's workers) and one warning (a retry budget with no retries). */
function brokenCheckout() {
  const doc = builtin('checkout');
  doc.nodes[2].workers = -3;
  doc.nodes[0].retry = { attempts: 1, budget: { ratio: 0.1 } };
  return doc;
}

describe("the simulation worker's check", () => {
  const worker = useWorkers();

  it('gives the per-field messages the parser gives in the page, filed the same, and leaves the run alone', async () => {
    const w = await worker();
    const loaded = await w.host.load(builtin('mm1'));
    expect(loaded.ok).toBe(true);
    const before = await w.host.getProgress();
    for (const doc of [brokenCheckout(), (() => { const d = brokenCheckout(); d.nodes[2].workers = 2; return d; })(), builtin('key-removal-2021')]) {
      const answer = await w.host.check(doc, { experimentValues: 'none' });
      const inPage = validateDocument(doc as never);
      expect(indexIssues(doc as never, answer)).toEqual(inPage);
    }
    const broken = await w.host.check(brokenCheckout(), { experimentValues: 'none' });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.errors.map(formatIssue)).toContain('nodes[2].workers: expected a whole number ≥ 1 or "unbounded", got -3');
    const warned = await w.host.check({ ...brokenCheckout(), nodes: brokenCheckout().nodes.map((n, i) => (i === 2 ? { ...n, workers: 2 } : n)) });
    expect(warned).toEqual({ ok: true, warnings: ['nodes[0].retry.budget: has no effect with "attempts": 1 (no retries to limit)'] });
    const after = await w.host.getProgress();
    expect(after.revision).toBe(before.revision); // not a command
    expect(after.runId).toBe(before.runId);
  });

  it("checks a file's text with the parser's words, line and column included", async () => {
    const w = await worker();
    const cut = '{\n  "format": "faultline.scenario/v1",\n  "nodes": [\n';
    const answer = await w.host.check(cut);
    const inPage = parseScenarioText(cut);
    expect(answer.ok).toBe(false);
    expect(inPage.ok).toBe(false);
    if (!answer.ok && !inPage.ok) {
      expect(answer.errors).toEqual(inPage.errors);
      expect(answer.errors[0].message).toMatch(/line 4, column 1/);
    }
    // opening the file through the worker refuses it with those problems and keeps the graph
    graphActions.load(builtin('checkout'), { resetHistory: true });
    const graph = useGraphStore.getState().document;
    const outcome = await openScenarioFile({ name: 'cut.json', size: cut.length, text: async () => cut }, (text) => w.host.check(text));
    expect(outcome.kind).toBe('refused');
    if (outcome.kind === 'refused' && !inPage.ok) expect(outcome.refused.problems).toEqual(inPage.errors);
    expect(useGraphStore.getState().document).toBe(graph);
  });

  it("is the editor's validator: the graph store files the worker's answer for the document being edited", async () => {
    const w = await worker();
    graphActions.setValidator(workerValidator(() => w.host));
    try {
      graphActions.load(brokenCheckout(), { resetHistory: true });
      graphActions.validateNow();
      const document = useGraphStore.getState().document;
      const expected = validateDocument(document);
      expect(expected.runnable).toBe(false);
      await waitFor(() => (useGraphStore.getState().validation.errorCount > 0 ? true : undefined), 10_000, "the worker's answer");
      expect(useGraphStore.getState().validation).toEqual(expected);
    } finally {
      graphActions.setValidator(validateDocument);
    }
  });
});

describe("a compare worker's choices", () => {
  it("offers A's facts, the fixes and the suggestions as the parser in this thread makes them, and checks a typed edit word for word", async () => {
    const exits: Promise<number>[] = [];
    const chooser = createCompareChooser(threadOf('compare', exits));
    try {
      const storm = builtin('retry-storm');
      const choices = await chooser.choices(storm);
      const parsed = parseScenario(storm);
      if (!parsed.ok) throw new Error('retry-storm parses');
      expect(choices.a).toEqual({ ok: true, durationMs: parsed.spec.durationMs, faults: parsed.spec.faults });
      expect(choices.fixes).toEqual(builtinVariants(storm));
      expect(choices.suggestions).toEqual(suggestChanges(storm));
      expect(choices.fixes.length + choices.suggestions.length).toBeGreaterThan(1);
      for (const [path, value] of [['nodes.server.workers', '-3'], ['nodes.server.wrokers', '8'], ['nodes.clients.retry.attempts', '1']]) {
        expect(await chooser.pathEdit(storm, path, value)).toEqual(pathEditVariant(storm, path, value));
      }
      const bad = await chooser.pathEdit(storm, 'nodes.server.workers', '-3');
      expect(bad.ok).toBe(false);
      const broken = brokenCheckout();
      const refused = await chooser.choices(broken);
      const brokenParse = parseScenario(broken);
      expect(refused).toEqual({ a: { ok: false, errors: brokenParse.ok ? [] : brokenParse.errors.map(formatIssue) }, fixes: [], suggestions: [] });
      expect(exits).toHaveLength(1); // one worker answered every question
    } finally {
      chooser.close();
    }
    expect(await exits[0]).toBe(1); // closed by terminate
  });

  it('runs a side capped in the worker, with the faults of the document as run', async () => {
    const start = threadOf('compare');
    const thread = start();
    const { wrap } = await import('comlink');
    const host = wrap<CompareHost>(thread.endpoint);
    try {
      const doc = builtin('checkout'); // 3 minutes, one fault
      const result = await host.run(doc, undefined, 60_000);
      const inThread = runSide(capDuration(doc, 60_000));
      if (!inThread.ok) throw new Error('checkout runs for a minute');
      expect(result).toEqual({ kind: 'done', report: inThread.report, faults: inThread.faults });
      expect(inThread.report.simulatedMs).toBe(60_000);
      expect(inThread.faults).toHaveLength(1);
      const whole = await host.run(doc); // no cap: the whole run
      expect(whole.kind === 'done' && whole.report.simulatedMs).toBe(180_000);
    } finally {
      thread.terminate();
    }
  });

  it('fails a question with the message of a worker that could not start, instead of hanging', async () => {
    const chooser = createCompareChooser(() => ({ endpoint: { postMessage() {}, addEventListener() {}, removeEventListener() {} }, terminate() {}, failed: Promise.resolve(new Error('the compare worker failed: it could not start')) }));
    await expect(chooser.choices(builtin('mm1'))).rejects.toThrow('the compare worker failed: it could not start');
  });
});

describe("an experiment worker's plans", () => {
  it("plans a sweep and a single-failures analysis exactly as this thread does, then ends", async () => {
    const exits: Promise<number>[] = [];
    const start = threadOf('experiment', exits);
    const s1 = structuredClone((await import('../../src/scenarios/experiments/index.ts')).builtinExperiments[0].document);
    expect(await planSweepInWorker(s1, start)).toEqual(planExperiment(s1));
    const checkout = builtin('checkout');
    const refused = await planSweepInWorker(checkout, start); // no experiment in it
    expect(refused).toEqual(planExperiment(checkout));
    expect(refused.ok).toBe(false);
    const request = { at: '1m', for: '30s' };
    const planned = await planSingleFailuresInWorker(checkout, request, start);
    expect(planned).toEqual(planSingleFailures(checkout, request));
    expect(planned.ok && planned.plan.tasks.length).toBeGreaterThan(1);
    const late = await planSingleFailuresInWorker(checkout, { at: '99h' }, start);
    expect(late).toEqual(planSingleFailures(checkout, { at: '99h' }));
    expect(late.ok).toBe(false);
    expect(await Promise.all(exits)).toEqual([1, 1, 1, 1]); // each worker ended after its answer
  });
});
