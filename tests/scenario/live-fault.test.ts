import { describe, expect, it } from 'vitest';
import { liveFaultParser, parseScenario } from '../../src/scenario/index.ts';

/**
 * Issue 15: one fault checked against a running scenario without parsing the file again — with
 * the same verdicts and messages as the whole file would give for it as its only fault.
 */
const document = () => ({
  format: 'faultline.scenario/v1',
  name: 'live faults',
  seed: 1,
  duration: '10m',
  nodes: [
    { id: 'users', kind: 'client', rate: 8, target: 'edge', timeout: '2s', auth: { issuer: 'idp' } },
    { id: 'loop', kind: 'client', users: 5, target: 'api' },
    { id: 'edge', kind: 'cache', backend: 'api', ttl: '1m' },
    { id: 'api', kind: 'service', workers: 2, auth: { keyset: 'jwks', refreshEvery: '5m' } },
    { id: 'db', kind: 'database', workers: 2 },
    { id: 'idp', kind: 'identity', signingKey: 'k1' },
    { id: 'jwks', kind: 'keyset', keys: ['k1'] },
  ],
  links: [
    { id: 'users-edge', from: 'users', to: 'edge' },
    { id: 'users-idp', from: 'users', to: 'idp' },
    { id: 'loop-api', from: 'loop', to: 'api' },
    { id: 'edge-api', from: 'edge', to: 'api' },
    { id: 'api-jwks', from: 'api', to: 'jwks' },
  ],
});

/** The old way: the fault as the document's only fault, its errors moved from `faults[0]` to `fault`. */
function throughWholeFile(fault: Record<string, unknown>) {
  const parsed = parseScenario({ ...document(), faults: [{ at: 0, ...fault }] });
  if (parsed.ok) return { ok: true as const, fault: parsed.spec.faults[0] };
  return { ok: false as const, errors: parsed.errors.map((e) => ({ path: e.path.replace('faults[0]', 'fault'), message: e.message })) };
}

const FAULTS: Record<string, unknown>[] = [
  { target: 'users-edge', action: 'down' },
  { target: 'users-edge', action: 'degrade', latency: '50ms', loss: 0.1 },
  { target: 'api', action: 'crash', for: '30s' },
  { target: 'api', action: 'slow', factor: 3 },
  { target: 'db', action: 'setWorkers', workers: 1 },
  { target: 'edge', action: 'flush' },
  { target: 'users', action: 'setRate', rate: 20 },
  { target: 'jwks', action: 'removeKey', key: 'k1' },
  { target: 'idp', action: 'setSigningKey', key: 'k1' },
  { target: 'api', action: 'forceRefresh' },
  { target: '*', action: 'crash' },
  // refused
  { target: 'users-edge', action: 'crash' },
  { target: 'apj', action: 'crash' },
  { target: 'db', action: 'forceRefresh' },
  { target: 'loop', action: 'setRate', rate: 3 },
  { target: 'edge', action: 'slow', factor: 2 },
  { target: 'api', action: 'slow' },
  { target: 'api', action: 'slow', factor: -1 },
  { target: 'api', action: 'explode' },
  { target: 'api', action: 'crash', factor: 2 },
  { target: 'users-edge', action: 'degrade' },
  { target: 'api', action: 'crash', for: 'soon' },
];

describe('one fault against a running scenario', () => {
  const parsed = parseScenario(document());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const parse = liveFaultParser(parsed.spec);

  for (const fault of FAULTS) {
    it(`${JSON.stringify(fault)}: the same verdict and messages as the whole file`, () => {
      const expected = throughWholeFile(fault);
      expect(parse(fault)).toEqual(expected);
    });
  }

  it('accepts what fits and refuses what does not (the list above holds both)', () => {
    const verdicts = FAULTS.map((fault) => parse(fault).ok);
    expect(verdicts.filter(Boolean)).toHaveLength(11);
    expect(verdicts.filter((ok) => !ok)).toHaveLength(11);
  });

  it('names a misspelt target with a suggestion, under the path fault.target', () => {
    const result = parse({ target: 'apj', action: 'crash' });
    expect(result).toEqual({ ok: false, errors: [{ path: 'fault.target', message: 'no node or link has id "apj" (did you mean "api"?)' }] });
  });

  it('refuses what is not a fault object, and fields JavaScript reserves', () => {
    expect(parse('crash')).toEqual({ ok: false, errors: [{ path: 'fault', message: 'expected a fault object ({ "target": …, "action": … })' }] });
    const polluted = JSON.parse('{ "target": "api", "action": "crash", "__proto__": { "x": 1 } }') as unknown;
    const result = parse(polluted);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toMatch(/__proto__/);
  });
});
