import type { Call } from './call.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import type { Route } from './link.ts';
import type { RandomStream } from './random.ts';
import { RetryControl } from './retry-control.ts';
import type { CircuitBreakerSpec, RetrySpec } from './spec.ts';

/** One downstream step of a job: where it goes, how long to wait, how to retry. */
export interface StepPlan {
  /** Target node index, or -1 when the node picks per attempt (a balancer). */
  toNode: number;
  route: Route | null;
  timeoutMs: number;
  /** The timer lane for `timeoutMs`, assigned on first use (-1 until then). */
  timeoutLane: number;
  retry: RetrySpec;
  /** Budget and retry-breaker state for this caller, when the retry policy has either. */
  control: RetryControl | null;
  breaker: CircuitBreaker | null;
  /** Where attempts go while the breaker is open (-1: they fail with circuitOpen). */
  fallbackNode: number;
  fallbackRoute: Route | null;
  /** control or breaker present: the hot path checks this one flag. */
  guarded: boolean;
}

export const NO_RETRY: RetrySpec = { attempts: 1, backoff: { baseMs: 0, capMs: Infinity, multiplier: 2 }, jitter: 'none', budget: null, breaker: null };

export function stepPlan(
  toNode: number,
  route: Route | null,
  timeoutMs: number,
  retry: RetrySpec,
  breaker: { spec: CircuitBreakerSpec; fallbackNode: number; fallbackRoute: Route | null } | null = null,
): StepPlan {
  const control = retry.budget || retry.breaker ? new RetryControl(retry) : null;
  return {
    toNode,
    route,
    timeoutMs,
    timeoutLane: -1,
    retry,
    control,
    breaker: breaker ? new CircuitBreaker(breaker.spec) : null,
    fallbackNode: breaker?.fallbackNode ?? -1,
    fallbackRoute: breaker?.fallbackRoute ?? null,
    guarded: control !== null || breaker !== null,
  };
}

/** Adds up the refusals of a node's plans (each plan object counted once). */
export function retryRefusals(plansByClass: StepPlan[][]): { refusedByBudget: number; refusedByBreaker: number } {
  const seen = new Set<StepPlan>();
  const totals = { refusedByBudget: 0, refusedByBreaker: 0 };
  for (const plans of plansByClass) {
    for (const plan of plans) {
      if (seen.has(plan) || plan.control === null) continue;
      seen.add(plan);
      totals.refusedByBudget += plan.control.refusedByBudget;
      totals.refusedByBreaker += plan.control.refusedByBreaker;
    }
  }
  return totals;
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
