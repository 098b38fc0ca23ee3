// The token badge on a validator: its words and marks, and the painter filling it from the
// live fields `trustedKeys` (a mask over keyNames), `rejectingShare`, `authRejectedPerSec` and
// `nextRefreshInMs` — idle before a run and on nodes that validate nothing.
import { describe, expect, it } from 'vitest';
import { LIVE_HEADER, LIVE_LINK_FIELDS, LIVE_NODE_FIELDS, type LiveLayout } from '../../src/engine/index.ts';
import { createLivePainter } from '../../src/ui/canvas/live/live-painter.ts';
import type { LiveSnapshot } from '../../src/ui/canvas/live/live-source.ts';
import { healthWord } from '../../src/ui/canvas/live/node-readouts.ts';
import { describeKeyTrust, describeRejecting, formatRefreshIn, formatRejecting, keyTrust, tokenState } from '../../src/ui/canvas/live/token-readouts.ts';
import { FakeElement } from '../support/fake-live-element.ts';

describe('token badge text', () => {
  it('says which keys every replica trusts, marking the others', () => {
    expect(keyTrust(0b11, ['K1', 'K2'])).toEqual([{ key: 'K1', trusted: true }, { key: 'K2', trusted: true }]);
    expect(describeKeyTrust(keyTrust(0b10, ['K1', 'K2']))).toBe('✕K1 K2');
    expect(describeKeyTrust(keyTrust(0, ['K1', 'K2']))).toBe('✕K1 ✕K2');
    expect(describeKeyTrust(keyTrust(0, []))).toBe('no keys');
    expect(keyTrust(-1, ['K1'])).toBeNull(); // not a validator
    expect(keyTrust(NaN, ['K1'])).toBeNull(); // the engine does not send the field
    expect(describeKeyTrust(null)).toBe('–');
    // bit 30 is the last a scenario can use (31 key ids)
    const many = Array.from({ length: 31 }, (_, i) => `k${i}`);
    expect(keyTrust(2 ** 30, many)!.filter((k) => k.trusted).map((k) => k.key)).toEqual(['k30']);
  });

  it('gives the rejecting share in words, never a misleading 0 for a small share', () => {
    expect(formatRejecting(0)).toBe('rejecting 0%');
    expect(formatRejecting(0.17)).toBe('rejecting 17%');
    expect(formatRejecting(1)).toBe('rejecting 100%');
    expect(formatRejecting(1 / 300)).toBe('rejecting 0.3%');
    expect(formatRejecting(0.0001)).toBe('rejecting <0.1%');
    expect(formatRejecting(-1)).toBe('–');
    expect(formatRejecting(NaN)).toBe('–');
  });

  it('says which key is rejected on what share of replicas', () => {
    expect(describeRejecting(0, [])).toBe('no replica rejects');
    expect(describeRejecting(0.31, ['K1'])).toBe('K1 · 31% of replicas');
    expect(describeRejecting(1 / 300, ['K1', 'K3'])).toBe('K1 K3 · 0.3% of replicas');
    expect(describeRejecting(0.0001, ['K1'])).toBe('K1 · <0.1% of replicas');
    expect(describeRejecting(0.5, null)).toBe('50% of replicas');
    expect(describeRejecting(-1, null)).toBe('–');
  });

  it('gives the time to the next refresh in two units at most, the smaller one padded', () => {
    expect(formatRefreshIn(250_000)).toBe('refresh in 4m 10s');
    expect(formatRefreshIn(245_000)).toBe('refresh in 4m 05s');
    expect(formatRefreshIn(42_900)).toBe('refresh in 42s');
    expect(formatRefreshIn(300)).toBe('refresh in <1s');
    expect(formatRefreshIn(0)).toBe('refresh in <1s');
    expect(formatRefreshIn(11 * 3_600_000 + 52 * 60_000 + 10_000)).toBe('refresh in 11h 52m');
    expect(formatRefreshIn(26 * 3_600_000)).toBe('refresh in 1d 02h');
    expect(formatRefreshIn(Infinity)).toBe('no refresh due');
    expect(formatRefreshIn(-1)).toBe('–');
    expect(formatRefreshIn(NaN)).toBe('–');
  });

  it('has a state for the badge edge: idle, ok, rejecting', () => {
    const record = (share: number) => ({ get: () => share, keyNames: [] });
    expect(tokenState(null)).toBe('idle');
    expect(tokenState(record(-1))).toBe('idle');
    expect(tokenState(record(0))).toBe('ok');
    expect(tokenState(record(0.2))).toBe('rejecting');
  });
});


const layout: LiveLayout = {
  keyNames: ['K1', 'K2'],
  nodeIds: ['teams', 'plain'],
  nodeKinds: ['service', 'service'],
  linkIds: [],
  nodeFields: LIVE_NODE_FIELDS,
  linkFields: LIVE_LINK_FIELDS,
  length: LIVE_HEADER + 2 * LIVE_NODE_FIELDS.length,
};

type Fields = Partial<Record<(typeof LIVE_NODE_FIELDS)[number], number>>;
function values(teams: Fields, plain: Fields = { rejectingShare: -1, trustedKeys: -1, nextRefreshInMs: -1 }) {
  const out = new Float64Array(layout.length);
  [teams, plain].forEach((fields, node) => {
    for (const [field, value] of Object.entries(fields)) out[LIVE_HEADER + node * LIVE_NODE_FIELDS.length + LIVE_NODE_FIELDS.indexOf(field as never)] = value;
  });
  return out;
}

function badge() {
  const root = new FakeElement('health');
  const token = new FakeElement('token');
  const word = new FakeElement('health-word');
  const parts = {
    state: new FakeElement('token-state'),
    fetches: new FakeElement('token-fetch-rate'),
    key0: new FakeElement('token-key-0'),
    key1: new FakeElement('token-key-1'),
    key2: new FakeElement('token-key-2'),
    note: new FakeElement('token-keys-note'),
    rejecting: new FakeElement('token-rejecting'),
    rate: new FakeElement('token-rejected-rate'),
    refresh: new FakeElement('token-refresh'),
  };
  token.children = Object.values(parts);
  root.children = [word, token];
  return { root, token, word, ...parts };
}

describe('token badge painting', () => {
  it('is idle before a run, then follows the stream: K1 struck, REJECTING TOKENS with the key and share, the countdown', () => {
    let snapshot: LiveSnapshot = { layout: null, values: null, version: 0 };
    const painter = createLivePainter({ get: () => snapshot, subscribe: () => () => {} }, null);
    const b = badge();
    painter.registerNode('teams', b.root as unknown as Element);
    painter.paint();
    expect(b.token.attrs.get('data-state')).toBe('idle');
    expect(b.note.textContent).toBe('–');
    expect(b.rejecting.textContent).toBe('–');
    expect(b.refresh.textContent).toBe('–');
    expect(b.state.textContent).toBe('–');

    snapshot = { layout, values: values({ trustedKeys: 0b11, rejectingShare: 0, rejectingKeys: 0, authRejectedPerSec: 0, nextRefreshInMs: 250_000, keysetFetchesPerSec: 1.02 }), version: 1 };
    painter.paint();
    expect([b.key0.textContent, b.key1.textContent, b.key2.textContent]).toEqual(['K1', 'K2', '']);
    expect(b.key0.attrs.get('data-trusted')).toBe('true');
    expect(b.key2.attrs.has('data-trusted')).toBe(false);
    expect(b.note.textContent).toBe('');
    expect(b.rejecting.textContent).toBe('no replica rejects');
    expect(b.rejecting.attrs.has('data-alarm')).toBe(false);
    expect(b.refresh.textContent).toBe('refresh in 4m 10s');
    expect(b.token.attrs.get('data-state')).toBe('ok');
    expect(b.state.textContent).toBe('accepting tokens');
    expect(b.fetches.textContent).toBe('1.0');
    expect(b.root.attrs.get('data-health')).toBe('ok');
    expect(b.word.textContent).toBe('ok');

    // every drop is a rejected token: the token state, not overload
    snapshot = { layout, values: values({ trustedKeys: 0b10, rejectingShare: 0.17, rejectingKeys: 0b01, authRejectedPerSec: 4.2, droppedPerSec: 4.2, nextRefreshInMs: 65_000, keysetFetchesPerSec: 31 }), version: 2 };
    painter.paint();
    expect(b.key0.textContent).toBe('K1');
    expect(b.key0.attrs.get('data-trusted')).toBe('false');
    expect(b.key0.attrs.get('title')).toBe('K1: not trusted by every replica');
    expect(b.state.textContent).toBe('REJECTING TOKENS');
    expect(b.state.attrs.get('data-state')).toBe('rejecting');
    expect(b.rejecting.textContent).toBe('K1 · 17% of replicas');
    expect(b.rejecting.attrs.get('data-alarm')).toBe('true');
    expect(b.fetches.textContent).toBe('31');
    expect(b.root.attrs.get('data-health')).toBe('token');
    expect(b.word.attrs.get('data-health')).toBe('token');
    expect(b.word.textContent).toBe('rejecting');
    expect(b.rate.textContent).toBe('4.2');
    expect(b.rate.attrs.get('data-alarm')).toBe('true');
    expect(b.refresh.textContent).toBe('refresh in 1m 05s');
    expect(b.token.attrs.get('data-state')).toBe('rejecting');
    expect(b.token.attrs.get('aria-label')).toBe('Token validation: rejecting tokens; keys ✕K1 K2; rejecting 17%; refresh in 1m 05s');

    // overload on top (a full queue drops 10/s more): the card says "dropping", the badge still its own words
    snapshot = { layout, values: values({ trustedKeys: 0b10, rejectingShare: 0.17, rejectingKeys: 0b01, authRejectedPerSec: 4.2, droppedPerSec: 14.2, nextRefreshInMs: 60_000 }), version: 3 };
    painter.paint();
    expect(b.root.attrs.get('data-health')).toBe('failing');
    expect(b.word.textContent).toBe('dropping');
    expect(b.state.textContent).toBe('REJECTING TOKENS');

    // only overload: "dropping", and the badge accepts tokens
    snapshot = { layout, values: values({ trustedKeys: 0b11, rejectingShare: 0, rejectingKeys: 0, authRejectedPerSec: 0, droppedPerSec: 10, nextRefreshInMs: 55_000 }), version: 4 };
    painter.paint();
    expect(b.word.textContent).toBe('dropping');
    expect(b.state.textContent).toBe('accepting tokens');
    expect(b.word.textContent).not.toBe(healthWord('token', null));
  });

  it('paints a node that validates nothing as idle', () => {
    const snapshot: LiveSnapshot = { layout, values: values({}), version: 1 };
    const painter = createLivePainter({ get: () => snapshot, subscribe: () => () => {} }, null);
    const b = badge();
    painter.registerNode('plain', b.root as unknown as Element);
    painter.paint();
    expect(b.token.attrs.get('data-state')).toBe('idle');
    expect(b.key0.textContent).toBe('');
    expect(b.rejecting.textContent).toBe('–');
  });
});
