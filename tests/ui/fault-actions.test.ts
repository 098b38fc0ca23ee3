/**
 * The editor's fault actions are the format's: every action has a row, each row targets exactly
 * the kinds the format allows, and the fault the form or an "inject now" button writes parses.
 */
import { describe, expect, it } from 'vitest';
import { FAULT_ACTIONS as FORMAT_ACTIONS, FAULT_TARGET_KINDS, parseScenario } from '../../src/scenario/index.ts';
import { actionsFor, FAULT_ACTIONS, INJECT_BUTTONS } from '../../src/ui/timeline/fault-actions.ts';

/** Token validation, so forceRefresh applies to every station kind. */
const validates = { keyset: 'jwks', refreshEvery: '1m' };

/** One node of every kind (and a link), wired so the file is valid. */
const world = {
  format: 'faultline.scenario/v1', name: 'faults', duration: '10s',
  nodes: [
    { id: 'users', kind: 'client', rate: 10, target: 'lb', auth: { issuer: 'idp' } },
    { id: 'lb', kind: 'balancer', targets: ['api'] },
    { id: 'api', kind: 'service', calls: [{ to: 'c' }, { to: 'ext' }], auth: validates },
    { id: 'c', kind: 'cache', backend: 'db', ttl: '30s' },
    { id: 'db', kind: 'database', auth: validates },
    { id: 'ext', kind: 'external', auth: validates },
    { id: 'idp', kind: 'identity', signingKey: 'k1' },
    { id: 'jwks', kind: 'keyset', keys: ['k1', 'k2'] },
  ],
  links: [
    { id: 'users-lb', from: 'users', to: 'lb' }, { id: 'lb-api', from: 'lb', to: 'api' }, { id: 'api-c', from: 'api', to: 'c' },
    { id: 'c-db', from: 'c', to: 'db' }, { id: 'api-ext', from: 'api', to: 'ext' }, { id: 'users-idp', from: 'users', to: 'idp' },
    { id: 'api-jwks', from: 'api', to: 'jwks' }, { id: 'db-jwks', from: 'db', to: 'jwks' }, { id: 'ext-jwks', from: 'ext', to: 'jwks' },
  ],
};
const idOf = (kind: string) => (kind === 'link' ? 'lb-api' : world.nodes.find((n) => n.kind === kind)?.id);

function faultErrors(fault: Record<string, unknown>): string[] {
  const result = parseScenario({ ...world, faults: [{ at: '1s', ...fault }] });
  return result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
}

describe('fault actions come from the format', () => {
  it('the world itself is valid', () => {
    expect(faultErrors({ target: 'api', action: 'crash' })).toEqual([]);
  });

  it('every format action has one row, targeting exactly the format\'s kinds', () => {
    expect(FAULT_ACTIONS.map((a) => a.action)).toEqual(FORMAT_ACTIONS);
    for (const row of FAULT_ACTIONS) expect(row.targets).toEqual(FAULT_TARGET_KINDS[row.action]);
    expect(actionsFor('keyset').map((a) => a.action)).toEqual(['crash', 'recover', 'slow', 'error', 'setWorkers', 'removeKey', 'addKey', 'restore']);
  });

  it.each(FAULT_ACTIONS.flatMap((row) => row.targets.map((kind) => [row.action, kind] as const)))('the form\'s %s on a %s parses', (action, kind) => {
    const row = FAULT_ACTIONS.find((a) => a.action === action);
    const argument = row?.argument === undefined ? {} : { [row.argument.name]: row.argument.type === 'key' ? 'k1' : row.argument.defaultValue };
    expect(faultErrors({ target: idOf(kind), action, ...argument })).toEqual([]);
  });

  it.each(INJECT_BUTTONS.flatMap((b) => b.targets.map((kind) => [b.id, kind] as const)))('the "inject now" %s button on a %s parses', (id, kind) => {
    const button = INJECT_BUTTONS.find((b) => b.id === id);
    const key = button?.perKey ? { key: 'k2' } : {};
    expect(faultErrors({ target: idOf(kind), ...button?.fault, ...key })).toEqual([]);
  });
});
