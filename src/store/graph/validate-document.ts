/**
 * Per-field validation in the same thread: the scenario parser run on the document, its problems
 * filed by validation-index.ts. For Node (tests, tools) — the editor's page asks its simulation
 * worker instead (../validate-in-worker.ts, the same parse and filing), so it carries no zod
 * (issue 16); the embed files the warnings its worker returned.
 */
import { parseScenario } from '../../scenario/index.ts';
import type { ScenarioDocument } from './document.ts';
import { indexIssues, type ValidationIndex } from './validation-index.ts';

export function validateDocument(document: ScenarioDocument): ValidationIndex {
  // an experiment's values are checked by the Experiments panel and the CLI, not on every edit
  return indexIssues(document, parseScenario(document, { experimentValues: 'none' }));
}
