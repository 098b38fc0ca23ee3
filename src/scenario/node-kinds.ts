/**
 * The format's node kinds, zod-free: the engine's kinds in its fact table's order (nodes.ts holds
 * a schema for each — `satisfies` keeps the two sets equal — and words its messages in this order).
 * The canvas and the inspector read them through light.ts without the parser.
 */
import type { NodeSpec } from '../engine/index.ts';
import { KIND_FACTS } from '../engine/kind-facts.ts';

export type NodeKind = NodeSpec['kind'];
export const NODE_KINDS = Object.keys(KIND_FACTS) as NodeKind[];
