// A probe's mark on the card it checks (src/ui/canvas/nodes/probe-marks.ts): read from the document
// as written, own fields only, one sentence per probe for the card's name and tooltip.
import { describe, expect, it } from 'vitest';
import { probeSentence, probesChecking } from '../../src/ui/canvas/nodes/probe-marks.ts';

describe('probe marks', () => {
  const probes = [
    { id: 'apns-probe', target: 'apns', via: 'mfa-service', every: '10m', timeout: '30s' },
    { id: 'fcm-probe', target: 'fcm', via: 'mfa-service', every: 60_000 },
    { id: 'apns-second', target: 'apns', every: '1m' },
  ];

  it('finds the probes that check a node, in document order, and says them in one sentence', () => {
    expect(probesChecking(probes, 'apns').map((p) => p.id)).toEqual(['apns-probe', 'apns-second']);
    expect(probeSentence(probesChecking(probes, 'apns'))).toBe('Probed every 10m by apns-probe, via mfa-service; Probed every 1m by apns-second');
    expect(probeSentence(probesChecking(probes, 'fcm')), 'a number is milliseconds, as the format reads it').toBe('Probed every 60000ms by fcm-probe, via mfa-service');
    expect(probesChecking(probes, 'mfa-service'), 'via is not what a probe checks').toEqual([]);
  });

  it('marks nothing for a document without probes or with probes it cannot read; never an inherited field', () => {
    expect(probesChecking(undefined, 'apns')).toEqual([]);
    expect(probesChecking({ target: 'apns' }, 'apns')).toEqual([]);
    expect(probesChecking([null, 7, { target: 'apns' }], 'apns'), 'a probe without an id').toEqual([]);
    const inherited = Object.create({ id: 'ghost', target: 'apns' }) as object;
    expect(probesChecking([inherited], 'apns')).toEqual([]);
    expect(probeSentence([])).toBe('');
  });
});
