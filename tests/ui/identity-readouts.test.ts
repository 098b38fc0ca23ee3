// Identity state on the cards: the key set's keys now (a removed key struck, a restored one back)
// and its "key missing" state, the identity's signing key, a client's users signing in again —
// painted by the live painter from the fields publishedKeys, missingKeys, signingKey, reauthPerSec.
import { describe, expect, it } from 'vitest';
import { LIVE_HEADER, LIVE_LINK_FIELDS, LIVE_NODE_FIELDS, type LiveLayout } from '../../src/engine/index.ts';
import { identityTrouble, keysIn } from '../../src/ui/canvas/live/identity-readouts.ts';
import { createLivePainter } from '../../src/ui/canvas/live/live-painter.ts';
import type { LiveSnapshot } from '../../src/ui/canvas/live/live-source.ts';
import { FakeElement } from '../support/fake-live-element.ts';


const layout: LiveLayout = {
  keyNames: ['K1', 'K2'],
  nodeIds: ['jwks', 'aad', 'users'],
  nodeKinds: ['keyset', 'identity', 'client'],
  linkIds: [],
  nodeFields: LIVE_NODE_FIELDS,
  linkFields: LIVE_LINK_FIELDS,
  length: LIVE_HEADER + 3 * LIVE_NODE_FIELDS.length,
};

type Fields = Partial<Record<(typeof LIVE_NODE_FIELDS)[number], number>>;
const NONE: Fields = { rejectingShare: -1, rejectingKeys: -1, publishedKeys: -1, missingKeys: -1, signingKey: -1, reauthPerSec: -1, trustedKeys: -1 };

function values(byNode: Record<string, Fields>): Float64Array {
  const out = new Float64Array(layout.length);
  layout.nodeIds.forEach((id, node) => {
    for (const [field, value] of Object.entries({ ...NONE, ...byNode[id] })) out[LIVE_HEADER + node * LIVE_NODE_FIELDS.length + LIVE_NODE_FIELDS.indexOf(field as never)] = value;
  });
  return out;
}

function card(...live: string[]) {
  const root = new FakeElement('health');
  const parts = Object.fromEntries(live.map((name) => [name, new FakeElement(name)]));
  root.children = Object.values(parts);
  return { root, parts };
}

describe('identity state on the cards', () => {
  it('the key set shows the keys it publishes now: K1 struck after the removal, back after the restore; "key missing" meanwhile', () => {
    let snapshot: LiveSnapshot = { layout: null, values: null, version: 0 };
    const painter = createLivePainter({ get: () => snapshot, subscribe: () => () => {} }, null);
    const jwks = card('health-word', 'published', 'published-key-0', 'published-key-1', 'published-key-2');
    painter.registerNode('jwks', jwks.root as unknown as Element);
    painter.paint();
    const p = jwks.parts;
    expect(p.published.attrs.get('data-state')).toBe('idle'); // the file's keys show before a run
    expect(p['published-key-0'].textContent).toBe('');

    snapshot = { layout, values: values({ jwks: { publishedKeys: 0b11, missingKeys: 0 } }), version: 1 };
    painter.paint();
    expect(p.published.attrs.get('data-state')).toBe('live');
    expect([p['published-key-0'].textContent, p['published-key-1'].textContent, p['published-key-2'].textContent]).toEqual(['K1', 'K2', '']);
    expect(p['published-key-0'].attrs.get('data-published')).toBe('true');
    expect(jwks.root.attrs.get('data-health')).toBe('ok');
    expect(p['health-word'].textContent).toBe('ok');

    snapshot = { layout, values: values({ jwks: { publishedKeys: 0b10, missingKeys: 0b01 } }), version: 2 };
    painter.paint();
    expect(p['published-key-0'].textContent).toBe('K1');
    expect(p['published-key-0'].attrs.get('data-published')).toBe('false');
    expect(p['published-key-0'].attrs.get('title')).toMatch(/^K1: not published now/);
    expect(p['published-key-1'].attrs.get('data-published')).toBe('true');
    expect(p.published.attrs.get('aria-label')).toBe('Publishes now: K2; missing K1, which tokens are signed with');
    expect(jwks.root.attrs.get('data-health')).toBe('token');
    expect(p['health-word'].textContent).toBe('key missing');

    snapshot = { layout, values: values({ jwks: { publishedKeys: 0b11, missingKeys: 0 } }), version: 3 };
    painter.paint();
    expect(p['published-key-0'].attrs.get('data-published')).toBe('true');
    expect(jwks.root.attrs.get('data-health')).toBe('ok');
  });

  it('the identity shows the key it signs with now', () => {
    let snapshot: LiveSnapshot = { layout, values: values({ aad: { signingKey: 0 } }), version: 1 };
    const painter = createLivePainter({ get: () => snapshot, subscribe: () => () => {} }, null);
    const aad = card('signing', 'signing-key');
    painter.registerNode('aad', aad.root as unknown as Element);
    painter.paint();
    expect(aad.parts.signing.attrs.get('data-state')).toBe('live');
    expect(aad.parts['signing-key'].textContent).toBe('K1');
    snapshot = { layout, values: values({ aad: { signingKey: 1 } }), version: 2 };
    painter.paint();
    expect(aad.parts['signing-key'].textContent).toBe('K2');
  });

  it('a client whose users sign in again says so, in the token state rather than "dropping"', () => {
    const snapshot: LiveSnapshot = { layout, values: values({ users: { reauthPerSec: 29.5, droppedPerSec: 29, authRejectedPerSec: 29 } }), version: 1 };
    const painter = createLivePainter({ get: () => snapshot, subscribe: () => () => {} }, null);
    const users = card('health-word', 'reauth-rate', 'dropped-rate');
    painter.registerNode('users', users.root as unknown as Element);
    painter.paint();
    expect(users.parts['reauth-rate'].textContent).toBe('30');
    expect(users.parts['reauth-rate'].attrs.get('data-alarm')).toBe('true');
    expect(users.root.attrs.get('data-health')).toBe('token');
    expect(users.parts['health-word'].textContent).toBe('rejected');
    // its failures are all rejected tokens: the token colour, not the overload alarm
    expect(users.parts['dropped-rate'].attrs.get('data-alarm')).toBe('token');
  });

  it('says what the trouble is in one line, for the overlay', () => {
    const record = (fields: Fields) => {
      const all = { ...NONE, ...fields } as Record<string, number>;
      return { get: (f: string) => all[f] ?? 0, keyNames: ['K1', 'K2'] };
    };
    expect(keysIn(0b10, ['K1', 'K2'])).toEqual(['K2']);
    expect(keysIn(-1, ['K1'])).toBeNull();
    expect(identityTrouble(record({ rejectingShare: 0.31, rejectingKeys: 0b01 }))?.line).toBe('REJECTING TOKENS K1 · 31% of replicas');
    expect(identityTrouble(record({ rejectingShare: 0, rejectingKeys: 0, authRejectedPerSec: 3 }))?.line).toBe('REJECTING TOKENS 3.0/s');
    expect(identityTrouble(record({ rejectingShare: 0, rejectingKeys: 0 }))).toBeNull();
    expect(identityTrouble(record({ publishedKeys: 0b10, missingKeys: 0b01 }))?.line).toBe('KEY MISSING K1');
    expect(identityTrouble(record({ reauthPerSec: 12 }))?.line).toBe('SIGNING IN AGAIN 12/s');
    expect(identityTrouble(record({ reauthPerSec: 0 }))).toBeNull();
  });
});
