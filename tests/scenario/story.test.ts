import { describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from '../../src/scenario/index.ts';

const base = {
  format: 'faultline.scenario/v1',
  name: 'story',
  duration: '10m',
  nodes: [{ id: 'users', kind: 'client', rate: 1, target: 'api' }, { id: 'api', kind: 'service' }],
  links: [{ id: 'users-api', from: 'users', to: 'api' }],
};

const errorsOf = (document: unknown) => {
  const result = parseScenario(document);
  return result.ok ? [] : result.errors.map(formatIssue);
};

describe('the story block', () => {
  it('is optional, and absent from the spec when absent', () => {
    const result = parseScenario(base);
    expect(result.ok && result.spec.story).toBeUndefined();
  });

  it('normalises every field: durations to ms, the start time to minutes after midnight', () => {
    const result = parseScenario({ ...base, story: { rate: 30, dwell: '5s', fastForward: 1500, startsAt: '19:05', moments: [{ at: '2m', for: '1m', rate: 5, title: 'look' }, { at: '3m' }] } });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.spec.story).toEqual({ rate: 30, dwellMs: 5000, fastForwardMs: 1500, startsAtMin: 19 * 60 + 5, moments: [{ atMs: 120_000, forMs: 60_000, rate: 5, title: 'look' }, { atMs: 180_000 }] });
    }
  });

  it('names each bad field at its path', () => {
    expect(errorsOf({ ...base, story: { rate: 0, dwell: '2m', startsAt: '25:00', pace: 1, moments: [{ at: '20m' }] } })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^story\.rate: expected a number/),
        expect.stringMatching(/^story\.dwell: expected at most 1m/),
        expect.stringMatching(/^story\.startsAt: expected a time of day "HH:MM"/),
        expect.stringMatching(/^story\.pace: unknown field/),
      ]),
    );
    expect(errorsOf({ ...base, story: { moments: [{ at: '20m' }] } })).toEqual(['story.moments[0].at: expected a moment before the end of the run (10m), got 20m']);
  });
});
