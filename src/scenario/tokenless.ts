/**
 * A warning for validators that requests without a token can reach: requests of a client without
 * `auth`, sign-ins travelling on from an identity provider (its calls and MFA step), key-set
 * fetches travelling on from a key set. A validator rejects all of them (reason: no token), which
 * is rarely what the scenario means.
 *
 * One breadth-first walk from every such source at once along the call edges (call-cycles.ts),
 * stopping at validators (a rejected request goes no further); each validator reached is named
 * once, with the first source that reaches it.
 */
import type { NodeSpec } from '../engine/index.ts';
import { callEdges } from './call-cycles.ts';
import { quote, type SemanticContext } from './semantic-context.ts';

interface Source {
  /** Where tokenless requests enter the graph. */
  at: string;
  why: string;
}

function sourcesOf(nodes: readonly (NodeSpec | undefined)[]): Source[] {
  const sources: Source[] = [];
  for (const node of nodes) {
    if (node === undefined) continue;
    if (node.kind === 'client' && node.auth === null) {
      sources.push({ at: node.target, why: `from client ${quote(node.id)}, which has no "auth"` });
    } else if (node.kind === 'identity') {
      const why = `sign-ins passed on by identity provider ${quote(node.id)}, which carry no token`;
      for (const call of node.calls) sources.push({ at: call.to, why });
      if (node.mfa !== null) sources.push({ at: node.mfa.via, why });
    } else if (node.kind === 'keyset') {
      for (const call of node.calls) sources.push({ at: call.to, why: `key-set fetches passed on by ${quote(node.id)}, which carry no token` });
    }
  }
  return sources;
}

export function checkTokenlessRequests({ scenario, log }: SemanticContext): void {
  const validators = new Set<string>();
  for (const node of scenario.nodes) {
    if (node !== undefined && node.kind !== 'client' && 'auth' in node && node.auth !== null) validators.add(node.id);
  }
  if (validators.size === 0) return;
  const validates = (id: string) => validators.has(id);
  const next = new Map<string, string[]>();
  for (const edge of callEdges(scenario.nodes)) {
    if (edge.path.at(-2) === 'auth') continue; // a validator's own fetch of its key set
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  }
  const reachedBy = new Map<string, string>();
  const queue: Source[] = [];
  const reach = (source: Source) => {
    if (reachedBy.has(source.at)) return;
    reachedBy.set(source.at, source.why);
    queue.push(source);
  };
  sourcesOf(scenario.nodes).forEach(reach);
  for (let i = 0; i < queue.length; i++) {
    const { at, why } = queue[i] as Source;
    if (!validates(at)) for (const to of next.get(at) ?? []) reach({ at: to, why });
  }
  scenario.nodes.forEach((node, index) => {
    const why = node === undefined ? undefined : reachedBy.get(node.id);
    if (why !== undefined && validates(node?.id ?? '')) {
      log.warn(['nodes', index, 'auth'], `requests without a token reach this node (${why}): it rejects every one of them`);
    }
  });
}
