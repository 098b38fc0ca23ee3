/**
 * The editor's per-field validation (issue 16): the simulation worker parses — it carries the
 * parser anyway, to validate what it runs — and the page files the answer under nodes, links and
 * fields (graph/validation-index.ts). So the editor's page ships no zod and no parser. The graph
 * store files only the latest question's answer (`graphActions.validateNow`).
 */
import type { SimulationHost } from '../../workers/protocol.ts';
import type { ScenarioDocument } from './graph/document.ts';
import { indexIssues, type ValidationIndex } from './graph/validation-index.ts';

/** What the validator needs of a host: its `check` (the page's worker over comlink, or the host itself in Node). */
export type CheckingHost = { check: (...args: Parameters<SimulationHost['check']>) => ReturnType<SimulationHost['check']> | Promise<ReturnType<SimulationHost['check']>> };

export function workerValidator(host: () => CheckingHost): (document: ScenarioDocument) => Promise<ValidationIndex> {
  // an experiment's values are checked by the Experiments panel and the CLI, not on every edit
  return async (document) => indexIssues(document, await host().check(document, { experimentValues: 'none' }));
}
