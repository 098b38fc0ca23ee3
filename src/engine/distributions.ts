import type { DistributionSpec } from './spec.ts';
import type { RandomStream } from './random.ts';

const CONSTANT = 0;
const EXPONENTIAL = 1;
const UNIFORM = 2;
const LOGNORMAL = 3;

/** z such that P(Z ≤ z) = 0.99 for a standard normal Z. */
const Z_99 = 2.3263478740408408;

/**
 * A distribution compiled for the hot loop: an integer kind and two numbers, sampled with a
 * switch rather than a closure per draw.
 */
export class Sampler {
  readonly kind: number;
  readonly p1: number;
  readonly p2: number;
  readonly meanMs: number;

  constructor(spec: DistributionSpec) {
    switch (spec.dist) {
      case 'constant':
        this.kind = CONSTANT;
        this.p1 = spec.valueMs;
        this.p2 = 0;
        this.meanMs = spec.valueMs;
        break;
      case 'exponential':
        this.kind = EXPONENTIAL;
        this.p1 = spec.meanMs;
        this.p2 = 0;
        this.meanMs = spec.meanMs;
        break;
      case 'uniform':
        this.kind = UNIFORM;
        this.p1 = spec.minMs;
        this.p2 = spec.maxMs - spec.minMs;
        this.meanMs = (spec.minMs + spec.maxMs) / 2;
        break;
      case 'lognormal': {
        this.kind = LOGNORMAL;
        const sigma = spec.medianMs > 0 && spec.p99Ms > spec.medianMs ? Math.log(spec.p99Ms / spec.medianMs) / Z_99 : 0;
        this.p1 = spec.medianMs;
        this.p2 = sigma;
        this.meanMs = spec.medianMs * Math.exp((sigma * sigma) / 2);
        break;
      }
    }
  }

  get isZero(): boolean {
    return this.kind === CONSTANT && this.p1 === 0;
  }

  /** Small enough for V8 to inline into its callers (no boxed double returned); other kinds out of line. */
  sample(rng: RandomStream): number {
    const kind = this.kind;
    if (kind === EXPONENTIAL) return -this.p1 * Math.log(1 - rng.next());
    if (kind === LOGNORMAL && this.p2 !== 0) return this.p1 * Math.exp(this.p2 * normalQuantile(rng.next()));
    return this.sampleOther(rng);
  }

  private sampleOther(rng: RandomStream): number {
    switch (this.kind) {
      case CONSTANT:
        return this.p1;
      case UNIFORM:
        return this.p1 + this.p2 * rng.next();
      default:
        return this.p2 === 0 ? this.p1 : this.p1 * Math.exp(this.p2 * normalQuantile(rng.next()));
    }
  }
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error < 1.2e-9).
 * One uniform per normal draw keeps each stream's consumption fixed, unlike Box–Muller's pairs.
 */
export function normalQuantile(p: number): number {
  // The central region (95% of draws) stays small enough to inline; the tails go out of line.
  if (p < P_LOW || p > P_HIGH) return normalTail(p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** Outside [P_LOW, P_HIGH]: the tails, and 0 and 1 themselves. */
function normalTail(p: number): number {
  if (p <= 0) return -8.2;
  if (p >= 1) return 8.2;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - p));
  return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

const P_LOW = 0.02425;
const P_HIGH = 1 - P_LOW;
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
