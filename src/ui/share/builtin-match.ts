/**
 * Which built-in the document IS, unchanged (so the short `?scenario=<id>` link opens the same
 * graph), or null. A built-in is compared as the editor loaded it: laid out, the same way.
 */
import { builtinScenarios } from '../../scenarios/index.ts';
import { layoutDocument } from '../../store/graph/auto-layout.ts';
import { readEditableDocument, type ScenarioDocument } from '../../store/graph/document.ts';

export function unmodifiedBuiltinId(document: ScenarioDocument): string | null {
  const text = JSON.stringify(document);
  for (const builtin of builtinScenarios) {
    if ((builtin.scenario as { name?: unknown }).name !== document.name) continue; // cheap first
    const read = readEditableDocument(structuredClone(builtin.scenario));
    if (read.ok && JSON.stringify(layoutDocument(read.document)) === text) return builtin.id;
  }
  return null;
}
