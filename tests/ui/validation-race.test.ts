// The editor's per-field validation answers asynchronously (issue 16: its simulation worker
// parses). An answer that arrives after a newer edit must never overwrite the newer edit's
// messages: only the latest question's answer is filed, and only while the document is still the
// one it was asked about. Answers are released by hand here, in the orders a busy worker or a
// slow page could produce; what each filing says comes from the real parser (validateDocument).
import { afterEach, describe, expect, it } from 'vitest';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { graphActions, useGraphStore } from '../../src/store/graph-store.ts';
import type { ScenarioDocument } from '../../src/store/graph/document.ts';
import { validateDocument } from '../../src/store/graph/validate-document.ts';
import { EMPTY_VALIDATION, type ValidationIndex } from '../../src/store/graph/validation-index.ts';

interface Question {
  document: ScenarioDocument;
  answer(): void;
}

/** A validator whose answers (the real parser's) wait until the test releases them. */
function heldValidator(): { questions: Question[]; validate: (document: ScenarioDocument) => Promise<ValidationIndex> } {
  const questions: Question[] = [];
  return {
    questions,
    validate: (document) =>
      new Promise<ValidationIndex>((resolve) => {
        questions.push({ document, answer: () => resolve(validateDocument(document)) });
      }),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const validation = () => useGraphStore.getState().validation;
const workersOfApi = () => validation().nodes.get('api-1')?.map((issue) => `${issue.field}: ${issue.message}`) ?? [];

function start(): Question[] {
  graphActions.load(findBuiltin('checkout')!.scenario, { resetHistory: true });
  useGraphStore.setState({ validation: EMPTY_VALIDATION });
  const held = heldValidator();
  graphActions.setValidator(held.validate);
  return held.questions;
}

afterEach(() => graphActions.setValidator(validateDocument));

describe('asynchronous per-field validation', () => {
  it("files an answer that comes back while the document is unchanged", async () => {
    const questions = start();
    graphActions.setNodeField('api-1', ['workers'], -3);
    graphActions.validateNow();
    expect(workersOfApi()).toEqual([]); // nothing yet: the answer is on its way
    questions.at(-1)!.answer();
    await settle();
    expect(workersOfApi()).toEqual(['workers: expected a whole number ≥ 1 or "unbounded", got -3']);
    expect(validation().runnable).toBe(false);
  });

  it("an older edit's answer arriving after the newer one's never overwrites it", async () => {
    const questions = start();
    graphActions.setNodeField('api-1', ['workers'], -3);
    graphActions.validateNow();
    const older = questions.at(-1)!;
    graphActions.setNodeField('api-1', ['workers'], 4); // fixed
    graphActions.validateNow();
    const newer = questions.at(-1)!;
    expect(newer).not.toBe(older);
    newer.answer();
    await settle();
    expect(validation().runnable).toBe(true);
    expect(workersOfApi()).toEqual([]);
    older.answer(); // late: the broken document's messages
    await settle();
    expect(validation().runnable).toBe(true);
    expect(workersOfApi()).toEqual([]);
    expect(validation()).toEqual(validateDocument(useGraphStore.getState().document));
  });

  it('drops an answer for a document edited since, even before the next question is asked', async () => {
    const questions = start();
    graphActions.setNodeField('api-1', ['workers'], -3);
    graphActions.validateNow();
    const asked = questions.at(-1)!;
    graphActions.setNodeField('api-1', ['workers'], 4); // the 250 ms timer has not fired yet
    asked.answer();
    await settle();
    expect(workersOfApi()).toEqual([]); // not the broken document's message on the fixed document
    graphActions.validateNow(); // the timer fires
    questions.at(-1)!.answer();
    await settle();
    expect(validation()).toEqual(validateDocument(useGraphStore.getState().document));
  });

  it('answers released in order file each in turn, the last one staying', async () => {
    const questions = start();
    for (const workers of [-1, -2, -3]) {
      graphActions.setNodeField('api-1', ['workers'], workers);
      graphActions.validateNow();
      questions.at(-1)!.answer();
      await settle();
      expect(workersOfApi()).toEqual([`workers: expected a whole number ≥ 1 or "unbounded", got ${workers}`]);
    }
  });

  it('keeps the messages it has when the worker fails to answer', async () => {
    start();
    graphActions.setValidator(validateDocument);
    graphActions.setNodeField('api-1', ['workers'], -3);
    graphActions.validateNow();
    const before = validation();
    expect(before.runnable).toBe(false);
    graphActions.setValidator(() => Promise.reject(new Error('the simulation worker stopped')));
    await settle();
    expect(validation()).toBe(before);
  });
});
