// The one number a small card shows beside its state word (semantic zoom).
import { describe, expect, it } from 'vitest';
import { headline } from '../../src/ui/canvas/live/headline-readout.ts';
import type { LiveRecord, NodeField } from '../../src/ui/canvas/live/live-reader.ts';
import { nodeHealth } from '../../src/ui/canvas/live/node-readouts.ts';

const BASE: Partial<Record<NodeField, number>> = {
  down: 0, queued: 0, inService: 0, workers: 50, queueCapacity: -1, arrivedPerSec: 21, droppedPerSec: 0, authRejectedPerSec: 0,
  rejectingShare: -1, rejectingKeys: -1, publishedKeys: -1, missingKeys: -1, reauthPerSec: -1, trustedKeys: -1, signingKey: -1,
};

function record(fields: Partial<Record<NodeField, number>>): LiveRecord<NodeField> {
  const all = { ...BASE, ...fields };
  return { get: (field) => all[field] ?? NaN, keyNames: ['K1', 'K2'] };
}

const of = (fields: Partial<Record<NodeField, number>>) => {
  const r = record(fields);
  return headline(r, nodeHealth(r));
};

describe('headline number of a card', () => {
  it('a validator rejecting tokens: which key on what share of replicas, in the token colour', () => {
    expect(of({ rejectingShare: 1, rejectingKeys: 0b01, authRejectedPerSec: 30, droppedPerSec: 30, trustedKeys: 0b10 })).toEqual({ text: 'K1 · 100%', alarm: 'token' });
    expect(of({ rejectingShare: 0.31, rejectingKeys: 0b01, trustedKeys: 0b10 })).toEqual({ text: 'K1 · 31%', alarm: 'token' });
  });

  it('a key set lacking a key tokens are signed with: the key, struck (✕K1)', () => {
    expect(of({ publishedKeys: 0b10, missingKeys: 0b01 })).toEqual({ text: '✕K1', alarm: 'token' });
  });

  it('a client whose users sign in again: how many per second', () => {
    expect(of({ reauthPerSec: 30 })).toEqual({ text: 'again 30/s', alarm: 'token' });
  });

  it('overload: drops per second that are not rejected tokens, unless thousands wait; a filling queue: its length; otherwise the rate in', () => {
    expect(of({ droppedPerSec: 37.2 })).toEqual({ text: '37 drop/s', alarm: 'true' });
    expect(of({ queued: 4012, inService: 50 })).toEqual({ text: 'queue 4.01k', alarm: null }); // src/format/numbers.ts: three significant digits
    // thousands waiting is the story even while it drops (the word says "dropping")
    expect(of({ queued: 4512, inService: 50, droppedPerSec: 1.8 })).toEqual({ text: 'queue 4.51k', alarm: 'true' });
    expect(of({})).toEqual({ text: '21/s', alarm: null });
  });

  it('down, or nothing running: no number (the word says it)', () => {
    expect(of({ down: 1, droppedPerSec: 5 })).toEqual({ text: '', alarm: null });
    expect(headline(null, 'idle')).toEqual({ text: '', alarm: null });
  });
});
