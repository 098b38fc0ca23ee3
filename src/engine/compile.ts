import { BalancerRuntime } from './kinds/balancer';
import type { NodeRuntime, PlanContext } from './kinds/node-runtime';
import { createNodeRuntime } from './kinds/registry';
import { LinkRuntime, Route } from './link';
import type { ScenarioSpec } from './spec';

export interface CompiledGraph {
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

  const ctx: PlanContext = {
    nodeIndex: indexOf,
    routeBetween: (from, to) => routes.get(`${from}\u0000${to}`) ?? null,
    classIndex: (name) => {
      const i = classNames.indexOf(name);
      return i;
    },
    classCount: classNames.length,
  };

  const nodes = spec.nodes.map((n, i) => createNodeRuntime(i, n, spec.seed));
  for (const node of nodes) node.plan(ctx);
  for (const node of nodes) if (node instanceof BalancerRuntime) node.bind(nodes);
  return { nodes, links, nodeIndex, linkIndex };
}
