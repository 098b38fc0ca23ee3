/**
 * What each node kind means to the editor's document edits: its defaults when added from the
 * palette, whether links may end at it, what a new outgoing link adds to it, and which node ids
 * it refers to (so renames and deletes keep the file consistent). A new kind adds one entry here,
 * one canvas node file and one inspector section (STYLE.md).
 */
import { kindFacts } from '../../engine/kind-facts.ts';
import type { DocumentNode } from './document.ts';

/** Maps a referenced node id to its new id, or null when the reference must go. */
export type ReferenceMap = (id: string) => string | null;

export interface NodeKindRules {
  /** Fields a new node starts with, beside id, kind and position. */
  defaults: () => Record<string, unknown>;
  /** Clients only send (docs/format.md): no link, call or target may end at them. */
  acceptsIncoming: boolean;
  /** The node after its first outgoing link to `to`, a node of kind `toKind` (a call, a target, an issuer…). */
  onConnect: (node: DocumentNode, to: string, toKind: string) => DocumentNode;
  /** The node with each node id it refers to passed through `map`. */
  mapReferences: (node: DocumentNode, map: ReferenceMap) => DocumentNode;
}

const withoutKey = (node: DocumentNode, key: string): DocumentNode => {
  const copy = { ...node };
  delete copy[key];
  return copy;
};

type Sub = Record<string, unknown>;
const subObject = (node: DocumentNode, key: string): Sub | null => {
  const value = node[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Sub) : null;
};

/**
 * A node id inside a sub-object (`auth.issuer`, `auth.keyset`, `mfa.via`) through `map`. When the
 * referenced node goes, only that field goes: the rest of the settings stay and the parser says
 * the id is missing, next to the field (an empty object left behind goes too).
 */
function mapNested(node: DocumentNode, key: string, field: string, map: ReferenceMap): DocumentNode {
  const sub = subObject(node, key);
  if (sub === null || typeof sub[field] !== 'string') return node;
  const next = map(sub[field]);
  if (next === sub[field]) return node;
  if (next !== null) return { ...node, [key]: { ...sub, [field]: next } };
  const rest = { ...sub };
  delete rest[field];
  return Object.keys(rest).length === 0 ? withoutKey(node, key) : { ...node, [key]: rest };
}

const client: NodeKindRules = {
  // 10/s against the service below (4 workers × 50 ms = 80/s): healthy until someone turns it up.
  defaults: () => ({ rate: 10, arrival: 'poisson', timeout: '2s' }),
  acceptsIncoming: false,
  onConnect: (node, to, toKind) => {
    // A link to an identity provider is where the client signs in, not where it sends requests.
    if (toKind === 'identity') {
      const auth = subObject(node, 'auth');
      return typeof auth?.issuer === 'string' && auth.issuer !== '' ? node : { ...node, auth: { ...auth, issuer: to } };
    }
    return typeof node.target === 'string' && node.target !== '' ? node : { ...node, target: to };
  },
  mapReferences: (node, map) => {
    node = mapNested(node, 'auth', 'issuer', map);
    if (typeof node.target !== 'string') return node;
    const target = map(node.target);
    if (target === node.target) return node;
    return target === null ? withoutKey(node, 'target') : { ...node, target };
  },
};

/** How often a validator made by a link to a key set refreshes it: a common library default. */
export const DEFAULT_REFRESH_EVERY = '12h';

type Call = Record<string, unknown> & { to?: unknown };

function stationRules(defaults: () => Record<string, unknown>): NodeKindRules {
  return {
    defaults,
    acceptsIncoming: true,
    onConnect: (node, to, toKind) => {
      // A link to a key set is the way its key fetches go, never a call: from a service, database
      // or external it makes the node a validator of that key set (unless it already has one).
      if (toKind === 'keyset') {
        if (!kindFacts(node.kind)?.validatesTokens) return node;
        const auth = subObject(node, 'auth');
        if (typeof auth?.keyset === 'string' && auth.keyset !== '') return node;
        return { ...node, auth: { ...auth, keyset: to, refreshEvery: auth?.refreshEvery ?? DEFAULT_REFRESH_EVERY } };
      }
      const calls = Array.isArray(node.calls) ? (node.calls as Call[]) : [];
      // A parallel link is another way to the same node, not another call.
      return calls.some((call) => call.to === to) ? node : { ...node, calls: [...calls, { to }] };
    },
    mapReferences: (node, map) => {
      node = mapNested(mapNested(node, 'auth', 'keyset', map), 'mfa', 'via', map);
      if (!Array.isArray(node.calls)) return node;
      const calls = node.calls as Call[];
      let changed = false;
      const next: Call[] = [];
      for (const call of calls) {
        if (typeof call !== 'object' || call === null || typeof call.to !== 'string') {
          next.push(call);
          continue;
        }
        const to = map(call.to);
        if (to !== call.to) changed = true;
        if (to !== null) next.push(to === call.to ? call : { ...call, to });
      }
      return changed ? { ...node, calls: next } : node;
    },
  };
}

const balancer: NodeKindRules = {
  defaults: () => ({ policy: 'roundRobin', targets: [], detectAfter: '5s' }),
  acceptsIncoming: true,
  onConnect: (node, to) => {
    const targets = Array.isArray(node.targets) ? (node.targets as unknown[]) : [];
    return targets.includes(to) ? node : { ...node, targets: [...targets, to] };
  },
  mapReferences: (node, map) => {
    if (!Array.isArray(node.targets)) return node;
    const targets = node.targets as unknown[];
    const next = targets.flatMap((t) => (typeof t === 'string' ? (map(t) ?? []) : [t]));
    return next.length === targets.length && next.every((t, i) => t === targets[i]) ? node : { ...node, targets: next };
  },
};

const cache: NodeKindRules = {
  // 1,000 keys at Zipf 1 with a 30 s TTL: a clearly useful cache, until someone flushes it.
  defaults: () => ({ keys: 1000, ttl: '30s', hitTime: '1ms' }),
  acceptsIncoming: true,
  onConnect: (node, to) => (typeof node.backend === 'string' && node.backend !== '' ? node : { ...node, backend: to }),
  mapReferences: (node, map) => {
    if (typeof node.backend !== 'string') return node;
    const backend = map(node.backend);
    if (backend === node.backend) return node;
    return backend === null ? withoutKey(node, 'backend') : { ...node, backend };
  },
};

export const NODE_KIND_RULES: Record<string, NodeKindRules> = {
  client,
  // A small M/M/4 box with a bounded queue: overload shows as a full queue and drops, not as an
  // ever-growing line (the format's own default is one worker and an unbounded queue).
  service: stationRules(() => ({ workers: 4, serviceTime: { dist: 'exponential', mean: '50ms' }, queue: { capacity: 100 } })),
  database: stationRules(() => ({ workers: 10, serviceTime: { dist: 'exponential', mean: '5ms' }, queue: { capacity: 200 } })),
  external: stationRules(() => ({ workers: 'unbounded', serviceTime: '50ms' })),
  // Azure AD's token lifetime; unbounded workers so sign-ins only queue when someone says so.
  identity: stationRules(() => ({ signingKey: 'K1', tokenLifetime: { dist: 'uniform', min: '60m', max: '90m' }, workers: 'unbounded' })),
  // The key being signed with and a next one, as real key sets publish during a rotation.
  keyset: stationRules(() => ({ keys: ['K1', 'K2'] })),
  balancer,
  cache,
};

/** Rules for a kind this editor does not know (a newer file): it is kept and never rewritten. */
const unknownKind: NodeKindRules = {
  defaults: () => ({}),
  acceptsIncoming: true,
  onConnect: (node) => node,
  mapReferences: (node) => node,
};

export function rulesFor(kind: string): NodeKindRules {
  return Object.hasOwn(NODE_KIND_RULES, kind) ? NODE_KIND_RULES[kind] : unknownKind;
}
