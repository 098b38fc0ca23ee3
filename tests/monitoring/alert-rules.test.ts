import { describe, expect, it } from 'vitest';
import { AlertEvaluator, BurnRateState, ThresholdState } from '../../src/engine';

describe('threshold rule', () => {
  it('fires at the sample where the value has been above for `for`, and clears at the first sample below', () => {
    // 1 s samples; above 5 from the sample ending at 4 s (interval 3–4 s) to the one ending at 9 s
    const values = [1, 2, 3, 6, 7, 8, 9, 6, 7, 1, 1];
    const rule = new ThresholdState({ op: 'above', value: 5, forMs: 3000 }, 1000);
    const firing = values.map((v, i) => rule.update((i + 1) * 1000, [v]));
    // above since 3 s; held 3 s at the end of the sample ending at 6 s (intervals 3–4, 4–5, 5–6)
    expect(firing).toEqual([false, false, false, false, false, true, true, true, true, false, false]);
  });

  it('with `for` 0 fires on the crossing sample itself; `below` mirrors `above`; NaN never holds', () => {
    const above = new ThresholdState({ op: 'above', value: 0, forMs: 0 }, 500);
    expect([0, 0.1, NaN, 0.2].map((v, i) => above.update((i + 1) * 500, [v]))).toEqual([false, true, false, true]);
    const below = new ThresholdState({ op: 'below', value: 10, forMs: 1000 }, 500);
    expect([12, 9, 9, 9, 11].map((v, i) => below.update((i + 1) * 500, [v]))).toEqual([false, false, true, true, false]);
  });

  it('a condition that breaks before `for` restarts the count', () => {
    const rule = new ThresholdState({ op: 'above', value: 1, forMs: 2000 }, 1000);
    expect([2, 0, 2, 2, 2].map((v, i) => rule.update((i + 1) * 1000, [v]))).toEqual([false, false, false, true, true]);
  });
});

describe('SLO burn-rate rule (SRE workbook: burn rate = error ratio / (1 − objective))', () => {
  it('matches hand-computed long and short windows and fires only when both exceed the factor', () => {
    // objective 99 %: a budget of 1 %. Long window 10 intervals, short 2, factor 5.
    const rule = new BurnRateState({ objective: 0.99, windows: [{ longMs: 10_000, shortMs: 2000, factor: 5 }] }, 1000);
    let t = 0;
    const step = (bad: number, total: number): boolean => rule.update((t += 1000), [bad, total]);
    for (let i = 0; i < 10; i++) expect(step(0, 100)).toBe(false);
    expect(rule.burnRates()).toEqual([[0, 0]]);
    // k intervals with 10 % bad: short = 10 % once both short intervals are bad → 10×; long = k % → k×
    const fired: boolean[] = [];
    for (let k = 1; k <= 7; k++) {
      fired.push(step(10, 100));
      const [long, short] = rule.burnRates()[0];
      expect(long).toBeCloseTo(k, 12); // (10k / 1000) / 0.01
      expect(short).toBeCloseTo(k === 1 ? 5 : 10, 12); // (10 / 200) / 0.01, then (20 / 200) / 0.01
    }
    // burn must exceed 5 in both: the long window gets there on the 6th bad interval
    expect(fired).toEqual([false, false, false, false, false, true, true]);
    // one good interval: short = 10 / 200 → 5×, not above 5: cleared though the long window still burns 7×
    expect(step(0, 100)).toBe(false);
    expect(rule.burnRates()[0][0]).toBeCloseTo(7, 12);
    expect(rule.burnRates()[0][1]).toBeCloseTo(5, 12);
  });

  it('any of several pairs fires it; a window with no outcomes burns 0', () => {
    const rule = new BurnRateState(
      { objective: 0.9, windows: [{ longMs: 4000, shortMs: 1000, factor: 100 }, { longMs: 2000, shortMs: 1000, factor: 2 }] },
      1000,
    );
    expect(rule.update(1000, [0, 0])).toBe(false);
    expect(rule.burnRates()).toEqual([[0, 0], [0, 0]]);
    // 30 % bad: burn 3 in the second pair's windows (above 2), 1.5 and 3 in the first (not above 100)
    expect(rule.update(2000, [3, 10])).toBe(true);
    expect(rule.burnRates()[0][0]).toBeCloseTo(3, 12);
    expect(rule.burnRates()[1][0]).toBeCloseTo(3, 12);
  });
});

describe('AlertEvaluator', () => {
  it('records each firing and clearing at the sample ends where the rule changed', () => {
    const evaluator = new AlertEvaluator(
      [
        { name: 'hot', severity: 'ticket', rule: { rule: 'threshold', group: 'links', target: 'l', metric: 'utilization', op: 'above', value: 0.7, forMs: 0 } },
        { name: 'probe', severity: 'page', rule: { rule: 'probeFailures', target: 'p', failures: 2 } },
      ],
      1000,
    );
    const utilization = [0.5, 0.8, 0.9, 0.6, 0.75];
    const inARow = [0, 1, 2, 3, 0];
    utilization.forEach((u, i) => evaluator.step((i + 1) * 1000, (a) => (a === 0 ? [u] : [inARow[i]])));
    expect(evaluator.tracks.map((t) => t.firings)).toEqual([
      [{ firedAtMs: 2000, clearedAtMs: 4000 }, { firedAtMs: 5000, clearedAtMs: null }],
      [{ firedAtMs: 3000, clearedAtMs: 5000 }],
    ]);
    expect(evaluator.tracks.map((t) => t.firing)).toEqual([true, false]);
  });
});
