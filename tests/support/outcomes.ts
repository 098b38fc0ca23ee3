/** Reading a run's client series the way REFERENCE-SCENARIOS.md states outcomes. */

export const sum = (xs: number[], fromSec: number, toSec: number): number => xs.slice(fromSec, toSec).reduce((a, b) => a + b, 0);
export const perSec = (xs: number[], fromSec: number, toSec: number): number => sum(xs, fromSec, toSec) / (toSec - fromSec);

/**
 * Seconds after `afterSec` until goodput holds at `share` of the demand over a 3 s window
 * (a single second is too noisy at 40/s); Infinity if it never does.
 */
export function recoverySeconds(goodput: number[], demandPerSec: number, afterSec: number, share = 0.85): number {
  for (let t = afterSec; t + 3 <= goodput.length; t++) if (perSec(goodput, t, t + 3) >= share * demandPerSec) return t - afterSec;
  return Infinity;
}

/** Collapsed: goodput over the last `windowSec` below 10% of the demand. */
export function collapsed(goodput: number[], demandPerSec: number, windowSec = 20): boolean {
  return perSec(goodput, goodput.length - windowSec, goodput.length) < 0.1 * demandPerSec;
}

export function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Least-squares slope of ys over their index (per sample). */
export function slope(ys: number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}
