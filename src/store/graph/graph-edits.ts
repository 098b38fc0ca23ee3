/**
 * Pure edits of a scenario document: each takes a document and returns a new one (or the same
 * object when nothing changed), keeping references consistent — a renamed node is renamed in
 * links, targets, calls, faults, probes, alerts and guide steps' `watch` lists; a removed one
 * leaves no dangling reference behind.
 */
import { forgetInExperiment, renameInExperiment } from '../../experiments/experiment-refs.ts';
import { ID_PATTERN } from '../../scenario/facts.ts';
import { freshId, usedIds, type CanvasPosition, type DocumentLink, type DocumentNode, type ScenarioDocument } from './document.ts';
import { setIn, type FieldPath } from './field-path.ts';
import { rulesFor, type ReferenceMap } from './node-kind-rules.ts';
import { withExpectPaths } from './expect-references.ts';
import { withMonitoringMapped } from './monitoring-references.ts';

export type EditResult<T = object> = ({ ok: true; document: ScenarioDocument } & T) | { ok: false; reason: string };

export function addNode(document: ScenarioDocument, kind: string, position: CanvasPosition): { document: ScenarioDocument; id: string } {
  const id = freshId(kind, usedIds(document));
  const node: DocumentNode = { id, kind, ...rulesFor(kind).defaults(), position: roundPosition(position) };
  return { document: { ...document, nodes: [...document.nodes, node] }, id };
}

/** Sets (or with `undefined`, removes) one field of a node, at any depth. */
export function setNodeField(document: ScenarioDocument, id: string, path: FieldPath, value: unknown): ScenarioDocument {
  return mapNode(document, id, (node) => setIn(node, path, value));
}

export function setLinkField(document: ScenarioDocument, id: string, path: FieldPath, value: unknown): ScenarioDocument {
  const links = document.links.map((link) => (link.id === id ? setIn(link, path, value) : link));
  return { ...document, links };
}

/** Sets (or removes) a top-level field: name, duration, seed, sampleEvery, warmup, description. */
export function setScenarioField(document: ScenarioDocument, key: string, value: unknown): ScenarioDocument {
  return setIn(document, [key], value);
}

export function moveNodes(document: ScenarioDocument, positions: ReadonlyMap<string, CanvasPosition>): ScenarioDocument {
  const nodes = document.nodes.map((node) => {
    const position = positions.get(node.id);
    return position ? { ...node, position: roundPosition(position) } : node;
  });
  return { ...document, nodes };
}

function checkNewId(document: ScenarioDocument, oldId: string, newId: string): string | null {
  if (!ID_PATTERN.test(newId)) return 'an id is 1–64 letters, digits, "_", ".", ":" or "-"';
  if (newId !== oldId && usedIds(document).has(newId)) return `"${newId}" is already the id of a node or link`;
  return null;
}

export function renameNode(document: ScenarioDocument, oldId: string, newId: string): EditResult {
  if (oldId === newId) return { ok: true, document };
  const problem = checkNewId(document, oldId, newId);
  if (problem) return { ok: false, reason: problem };
  const rename: ReferenceMap = (id) => (id === oldId ? newId : id);
  const taken = usedIds(document);
  taken.add(newId);
  const linkRenames = new Map<string, string>();
  const links = document.links.map((link) => {
    if (link.from !== oldId && link.to !== oldId) return link;
    const from = rename(link.from) ?? link.from;
    const to = rename(link.to) ?? link.to;
    // Keep generated link ids ("users-api") in step with their ends; hand-named ones stay.
    let id = link.id;
    if (isGeneratedLinkId(link)) {
      taken.delete(link.id);
      id = freshId(`${from}-${to}`, taken);
      taken.add(id);
      if (id !== link.id) linkRenames.set(link.id, id);
    }
    return { ...link, id, from, to };
  });
  const nodes = document.nodes.map((node) => {
    const mapped = rulesFor(node.kind).mapReferences(node, rename);
    return node.id === oldId ? { ...mapped, id: newId } : mapped;
  });
  const renamed = (id: string) => (id === oldId ? newId : (linkRenames.get(id) ?? id));
  const faults = document.faults.map((fault) => {
    const target = renamed(fault.target);
    return target === fault.target ? fault : { ...fault, target };
  });
  const renamedDoc = withExperimentRenamed({ ...document, nodes, links, faults }, 'nodes', oldId, newId);
  const linksRenamed = [...linkRenames].reduce((doc, [from, to]) => withExperimentRenamed(doc, 'links', from, to), renamedDoc);
  const monitored = withMonitoringMapped(linksRenamed, renamed);
  return { ok: true, document: withExpectPaths(withGuideWatch(monitored, renamed), usedIds(document), renamed) };
}

export function renameLink(document: ScenarioDocument, oldId: string, newId: string): EditResult {
  if (oldId === newId) return { ok: true, document };
  const problem = checkNewId(document, oldId, newId);
  if (problem) return { ok: false, reason: problem };
  const links = document.links.map((link) => (link.id === oldId ? { ...link, id: newId } : link));
  const faults = document.faults.map((fault) => (fault.target === oldId ? { ...fault, target: newId } : fault));
  const renamed = (id: string) => (id === oldId ? newId : id);
  const withExperiment = withMonitoringMapped(withExperimentRenamed({ ...document, links, faults }, 'links', oldId, newId), renamed);
  return { ok: true, document: withExpectPaths(withGuideWatch(withExperiment, renamed), usedIds(document), renamed) };
}

/** "a-b" or "a-b-2" for a link from a to b: the ids connect() makes. */
function isGeneratedLinkId(link: DocumentLink): boolean {
  const stem = `${link.from}-${link.to}`;
  return link.id === stem || new RegExp(`^${escapeRegExp(stem)}-\\d+$`).test(link.id);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function connect(document: ScenarioDocument, from: string, to: string): EditResult<{ linkId: string }> {
  const source = document.nodes.find((n) => n.id === from);
  const target = document.nodes.find((n) => n.id === to);
  if (!source || !target) return { ok: false, reason: 'both ends must be nodes' };
  if (from === to) return { ok: false, reason: 'a link joins two different nodes' };
  if (!rulesFor(target.kind).acceptsIncoming) return { ok: false, reason: `a ${target.kind} only sends; links cannot end at it` };
  const linkId = freshId(`${from}-${to}`, usedIds(document));
  // Parallel links agree on routing (docs/format.md): a new one copies its siblings'.
  const sibling = document.links.find((l) => l.from === from && l.to === to);
  const link: DocumentLink = { id: linkId, from, to, latency: '1ms' };
  if (sibling?.routing !== undefined) link.routing = sibling.routing;
  if (sibling) link.priority = Math.max(...document.links.filter((l) => l.from === from && l.to === to).map((l) => (typeof l.priority === 'number' ? l.priority : 0))) + 1;
  const nodes = document.nodes.map((node) => (node.id === from ? rulesFor(node.kind).onConnect(node, to, target.kind) : node));
  return { ok: true, document: { ...document, nodes, links: [...document.links, link] }, linkId };
}

/** Removes links; where no link is left from a node to another, its call, target or balancer target goes too. */
export function removeLinks(document: ScenarioDocument, ids: Iterable<string>): ScenarioDocument {
  const doomed = new Set(ids);
  if (doomed.size === 0) return document;
  const removed = document.links.filter((l) => doomed.has(l.id));
  if (removed.length === 0) return document;
  const links = document.links.filter((l) => !doomed.has(l.id));
  const stillLinked = new Set(links.map((l) => `${l.from}\u0000${l.to}`));
  const cut = new Map<string, Set<string>>(); // from → tos that lost their last link
  for (const l of removed) {
    if (stillLinked.has(`${l.from}\u0000${l.to}`)) continue;
    if (!cut.has(l.from)) cut.set(l.from, new Set());
    cut.get(l.from)!.add(l.to);
  }
  const nodes = document.nodes.map((node) => {
    const lost = cut.get(node.id);
    return lost ? rulesFor(node.kind).mapReferences(node, (id) => (lost.has(id) ? null : id)) : node;
  });
  const faults = document.faults.filter((f) => !doomed.has(f.target));
  const forget = (id: string) => (doomed.has(id) ? null : id);
  const monitored = withMonitoringMapped({ ...document, nodes, links, faults }, forget, (via, target) => cut.get(via)?.has(target) === true);
  return withGuideWatch(withExperimentForgetting(monitored, 'links', doomed), forget);
}

export function removeNodes(document: ScenarioDocument, ids: Iterable<string>): ScenarioDocument {
  const doomed = new Set(ids);
  if (doomed.size === 0) return document;
  const attached = document.links.filter((l) => doomed.has(l.from) || doomed.has(l.to)).map((l) => l.id);
  const unlinked = removeLinks(document, attached);
  const forget: ReferenceMap = (id) => (doomed.has(id) ? null : id);
  const nodes = unlinked.nodes.filter((n) => !doomed.has(n.id)).map((n) => rulesFor(n.kind).mapReferences(n, forget));
  const faults = unlinked.faults.filter((f) => !doomed.has(f.target));
  const monitored = withMonitoringMapped({ ...unlinked, nodes, faults }, forget);
  return withGuideWatch(withExperimentForgetting(monitored, 'nodes', doomed), forget);
}

/** A sweep's paths and metrics follow a rename (src/experiments/experiment-refs.ts). */
function withExperimentRenamed(document: ScenarioDocument, list: 'nodes' | 'links', oldId: string, newId: string): ScenarioDocument {
  if (document.experiment === undefined) return document;
  const experiment = renameInExperiment(document.experiment, list, oldId, newId);
  return experiment === document.experiment ? document : { ...document, experiment };
}

/** A delete follows too: metrics of deleted nodes go; a sweep of a deleted thing goes whole (undo brings it back). */
function withExperimentForgetting(document: ScenarioDocument, list: 'nodes' | 'links', doomed: ReadonlySet<string>): ScenarioDocument {
  if (document.experiment === undefined) return document;
  const experiment = forgetInExperiment(document.experiment, list, doomed);
  if (experiment === document.experiment) return document;
  if (experiment !== undefined) return { ...document, experiment };
  const { experiment: _gone, ...rest } = document;
  return rest as ScenarioDocument;
}

/**
 * The guide steps' `watch` ids mapped (null: dropped; a list left empty goes with its key; an id
 * named twice after a rename is kept once). The
 * guide is raw JSON the person may be typing: anything that is not a step with a list of ids is
 * kept as it is, and the document is the same object when no id changed.
 */
function withGuideWatch(document: ScenarioDocument, map: (id: string) => string | null): ScenarioDocument {
  const guide = document.guide;
  if (!Array.isArray(guide)) return document;
  let changed = false;
  const steps = guide.map((step: unknown) => {
    if (typeof step !== 'object' || step === null || !Array.isArray((step as { watch?: unknown }).watch)) return step;
    const watch = (step as { watch: unknown[] }).watch;
    const each = watch.flatMap((id) => (typeof id === 'string' ? (map(id) ?? []) : [id]));
    if (each.length === watch.length && each.every((id, i) => id === watch[i])) return step;
    changed = true;
    const mapped = [...new Set(each)];
    if (mapped.length > 0) return { ...step, watch: mapped };
    const { watch: _emptied, ...rest } = step as Record<string, unknown>;
    return rest;
  });
  return changed ? { ...document, guide: steps } : document;
}

function mapNode(document: ScenarioDocument, id: string, change: (node: DocumentNode) => DocumentNode): ScenarioDocument {
  let changed = false;
  const nodes = document.nodes.map((node) => {
    if (node.id !== id) return node;
    changed = true;
    return change(node);
  });
  return changed ? { ...document, nodes } : document;
}

/** Whole pixels: a file diff should not show 120.00000000000001. */
function roundPosition({ x, y }: CanvasPosition): CanvasPosition {
  return { x: Math.round(x), y: Math.round(y) };
}
