import type { KindContext } from './kind-context.ts';
import type { DistributionSpec, LinkDirectionSpec } from './spec.ts';

/**
 * Parameters that can change while a run goes on (the editor's "edit while running"). Anything
 * else changes the graph's structure or a node's state machine; hosts apply it by reloading.
 */
export interface NodePatch {
  ratePerSec?: number; // open-loop clients
  timeoutMs?: number; // clients: per attempt
  workers?: number; // stations (Infinity = unbounded), on every replica
  serviceTime?: DistributionSpec; // stations
  errorRate?: number; // stations
  queueCapacity?: number; // stations (Infinity = unbounded), on every replica; a smaller queue keeps what it holds
}

export interface LinkPatch {
  up?: boolean;
  latency?: DistributionSpec;
  capacityPerSec?: number;
  buffer?: number;
  loss?: number;
}

export type NodePatchField = keyof NodePatch;

/**
 * One field a running node of a kind takes live, declared once next to the code that applies it
 * (in the kind's runtime file): the format field an edit changes, the patch it becomes, and how
 * the runtime applies it. The worker's planner (workers/document-update.ts) reads the same
 * declarations, so what it patches live is exactly what the engine can patch.
 */
export type LiveEdit<S, N> = {
  [F in NodePatchField]-?: {
    patch: F;
    /** The spec's field an edit of this parameter changes. */
    specField: keyof S & string;
    /** The value the patch carries; undefined when this node cannot take it live (a closed-loop client's rate). */
    value(spec: S): Required<NodePatch>[F] | undefined;
    /** What else of `specField` must stay the same for the edit to be live (a queue: all but its capacity). */
    rest?(spec: S): unknown;
    /** Applies the new value; false when this node cannot take it (the host reloads instead). */
    apply(node: N, sim: KindContext, value: Required<NodePatch>[F]): boolean;
  };
}[NodePatchField];

/** A live edit with its node and spec types erased: what the registry and the planner hold. */
export interface AnyLiveEdit {
  patch: NodePatchField;
  specField: string;
  value(spec: never): unknown;
  rest?(spec: never): unknown;
  apply(node: never, sim: KindContext, value: never): boolean;
}

/** patchLink sets both directions alike. */
export const PATCHABLE_LINK_FIELDS: readonly (keyof LinkPatch)[] = ['up', 'latency', 'capacityPerSec', 'buffer', 'loss'];
/** The fields of a link direction a live edit may change (both directions at once; `up` is the link's own). */
export const LIVE_LINK_DIRECTION_FIELDS = ['latency', 'capacityPerSec', 'buffer', 'loss'] as const satisfies readonly (keyof LinkDirectionSpec & keyof LinkPatch)[];
