/**
 * The editor's per-field validation: the scenario parser run on the document being edited, its
 * problems filed by validation-index.ts. The one module of the graph store that carries the parser
 * (zod): the editor registers it at start (`graphActions.setValidator`); the embed does not — its
 * worker validates, and the embed files the worker's warnings instead (issue 16).
 */
import { parseScenario } from '../../scenario/index.ts';
import type { ScenarioDocument } from './document.ts';
import { indexIssues, type ValidationIndex } from './validation-index.ts';

export function validateDocument(document: ScenarioDocument): ValidationIndex {
  // an experiment's values are checked by the Experiments panel and the CLI, not on every edit
  return indexIssues(document, parseScenario(document, { experimentValues: 'none' }));
}
