/**
 * Call cycles: api calls db, db calls api (balancer targets, cache backends, circuit-breaker
 * fallbacks, an identity provider's MFA step and a validator's key-set fetches count as calls). A request that enters such a loop calls itself forever
 * (each hop holding a worker), and with zero latency and service time the engine would spin at
 * one instant of simulated time. So a cycle is an error, unless the `when` filters along it
 * leave no request class that could go all the way round.
 */
import type { NodeSpec } from '../engine/index.ts';
import { isPlainObject, type Path } from './errors.ts';

export interface CallEdge {
  from: string;
  to: string;
  /** null = every class. */
  when: readonly string[] | null;
  /** Where the edge is written, for the message. */
  path: Path;
}

export interface CallCycle {
  /** Node ids round the loop, first repeated at the end: ["api", "db", "api"]. */
  nodeIds: string[];
  /** Classes that can go all the way round; null = every class. */
  classes: string[] | null;
  /** The edge that closes the loop. */
  closingEdge: CallEdge;
}

/** Whether the file's `calls[j]` has a `circuitBreaker` of its own (else it uses the node's). */
function hasOwnBreaker(rawNode: unknown, j: number): boolean {
  const calls = isPlainObject(rawNode) ? rawNode.calls : undefined;
  const call: unknown = Array.isArray(calls) ? calls[j] : undefined;
  return isPlainObject(call) && call.circuitBreaker !== undefined;
}

/**
 * Every way a request can travel on: balancer targets, a cache's backend, calls and their
 * circuit-breaker fallbacks, MFA steps, key-set fetches. `rawNodes` only tells where a fallback
 * is written, for the message.
 */
export function callEdges(nodes: readonly (NodeSpec | undefined)[], rawNodes: readonly unknown[] = []): CallEdge[] {
  const edges: CallEdge[] = [];
  nodes.forEach((node, index) => {
    if (node === undefined) return;
    if (node.kind === 'balancer') {
      node.targets.forEach((to, j) => edges.push({ from: node.id, to, when: null, path: ['nodes', index, 'targets', j] }));
    } else if (node.kind === 'cache') {
      edges.push({ from: node.id, to: node.backend, when: null, path: ['nodes', index, 'backend'] });
    } else if (node.kind !== 'client') {
      node.calls.forEach((call, j) => {
        edges.push({ from: node.id, to: call.to, when: call.when, path: ['nodes', index, 'calls', j, 'to'] });
        const fallback = call.circuitBreaker?.fallback;
        if (fallback === undefined || fallback === null) return;
        const path: Path = hasOwnBreaker(rawNodes[index], j)
          ? ['nodes', index, 'calls', j, 'circuitBreaker', 'fallback']
          : ['nodes', index, 'circuitBreaker', 'fallback'];
        edges.push({ from: node.id, to: fallback, when: call.when, path });
      });
      if (node.kind === 'identity' && node.mfa !== null) {
        edges.push({ from: node.id, to: node.mfa.via, when: node.mfa.when, path: ['nodes', index, 'mfa', 'via'] });
      }
      if (node.auth !== null) edges.push({ from: node.id, to: node.auth.keyset, when: null, path: ['nodes', index, 'auth', 'keyset'] });
    }
  });
  // a node calling itself is already reported: no link may join a node to itself
  return edges.filter((edge) => edge.from !== edge.to);
}

function intersect(a: string[] | null, b: readonly string[] | null): string[] | null {
  if (a === null) return b === null ? null : [...b];
  if (b === null) return a;
  return a.filter((name) => b.includes(name));
}

/** Depth-first, iterative (a 2000-node chain must not overflow the stack); stops after `maxCycles`. */
export function findCallCycles(edges: readonly CallEdge[], maxCycles: number): CallCycle[] {
  const outgoing = new Map<string, CallEdge[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list === undefined) outgoing.set(edge.from, [edge]);
    else list.push(edge);
  }
  const done = new Set<string>();
  const cycles: CallCycle[] = [];
  for (const start of outgoing.keys()) {
    if (done.has(start)) continue;
    // the current path: nodes and, for each, the index of its next edge to follow
    const pathNodes: string[] = [start];
    const pathEdges: CallEdge[] = [];
    const nextEdge: number[] = [0];
    const onPath = new Map<string, number>([[start, 0]]);
    while (pathNodes.length > 0) {
      const depth = pathNodes.length - 1;
      const node = pathNodes[depth] as string;
      const edgesOut = outgoing.get(node) ?? [];
      const edgeIndex = nextEdge[depth] as number;
      if (edgeIndex >= edgesOut.length) {
        done.add(node);
        onPath.delete(node);
        pathNodes.pop();
        pathEdges.pop();
        nextEdge.pop();
        continue;
      }
      nextEdge[depth] = edgeIndex + 1;
      const edge = edgesOut[edgeIndex] as CallEdge;
      const loopStart = onPath.get(edge.to);
      if (loopStart !== undefined) {
        const loopEdges = [...pathEdges.slice(loopStart), edge];
        const classes = loopEdges.reduce<string[] | null>((acc, e) => intersect(acc, e.when), null);
        if (classes === null || classes.length > 0) {
          cycles.push({ nodeIds: [...pathNodes.slice(loopStart), edge.to], classes, closingEdge: edge });
          if (cycles.length >= maxCycles) return cycles;
        }
      } else if (!done.has(edge.to)) {
        onPath.set(edge.to, pathNodes.length);
        pathNodes.push(edge.to);
        pathEdges.push(edge);
        nextEdge.push(0);
      }
    }
  }
  return cycles;
}
