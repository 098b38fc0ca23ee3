/**
 * Copy and paste of part of a graph. A copy holds the chosen nodes and the links among them;
 * a paste gives everything fresh ids, shifts it so it does not hide the original, and rewrites
 * references among the pasted nodes. References to nodes left behind are dropped: the copy has
 * no link to them, so the file would not validate.
 */
import { freshId, usedIds, type DocumentLink, type DocumentNode, type ScenarioDocument } from './document.ts';
import { rulesFor } from './node-kind-rules.ts';

export interface GraphClip {
  nodes: DocumentNode[];
  links: DocumentLink[];
}

export function copyGraph(document: ScenarioDocument, nodeIds: Iterable<string>): GraphClip | null {
  const chosen = new Set(nodeIds);
  const nodes = document.nodes.filter((n) => chosen.has(n.id));
  if (nodes.length === 0) return null;
  const links = document.links.filter((l) => chosen.has(l.from) && chosen.has(l.to));
  return structuredClone({ nodes, links });
}

export const PASTE_OFFSET_PX = 40;

export function pasteGraph(document: ScenarioDocument, clip: GraphClip, offsetPx = PASTE_OFFSET_PX): { document: ScenarioDocument; nodeIds: string[]; linkIds: string[] } {
  const taken = usedIds(document);
  const ids = new Map<string, string>();
  const claim = (old: string): string => {
    const id = freshId(old, taken);
    taken.add(id);
    return id;
  };
  for (const node of clip.nodes) ids.set(node.id, claim(node.id));
  const remap = (id: string): string | null => ids.get(id) ?? null;
  const nodes = clip.nodes.map((node) => {
    const mapped = rulesFor(node.kind).mapReferences(structuredClone(node), remap);
    const position = node.position ? { x: node.position.x + offsetPx, y: node.position.y + offsetPx } : undefined;
    return { ...mapped, id: ids.get(node.id)!, ...(position ? { position } : {}) };
  });
  const links = clip.links.map((link) => {
    const from = ids.get(link.from)!;
    const to = ids.get(link.to)!;
    const generated = link.id === `${link.from}-${link.to}` || link.id.startsWith(`${link.from}-${link.to}-`);
    return { ...structuredClone(link), id: claim(generated ? `${from}-${to}` : link.id), from, to };
  });
  return {
    document: { ...document, nodes: [...document.nodes, ...nodes], links: [...document.links, ...links] },
    nodeIds: nodes.map((n) => n.id),
    linkIds: links.map((l) => l.id),
  };
}
