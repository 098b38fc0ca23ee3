/**
 * The document, the selection and the parser's problems as React Flow nodes and edges. Each
 * element is rebuilt only when its own inputs change (the same document node object, the same
 * selected flag, the same problems): React Flow then re-renders only what changed, which keeps a
 * 1,000-node graph responsive while one node is edited or dragged.
 */
import { MarkerType } from '@xyflow/react';
import type { DocumentLink, DocumentNode, ScenarioDocument } from '../../store/graph-store.ts';
import type { FieldIssue, ValidationIndex } from '../../store/graph/validation-index.ts';
import type { CanvasEdge, CanvasEdgeData, CanvasNode } from './canvas-types.ts';
import type { ImpactBand } from '../../experiments/weak-points.ts';

interface Cached<E> {
  selected: boolean;
  highlighted: boolean;
  measured?: Measured;
  issues: readonly FieldIssue[] | undefined;
  impact: ImpactBand | undefined;
  extra: string;
  element: E;
}

/** A node's size as React Flow measured it: kept on the node, or React Flow measures it again. */
export interface Measured {
  width: number;
  height: number;
}

const ORIGIN = { x: 0, y: 0 };
const ARROW = { type: MarkerType.ArrowClosed, width: 14, height: 14 } as const;
/** The guide's glow (canvas.css): a class of its own, never React Flow's selection. */
export const HIGHLIGHT_CLASS = 'fl-guide-highlight';
const NO_IDS: ReadonlySet<string> = new Set();
const NO_IMPACT: ReadonlyMap<string, ImpactBand> = new Map();

/** A weak-points analysis' tint (canvas.css): `fl-impact fl-impact--high`, beside the guide's highlight. */
export function impactClass(impact: ImpactBand | undefined): string {
  return impact === undefined ? '' : `fl-impact fl-impact--${impact}`;
}

function elementClass(highlighted: boolean, impact: ImpactBand | undefined): { className?: string } {
  const className = [highlighted ? HIGHLIGHT_CLASS : '', impactClass(impact)].filter(Boolean).join(' ');
  return className === '' ? {} : { className };
}

const impactWords = (impact: ImpactBand | undefined): string => (impact === undefined ? '' : `, weak point: ${impact} impact`);

export interface FlowElementsBuilder {
  nodes(document: ScenarioDocument, selected: ReadonlySet<string>, validation: ValidationIndex, measured: ReadonlyMap<string, Measured>, highlighted?: ReadonlySet<string>, impacts?: ReadonlyMap<string, ImpactBand>): CanvasNode[];
  edges(document: ScenarioDocument, selected: ReadonlySet<string>, validation: ValidationIndex, highlighted?: ReadonlySet<string>, impacts?: ReadonlyMap<string, ImpactBand>): CanvasEdge[];
}

export function createFlowElementsBuilder(nodeType: (kind: string) => string): FlowElementsBuilder {
  const nodeCache = new WeakMap<DocumentNode, Cached<CanvasNode>>();
  const edgeCache = new WeakMap<DocumentLink, Cached<CanvasEdge>>();

  function node(doc: DocumentNode, selected: boolean, highlighted: boolean, issues: readonly FieldIssue[] | undefined, measured: Measured | undefined, impact: ImpactBand | undefined): CanvasNode {
    const hit = nodeCache.get(doc);
    if (hit && hit.selected === selected && hit.highlighted === highlighted && hit.issues === issues && hit.measured === measured && hit.impact === impact) return hit.element;
    const label = typeof doc.label === 'string' && doc.label !== '' ? doc.label : doc.id;
    const element: CanvasNode = {
      id: doc.id,
      type: nodeType(doc.kind),
      position: doc.position ?? ORIGIN,
      data: { node: doc, issues },
      selected,
      ...elementClass(highlighted, impact),
      measured,
      ariaLabel: `${doc.kind} ${label}${issues?.length ? `, ${issues.length} problem${issues.length === 1 ? '' : 's'}` : ''}${highlighted ? ', highlighted by the guide' : ''}${impactWords(impact)}`,
    };
    nodeCache.set(doc, { selected, highlighted, issues, measured, impact, extra: '', element });
    return element;
  }

  function edge(doc: DocumentLink, selected: boolean, highlighted: boolean, issues: readonly FieldIssue[] | undefined, parallelIndex: number, parallelCount: number, impact: ImpactBand | undefined, labelAnchor: LabelAnchor): CanvasEdge {
    const extra = `${parallelIndex}/${parallelCount}/${labelAnchor}`;
    const hit = edgeCache.get(doc);
    if (hit && hit.selected === selected && hit.highlighted === highlighted && hit.issues === issues && hit.extra === extra && hit.impact === impact) return hit.element;
    const element: CanvasEdge = {
      id: doc.id,
      type: 'link',
      source: doc.from,
      target: doc.to,
      selected,
      ...elementClass(highlighted, impact),
      markerEnd: ARROW,
      data: { link: doc, issues, parallelIndex, parallelCount, labelAnchor },
      ariaLabel: `link ${doc.id} from ${doc.from} to ${doc.to}${highlighted ? ', highlighted by the guide' : ''}${impactWords(impact)}`,
    };
    edgeCache.set(doc, { selected, highlighted, issues, impact, extra, element });
    return element;
  }

  return {
    nodes(document, selected, validation, measured, highlighted = NO_IDS, impacts = NO_IMPACT) {
      return document.nodes.map((n) => node(n, selected.has(n.id), highlighted.has(n.id), validation.nodes.get(n.id), measured.get(n.id), impacts.get(n.id)));
    },
    edges(document, selected, validation, highlighted = NO_IDS, impacts = NO_IMPACT) {
      const known = new Set(document.nodes.map((n) => n.id));
      const pairCounts = new Map<string, number>();
      const pairKey = (l: DocumentLink) => (l.from < l.to ? `${l.from}\u0000${l.to}` : `${l.to}\u0000${l.from}`);
      for (const l of document.links) pairCounts.set(pairKey(l), (pairCounts.get(pairKey(l)) ?? 0) + 1);
      const seen = new Map<string, number>();
      const drawn = document.links.filter((l) => known.has(l.from) && known.has(l.to));
      const anchorOf = labelAnchors(drawn);
      const edges: CanvasEdge[] = [];
      for (const l of document.links) {
        // A link to a node that does not exist cannot be drawn; the inspector lists the problem.
        if (!known.has(l.from) || !known.has(l.to)) continue;
        const key = pairKey(l);
        const index = seen.get(key) ?? 0;
        seen.set(key, index + 1);
        edges.push(edge(l, selected.has(l.id), highlighted.has(l.id), validation.links.get(l.id), index, pairCounts.get(key)!, impacts.get(l.id), anchorOf(l)));
      }
      return edges;
    },
  };
}

type LabelAnchor = NonNullable<CanvasEdgeData['labelAnchor']>;

/**
 * Where each link's numbers go (CanvasEdgeData.labelAnchor). A label wider than the gap between
 * two columns, set at a steep link's middle, covers the cards beside it ("loss 37%" over the card
 * under Apple push in the mfa story): of a source fanning out, the label goes beside the target
 * (the source's column is clear at that height); into a target gathering links in, beside the source.
 */
export function labelAnchors(links: readonly DocumentLink[]): (link: DocumentLink) => LabelAnchor {
  const out = new Map<string, number>();
  const into = new Map<string, number>();
  for (const l of links) {
    out.set(l.from, (out.get(l.from) ?? 0) + 1);
    into.set(l.to, (into.get(l.to) ?? 0) + 1);
  }
  return (l) => {
    const fanOut = out.get(l.from) ?? 0;
    const fanIn = into.get(l.to) ?? 0;
    if (fanOut > 1 && fanOut > fanIn) return 'end';
    if (fanIn > 1 && fanIn > fanOut) return 'start';
    return 'middle';
  };
}
