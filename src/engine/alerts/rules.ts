import type { AlertRuleSpec, BurnRateRuleSpec, ThresholdRuleSpec } from '../spec.ts';

/**
 * One alert rule's condition, fed one sample interval at a time: `inputs` are the numbers the rule
 * reads from that interval (its series values, in the order `inputsOf` names them). Returns
 * whether the alert is firing after this sample. Pure arithmetic: no engine, no clock.
 */
export interface RuleState {
  update(endMs: number, inputs: readonly number[]): boolean;
}

/**
 * `above`/`below` a value, held `forMs`: firing from the first sample at whose end the condition
 * has held for `forMs` of whole intervals (at once with `forMs` 0); cleared at the first sample
 * where it does not hold. A sample with no value (NaN) does not hold.
 */
export class ThresholdState implements RuleState {
  /** Start of the first interval of the current run of samples that hold; NaN when the last did not. */
  private heldSinceMs = NaN;

  constructor(
    private readonly rule: Pick<ThresholdRuleSpec, 'op' | 'value' | 'forMs'>,
    private readonly intervalMs: number,
  ) {}

  update(endMs: number, [value]: readonly number[]): boolean {
    const holds = this.rule.op === 'above' ? value > this.rule.value : value < this.rule.value;
    if (!holds) {
      this.heldSinceMs = NaN;
      return false;
    }
    if (Number.isNaN(this.heldSinceMs)) this.heldSinceMs = endMs - this.intervalMs;
    return endMs - this.heldSinceMs >= this.rule.forMs;
  }
}

/** Firing while the probe's failures in a row (a level at the sample's end) reach `failures`. */
export class ProbeFailuresState implements RuleState {
  constructor(private readonly failures: number) {}

  update(_endMs: number, [inARow]: readonly number[]): boolean {
    return inARow >= this.failures;
  }
}

/** Sums of the last `size` intervals' numbers (a ring of per-interval values). */
export class WindowSum {
  private readonly ring: Float64Array;
  private next = 0;
  sum = 0;

  constructor(readonly size: number) {
    this.ring = new Float64Array(Math.max(1, size));
  }

  push(value: number): void {
    this.sum += value - this.ring[this.next];
    this.ring[this.next] = value;
    this.next = (this.next + 1) % this.ring.length;
  }
}

/**
 * SLO multiwindow burn rate (Google SRE workbook, ch. 5): burn rate = bad share over a window /
 * (1 − objective). Firing while, for some pair, both the long and the short window burn faster
 * than its factor. Inputs per interval: bad outcomes, all outcomes. A window with no outcome
 * burns 0; early in a run a window covers the intervals there are.
 */
export class BurnRateState implements RuleState {
  private readonly windows: { long: WindowPair; short: WindowPair; factor: number }[];

  constructor(rule: Pick<BurnRateRuleSpec, 'objective' | 'windows'>, intervalMs: number) {
    const budget = 1 - rule.objective;
    const pair = (ms: number): WindowPair => new WindowPair(Math.max(1, Math.round(ms / intervalMs)), budget);
    this.windows = rule.windows.map((w) => ({ long: pair(w.longMs), short: pair(w.shortMs), factor: w.factor }));
  }

  update(_endMs: number, [bad, total]: readonly number[]): boolean {
    let firing = false;
    for (const w of this.windows) {
      w.long.push(bad, total);
      w.short.push(bad, total);
      if (w.long.burnRate() > w.factor && w.short.burnRate() > w.factor) firing = true;
    }
    return firing;
  }

  /** The burn rates after the last sample, per pair [long, short] (for tests and the inspector). */
  burnRates(): [number, number][] {
    return this.windows.map((w) => [w.long.burnRate(), w.short.burnRate()]);
  }
}

/** Bad and total outcomes over one window. */
class WindowPair {
  private readonly bad: WindowSum;
  private readonly total: WindowSum;

  constructor(
    intervals: number,
    private readonly budget: number,
  ) {
    this.bad = new WindowSum(intervals);
    this.total = new WindowSum(intervals);
  }

  push(bad: number, total: number): void {
    this.bad.push(bad);
    this.total.push(total);
  }

  burnRate(): number {
    const total = this.total.sum;
    return total > 0 ? this.bad.sum / total / this.budget : 0;
  }
}

export function ruleState(rule: AlertRuleSpec, intervalMs: number): RuleState {
  switch (rule.rule) {
    case 'threshold':
      return new ThresholdState(rule, intervalMs);
    case 'probeFailures':
      return new ProbeFailuresState(rule.failures);
    case 'burnRate':
      return new BurnRateState(rule, intervalMs);
  }
}
