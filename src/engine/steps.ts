import type { Route } from './link';
import type { RandomStream } from './random';
import type { RetrySpec } from './spec';
import type { Call } from './call';

/** One downstream step of a job: where it goes, how long to wait, how to retry. */
export interface StepPlan {
  /** Target node index, or -1 when the node picks per attempt (a balancer). */
  toNode: number;
  route: Route | null;
  timeoutMs: number;
  /** The timer lane for `timeoutMs`, assigned on first use (-1 until then). */
  timeoutLane: number;
  retry: RetrySpec;
}

export function stepPlan(toNode: number, route: Route | null, timeoutMs: number, retry: RetrySpec): StepPlan {
  return { toNode, route, timeoutMs, timeoutLane: -1, retry };
}

/**
 * Delay before retry number `retryNumber` (1 = the first retry), per the AWS "exponential backoff
 * and jitter" variants. Decorrelated jitter grows from the previous delay, kept on the job.
 */
export function backoffDelayMs(retry: RetrySpec, retryNumber: number, job: Call, rng: RandomStream): number {
  const { baseMs, capMs, multiplier } = retry.backoff;
  if (baseMs <= 0) return 0;
  const exponential = Math.min(capMs, baseMs * Math.pow(multiplier, retryNumber - 1));
  switch (retry.jitter) {
    case 'none':
      return exponential;
    case 'full':
      return rng.next() * exponential;
    case 'equal':
      return exponential / 2 + (rng.next() * exponential) / 2;
    case 'decorrelated': {
      const previous = job.lastBackoffMs > 0 ? job.lastBackoffMs : baseMs;
      const delay = Math.min(capMs, baseMs + rng.next() * (previous * 3 - baseMs));
      job.lastBackoffMs = delay;
      return delay;
    }
  }
}
