/** Small scenarios for the tests, and helpers that fail loudly with the parser's own messages. */
import { formatIssue, parseScenario, type ScenarioResult } from '../../src/scenario';
import type { BalancerSpec, CacheSpec, ClientSpec, IdentitySpec, KeysetSpec, ScenarioSpec, ServiceSpec } from '../../src/engine/spec';

type Json = Record<string, unknown>;

/** users → api, the smallest valid scenario; `overrides` replace top-level fields. */
export function scenario(overrides: Json = {}): Json {
  return {
    format: 'faultline.scenario/v1',
    name: 'test',
    duration: '10s',
    nodes: [
      { id: 'users', kind: 'client', rate: 10, target: 'api' },
      { id: 'api', kind: 'service' },
    ],
    links: [{ id: 'users-api', from: 'users', to: 'api' }],
    ...overrides,
  };
}

/** users → c (a cache, ttl 30 s) → db; the cache's fields can be overridden, and top-level fields. */
export function withCache(cacheFields: Json = {}, overrides: Json = {}): Json {
  return scenario({
    nodes: [
      { id: 'users', kind: 'client', rate: 10, target: 'c' },
      { id: 'c', kind: 'cache', backend: 'db', ttl: '30s', ...cacheFields },
      { id: 'db', kind: 'database' },
    ],
    links: [
      { id: 'users-c', from: 'users', to: 'c' },
      { id: 'c-db', from: 'c', to: 'db' },
    ],
    ...overrides,
  });
}

/** users → api → db, with `api` calling `db`; node fields can be overridden by id. */
export function threeTier(nodeOverrides: Record<string, Json> = {}, overrides: Json = {}): Json {
  const nodes: Json[] = [
    { id: 'users', kind: 'client', rate: 10, target: 'api' },
    { id: 'api', kind: 'service', calls: [{ to: 'db' }] },
    { id: 'db', kind: 'database' },
  ];
  return scenario({
    nodes: nodes.map((node) => ({ ...node, ...nodeOverrides[node.id as string] })),
    links: [
      { id: 'users-api', from: 'users', to: 'api' },
      { id: 'api-db', from: 'api', to: 'db' },
    ],
    ...overrides,
  });
}

/**
 * Tokens: users (signing in at idp) → api (validating against jwks); idp signs with "k1", jwks
 * lists it. Node fields can be overridden by id (a value of undefined removes the field).
 */
export function withTokens(nodeOverrides: Record<string, Json> = {}, overrides: Json = {}): Json {
  const nodes: Json[] = [
    { id: 'users', kind: 'client', rate: 10, target: 'api', auth: { issuer: 'idp' } },
    { id: 'api', kind: 'service', auth: { keyset: 'jwks', refreshEvery: '1h' } },
    { id: 'idp', kind: 'identity', signingKey: 'k1' },
    { id: 'jwks', kind: 'keyset', keys: ['k1'] },
  ];
  return scenario({
    nodes: nodes.map((node) => ({ ...node, ...nodeOverrides[node.id as string] })),
    links: [
      { id: 'users-api', from: 'users', to: 'api' },
      { id: 'users-idp', from: 'users', to: 'idp' },
      { id: 'api-jwks', from: 'api', to: 'jwks' },
    ],
    ...overrides,
  });
}

export function expectOk(result: ScenarioResult): { spec: ScenarioSpec; warnings: string[] } {
  if (!result.ok) throw new Error(`expected a valid scenario, got:\n${result.errors.map(formatIssue).join('\n')}`);
  return result;
}

export function parseOk(input: unknown): { spec: ScenarioSpec; warnings: string[] } {
  return expectOk(parseScenario(input));
}

/** The formatted errors ("path: message") of a scenario that must not parse. */
export function errorsOf(input: unknown): string[] {
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected errors, but the scenario parsed');
  return result.errors.map(formatIssue);
}

type NodeOfKind<K> = K extends 'client' ? ClientSpec : K extends 'balancer' ? BalancerSpec : K extends 'cache' ? CacheSpec
  : K extends 'identity' ? IdentitySpec : K extends 'keyset' ? KeysetSpec : ServiceSpec;

export function nodeOf<K extends ScenarioSpec['nodes'][number]['kind']>(spec: ScenarioSpec, id: string, kind: K): NodeOfKind<K> {
  const node = spec.nodes.find((n) => n.id === id);
  if (node === undefined || node.kind !== kind) throw new Error(`no ${kind} "${id}"`);
  return node as NodeOfKind<K>;
}
