import type { NodeRuntime, PlanContext } from './kinds/node-runtime.ts';
import { ProbeRuntime } from './kinds/probe.ts';
import { createNodeRuntime } from './kinds/registry.ts';
import { LinkRuntime, Route } from './link.ts';
import type { ScenarioSpec } from './spec.ts';

export interface CompiledGraph {
  /** Every key id the scenario names (key sets, signing keys, faults), by index. */
  keyNames: string[];
  nodes: NodeRuntime[];
  links: LinkRuntime[];
  nodeIndex: Map<string, number>;
  linkIndex: Map<string, number>;
}

/**
 * Turns a validated spec into runtime objects: nodes by index, links with their routes (parallel
 * links between the same two nodes share one), and each node's step plans per request class.
 * The spec is trusted (src/scenario validated it); a dangling reference here is a programming error.
 */
export function compile(spec: ScenarioSpec): CompiledGraph {
  const nodeIndex = new Map<string, number>();
  spec.nodes.forEach((n, i) => nodeIndex.set(n.id, i));
  // probes run after the scenario's nodes (their ids are distinct: the format checks it)
  const probeSpecs = spec.probes ?? [];
  probeSpecs.forEach((p, i) => nodeIndex.set(p.id, spec.nodes.length + i));
  const indexOf = (id: string): number => {
    const i = nodeIndex.get(id);
    if (i === undefined) throw new Error(`unknown node "${id}"`);
    return i;
  };

  const links = spec.links.map((l, i) => new LinkRuntime(i, l, indexOf(l.from), indexOf(l.to), spec.seed));
  const linkIndex = new Map<string, number>();
  links.forEach((l) => linkIndex.set(l.spec.id, l.index));
  const parallel = new Map<string, LinkRuntime[]>();
  for (const link of links) {
    const key = `${link.spec.from}\u0000${link.spec.to}`;
    const group = parallel.get(key);
    if (group) group.push(link);
    else parallel.set(key, [link]);
  }
  const routes = new Map<string, Route>();
  for (const [key, group] of parallel) routes.set(key, new Route(group, spec.seed));

  const classNames: string[] = [];
  for (const n of spec.nodes) {
    if (n.kind !== 'client') continue;
    for (const c of n.classes) if (!classNames.includes(c.name)) classNames.push(c.name);
  }
  if (classNames.length === 0) classNames.push('default');
  // One more class for background work no client sent (a validator's key-set fetches): every
  // node can serve it, and a `when` never names it.
  classNames.push('\u0000internal');
  const internalClass = classNames.length - 1;

  // Key ids become bit positions: key sets are bitmasks, so at most 31 (the format checks it).
  const keyNames: string[] = [];
  const addKey = (name: string | undefined): void => {
    if (name !== undefined && !keyNames.includes(name)) keyNames.push(name);
  };
  for (const n of spec.nodes) {
    if (n.kind === 'keyset') n.keys.forEach(addKey);
    if (n.kind === 'identity') addKey(n.signingKey);
  }
  for (const f of spec.faults) addKey(f.params.key);
  if (keyNames.length > 31) throw new Error(`at most 31 key ids, got ${keyNames.length}`);
  const keyIndex = (name: string): number => keyNames.indexOf(name);

  const ctx: PlanContext = {
    nodeIndex: indexOf,
    routeBetween: (from, to) => routes.get(`${from}\u0000${to}`) ?? null,
    classIndex: (name) => {
      const i = classNames.indexOf(name);
      return i;
    },
    classCount: classNames.length,
    internalClass,
    keyIndex,
    initialKeyMask: (keysetId) => {
      const keyset = spec.nodes.find((n) => n.id === keysetId);
      return keyset?.kind === 'keyset' ? keyset.keys.reduce((mask, k) => mask | (1 << keyIndex(k)), 0) : 0;
    },
  };

  const nodes = spec.nodes.map((n, i) => createNodeRuntime(i, n, spec.seed));
  probeSpecs.forEach((p, i) => nodes.push(new ProbeRuntime(spec.nodes.length + i, p, spec.seed)));
  for (const node of nodes) node.plan(ctx);
  for (const node of nodes) node.bind(nodes);
  return { keyNames, nodes, links, nodeIndex, linkIndex };
}
