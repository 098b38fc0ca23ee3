import { ExpiringTokens } from './expiring-tokens.ts';
import { SlidingCounts } from './sliding-counts.ts';
import type { RetrySpec } from './spec.ts';

const scratch = new Float64Array(2);

/**
 * One caller's retry limits (a client, or one `calls` entry of a service): a budget (ratio over a
 * window, or a token bucket) and a retry breaker (no retries while too many attempts fail). It
 * decides whether a failed attempt may be retried, and counts what it allowed and refused.
 */
export class RetryControl {
  refusedByBudget = 0;
  refusedByBreaker = 0;
  /** Ratio budget: `ratio` tokens per original request, alive for the window (Finagle-style). */
  private readonly ratioTokens: ExpiringTokens | null = null;
  /** Its floor: `minPerSec` retries a second whatever the traffic, refilled continuously. */
  private reserve = 0;
  private reserveUpdatedMs = 0;
  private readonly breakerWindow: SlidingCounts | null = null; // [attempts, failures]
  private tokens = 0;

  constructor(private readonly retry: RetrySpec) {
    const budget = retry.budget;
    if (budget?.kind === 'ratio') this.ratioTokens = new ExpiringTokens(budget.windowMs);
    if (budget?.kind === 'bucket') this.tokens = budget.capacity;
    if (retry.breaker) this.breakerWindow = new SlidingCounts(retry.breaker.windowMs);
  }

  /** An original request (a step's first attempt) starts. */
  onRequest(nowMs: number): void {
    const budget = this.retry.budget;
    if (budget?.kind === 'ratio') this.ratioTokens?.deposit(nowMs, budget.ratio);
    else if (budget?.kind === 'bucket' && budget.perRequest > 0) this.tokens = Math.min(budget.capacity, this.tokens + budget.perRequest);
  }

  /** Any attempt (first or retry) ended. */
  onAttemptEnded(nowMs: number, ok: boolean): void {
    this.breakerWindow?.add(nowMs, 1, ok ? 0 : 1);
    const budget = this.retry.budget;
    if (ok && budget?.kind === 'bucket' && budget.perSuccess > 0) this.tokens = Math.min(budget.capacity, this.tokens + budget.perSuccess);
  }

  /** May a failed attempt be retried now? Takes the retry from the budget if so. */
  allowRetry(nowMs: number): boolean {
    const breaker = this.retry.breaker;
    if (breaker && this.breakerWindow) {
      this.breakerWindow.totals(nowMs, scratch);
      if (scratch[0] >= breaker.minAttempts && scratch[1] / scratch[0] > breaker.failureRatio) {
        this.refusedByBreaker++;
        return false;
      }
    }
    const budget = this.retry.budget;
    if (budget?.kind === 'ratio' && this.ratioTokens) {
      if (budget.minPerSec > 0) {
        const capacity = (budget.minPerSec * budget.windowMs) / 1000;
        this.reserve = Math.min(capacity, this.reserve + ((nowMs - this.reserveUpdatedMs) * budget.minPerSec) / 1000);
        this.reserveUpdatedMs = nowMs;
      }
      if (this.reserve >= 1) this.reserve -= 1;
      else if (!this.ratioTokens.spend(nowMs, 1)) {
        this.refusedByBudget++;
        return false;
      }
    } else if (budget?.kind === 'bucket') {
      if (this.tokens < budget.perRetry) {
        this.refusedByBudget++;
        return false;
      }
      this.tokens -= budget.perRetry;
    }
    return true;
  }
}
