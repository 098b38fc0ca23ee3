/**
 * One fault checked against a running scenario (a live injection from the page): its shape as in
 * a file's `faults`, then its target and action against the scenario's nodes and links — the same
 * checks and messages as a whole file's (references.ts), without parsing the file again. `at` is
 * optional here: a live fault happens now. Errors are under the path `fault`.
 */
import type { FaultSpec, ScenarioSpec } from '../engine/index.ts';
import { IssueLog, isPlainObject, type ScenarioIssue } from './errors.ts';
import { parseFault } from './faults.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { unsafeKeyMessage, unsafeKeyPaths } from './own-keys.ts';
import { checkFaultTargets } from './references.ts';
import { SemanticContext, type Declared } from './semantic-context.ts';

export type LiveFaultResult = { ok: true; fault: FaultSpec } | { ok: false; errors: ScenarioIssue[] };

/** Checks faults against one scenario; build it once per loaded scenario, call it per fault. */
export function liveFaultParser(spec: ScenarioSpec): (raw: unknown) => LiveFaultResult {
  const nodes = new Map<string, Declared>();
  spec.nodes.forEach((node, index) => nodes.set(node.id, { index, kind: node.kind }));
  const links = new Map<string, Declared>();
  spec.links.forEach((link, index) => links.set(link.id, { index, kind: undefined }));
  // The target checks read `auth` from the nodes as written: present or not.
  const rawNodes = spec.nodes.map((node) => ('auth' in node && node.auth !== null ? { auth: node.auth } : {}));
  return (raw) => {
    const log = new IssueLog();
    if (!isPlainObject(raw)) {
      log.error(['fault'], 'expected a fault object ({ "target": …, "action": … })');
      return { ok: false, errors: log.finalErrors() };
    }
    for (const path of unsafeKeyPaths(raw, SCENARIO_LIMITS.maxReportedErrors)) log.error(['fault', ...path.slice(0, -1)], unsafeKeyMessage(String(path.at(-1))));
    const withAt = { at: 0, ...raw };
    const fault = parseFault(withAt, ['fault'], log);
    const context = new SemanticContext(
      { header: undefined, rawNodes, rawLinks: undefined, rawFaults: [withAt], nodes: spec.nodes, links: spec.links, faults: [fault], guide: [] },
      log,
    );
    for (const [id, declared] of nodes) context.nodes.set(id, declared);
    for (const [id, declared] of links) context.links.set(id, declared);
    checkFaultTargets(context, ['fault']);
    if (log.hasErrors || fault === undefined) return { ok: false, errors: log.finalErrors() };
    return { ok: true, fault };
  };
}
