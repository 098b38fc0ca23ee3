// The kinds' facts (src/engine/kind-facts.ts) against the format and the engine's fault table:
// a kind "validates tokens" exactly when the format lets it carry a validator's `auth`, and
// `forceRefresh` targets exactly those kinds; identity providers and key sets are the "keys" side.
import { describe, expect, it } from 'vitest';
import { KIND_FACTS, NODE_KINDS as ENGINE_KINDS, VALIDATOR_KINDS } from '../../src/engine';
import { FAULT_TARGET_KINDS, NODE_KINDS, parseScenario } from '../../src/scenario';

/** The fewest fields each kind needs besides `auth`, next to a key set "jwks" and a service "api". */
const MINIMAL: Record<string, Record<string, unknown>> = {
  client: { rate: 1, target: 'api' },
  service: {},
  database: {},
  external: {},
  balancer: { targets: ['api'] },
  cache: { backend: 'api' },
  identity: { signingKey: 'k1' },
  keyset: { keys: ['k1'] },
};

function authProblems(kind: string): string[] {
  const parsed = parseScenario({
    format: 'faultline.scenario/v1',
    name: 'kind facts',
    duration: '10s',
    nodes: [
      { id: 'x', kind, ...MINIMAL[kind], auth: { keyset: 'jwks', refreshEvery: '1m' } },
      { id: 'jwks', kind: 'keyset', keys: ['k1'] },
      { id: 'api', kind: 'service' },
    ],
    links: [{ id: 'x-jwks', from: 'x', to: 'jwks' }], // a validator fetches keys over a link
  });
  return parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`).filter((p) => p.startsWith('nodes[0].auth'));
}

describe('kind facts', () => {
  it('cover every kind of the format and of the engine', () => {
    expect(Object.keys(KIND_FACTS).sort()).toEqual([...NODE_KINDS].sort());
    expect(Object.keys(KIND_FACTS).sort()).toEqual([...ENGINE_KINDS].sort());
  });

  for (const kind of Object.keys(MINIMAL)) {
    const validates = KIND_FACTS[kind as keyof typeof KIND_FACTS].validatesTokens;
    it(`${kind}: a validator's auth is ${validates ? 'accepted' : 'refused'}, as its facts say`, () => {
      const problems = authProblems(kind);
      if (validates) expect(problems).toEqual([]);
      else expect(problems.length).toBeGreaterThan(0);
    });
  }

  it('forceRefresh targets exactly the kinds that validate tokens: service, database, external', () => {
    expect([...FAULT_TARGET_KINDS.forceRefresh]).toEqual(VALIDATOR_KINDS);
    expect(VALIDATOR_KINDS).toEqual(['service', 'database', 'external']);
  });

  it('the "keys" side is the identity provider and the key set; clients are the only senders', () => {
    const byRole = (role: string) => Object.entries(KIND_FACTS).flatMap(([kind, facts]) => (facts.role === role ? [kind] : []));
    expect(byRole('keys')).toEqual(['identity', 'keyset']);
    expect(byRole('client')).toEqual(['client']);
  });
});
