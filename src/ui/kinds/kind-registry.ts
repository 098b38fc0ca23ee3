/**
 * Every node kind the editor offers: its name and description in the palette, its glyph, its
 * canvas node and its inspector section. A new kind is a canvas node
 * file, an inspector section file, a line here and its rules in src/store/graph/node-kind-rules.ts.
 */
import type { NodeProps } from '@xyflow/react';
import type { ComponentType } from 'react';
import type { CanvasNode } from '../canvas/canvas-types.ts';
import { BalancerGlyph, BalancerNode } from '../canvas/nodes/BalancerNode.tsx';
import { CacheGlyph, CacheNode } from '../canvas/nodes/CacheNode.tsx';
import { ClientGlyph, ClientNode } from '../canvas/nodes/ClientNode.tsx';
import { DatabaseGlyph, DatabaseNode } from '../canvas/nodes/DatabaseNode.tsx';
import { ExternalGlyph, ExternalNode } from '../canvas/nodes/ExternalNode.tsx';
import { IdentityGlyph, IdentityNode } from '../canvas/nodes/IdentityNode.tsx';
import { KeysetGlyph, KeysetNode } from '../canvas/nodes/KeysetNode.tsx';
import { ServiceGlyph, ServiceNode } from '../canvas/nodes/ServiceNode.tsx';
import { UnknownNode } from '../canvas/nodes/UnknownNode.tsx';
import { BalancerSection } from '../inspector/sections/BalancerSection.tsx';
import { CacheSection } from '../inspector/sections/CacheSection.tsx';
import { ClientSection, type SectionProps } from '../inspector/sections/ClientSection.tsx';
import { IdentitySection } from '../inspector/sections/IdentitySection.tsx';
import { KeysetSection } from '../inspector/sections/KeysetSection.tsx';
import { StationSection } from '../inspector/sections/StationSection.tsx';

export interface KindEntry {
  kind: string;
  title: string;
  /** One line in the palette and the inspector: what it models. */
  description: string;
  Glyph: ComponentType;
  Node: ComponentType<NodeProps<CanvasNode>>;
  Inspector: ComponentType<SectionProps>;
}

export const KINDS: readonly KindEntry[] = [
  { kind: 'client', title: 'Client', description: 'Users or callers sending requests at a rate.', Glyph: ClientGlyph, Node: ClientNode, Inspector: ClientSection },
  { kind: 'balancer', title: 'Load balancer', description: 'Spreads requests over its targets; notices crashes late.', Glyph: BalancerGlyph, Node: BalancerNode, Inspector: BalancerSection },
  { kind: 'cache', title: 'Cache', description: 'Answers popular keys itself; misses go to its backend.', Glyph: CacheGlyph, Node: CacheNode, Inspector: CacheSection },
  { kind: 'service', title: 'Service', description: 'An application server: workers, a queue, downstream calls.', Glyph: ServiceGlyph, Node: ServiceNode, Inspector: StationSection },
  { kind: 'database', title: 'Database', description: 'A connection pool with its own service time.', Glyph: DatabaseGlyph, Node: DatabaseNode, Inspector: StationSection },
  { kind: 'external', title: 'External API', description: 'A third-party dependency you do not control.', Glyph: ExternalGlyph, Node: ExternalNode, Inspector: StationSection },
  { kind: 'identity', title: 'Identity provider', description: 'Signs users in and issues tokens signed with its current key.', Glyph: IdentityGlyph, Node: IdentityNode, Inspector: IdentitySection },
  { kind: 'keyset', title: 'Key set', description: 'Publishes the keys validators trust (a JWKS endpoint they cache).', Glyph: KeysetGlyph, Node: KeysetNode, Inspector: KeysetSection },
];

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

export function kindEntry(kind: string): KindEntry | undefined {
  return BY_KIND.get(kind);
}

export const UNKNOWN_NODE_TYPE = 'unknown';

/** React Flow's nodeTypes: defined once at module level (a new object per render would remount every node). */
export const NODE_TYPES: Record<string, ComponentType<NodeProps<CanvasNode>>> = {
  ...Object.fromEntries(KINDS.map((k) => [k.kind, k.Node])),
  [UNKNOWN_NODE_TYPE]: UnknownNode,
};

export const nodeTypeOf = (kind: string): string => (BY_KIND.has(kind) ? kind : UNKNOWN_NODE_TYPE);
