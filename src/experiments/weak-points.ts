/**
 * The ranking of a single-failures analysis (single-failures.ts): per component, what its failure
 * cost against the baseline on the same seed (common random numbers, so the difference is the
 * failure's and not the traffic's), worst first. Pure: the CLI and the Weak points panel share it.
 */
import type { RunResult } from './plan.ts';
import type { FailureComponent, SingleFailurePlan } from './single-failures.ts';

/** Impact bands for the canvas tint, by goodput lost as a share of what the baseline served during the failure. */
export const IMPACT_BANDS = [
  { band: 'none', below: 0.02 },
  { band: 'low', below: 0.2 },
  { band: 'medium', below: 0.6 },
  { band: 'high', below: Infinity },
] as const;
export type ImpactBand = (typeof IMPACT_BANDS)[number]['band'];

export interface WeakPoint extends FailureComponent {
  rank: number;
  /** Seeds that ran (with their baseline). */
  n: number;
  /** Mean over seeds of (baseline − variant) good requests from the failure's start to the end of the run. */
  goodputLost: number;
  /** goodputLost / the baseline's good requests during the failure (1 = a whole failure's worth); NaN when the baseline served none. */
  goodputLostShare: number;
  /** Mean over seeds of the highest share of ended requests that failed in one sample interval after the start. */
  peakErrorRate: number;
  /** Worst seed: seconds after the repair until every client's goodput holds 85% of its demand over 3 s; Infinity = never; NaN = no room left in the run to see it. */
  recoverySeconds: number;
  /** Share of seeds in which an alert fired after the failure started; NaN when the report has no alerts. */
  alertFired: number;
  impact: ImpactBand;
}

export interface WeakPointsResults {
  scenario: string;
  atMs: number;
  forMs: number;
  seeds: number[];
  /** The baseline's outcomes, mean over the seeds that ran. */
  baseline: Record<string, number>;
  /** Worst first; components whose runs did not finish (a cancel) are left out. */
  ranked: WeakPoint[];
  runs: RunResult[];
}

export function impactBand(share: number): ImpactBand {
  if (!Number.isFinite(share)) return share === Infinity ? 'high' : 'none';
  return IMPACT_BANDS.find((b) => share < b.below)?.band ?? 'high';
}

function mean(xs: number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Ranks the components from the results by run index (undefined where a run did not finish). */
export function rankWeakPoints(plan: SingleFailurePlan, results: readonly (RunResult | undefined)[]): WeakPointsResults {
  const runs = results.filter((r): r is RunResult => r !== undefined);
  const baselineBySeed = new Map(runs.filter((r) => r.valueIndex === 0).map((r) => [r.seed, r.outcomes]));
  const baselineRuns = [...baselineBySeed.values()];
  const baseline: Record<string, number> = {};
  for (const name of Object.keys(baselineRuns[0] ?? {})) baseline[name] = mean(baselineRuns.map((o) => o[name]));

  const points: WeakPoint[] = [];
  plan.components.forEach((component, k) => {
    const paired = runs.filter((r) => r.valueIndex === k + 1 && baselineBySeed.has(r.seed));
    if (paired.length === 0) return;
    const lost = paired.map((r) => (baselineBySeed.get(r.seed)?.goodput ?? NaN) - r.outcomes.goodput);
    const during = mean(paired.map((r) => baselineBySeed.get(r.seed)?.goodputDuringFailure ?? NaN));
    const goodputLost = mean(lost);
    const goodputLostShare = during > 0 ? goodputLost / during : NaN;
    const fired = paired.map((r) => r.outcomes.alertFired);
    points.push({
      ...component,
      rank: 0,
      n: paired.length,
      goodputLost,
      goodputLostShare,
      peakErrorRate: mean(paired.map((r) => r.outcomes.peakErrorRate)),
      recoverySeconds: Math.max(...paired.map((r) => r.outcomes.recoverySeconds)),
      alertFired: fired.some(Number.isNaN) ? NaN : mean(fired),
      impact: impactBand(goodputLostShare),
    });
  });
  // Worst first: goodput lost, then the peak error rate, then the slower recovery; an alert that
  // never fired ranks a tie worse (nobody would have known); then the order of the document.
  const order = new Map(plan.components.map((c, i) => [c.id, i]));
  points.sort(
    (a, b) =>
      b.goodputLost - a.goodputLost ||
      b.peakErrorRate - a.peakErrorRate ||
      compareRecovery(b.recoverySeconds, a.recoverySeconds) ||
      (Number.isNaN(a.alertFired) || Number.isNaN(b.alertFired) ? 0 : a.alertFired - b.alertFired) ||
      (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
  );
  points.forEach((p, i) => (p.rank = i + 1));
  return { scenario: plan.scenario, atMs: plan.atMs, forMs: plan.forMs, seeds: plan.seeds, baseline, ranked: points, runs };
}

/** Infinity − Infinity is NaN, which a sort reads as "equal" only by luck: compare explicitly (undefined ties). */
function compareRecovery(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b) || a === b) return 0;
  return a > b ? 1 : -1;
}
