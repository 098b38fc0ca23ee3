import { SlidingCounts } from './sliding-counts.ts';
import type { CircuitBreakerSpec } from './spec.ts';

export const CIRCUIT_CLOSED = 0;
export const CIRCUIT_OPEN = 1;
export const CIRCUIT_HALF_OPEN = 2;
export const CIRCUIT_STATES = ['closed', 'open', 'halfOpen'] as const;

/** How an attempt passed the breaker: normally, as a half-open probe, or refused. */
export const PASS = 0;
export const PROBE = 1;
export const REFUSE = 2;

const scratch = new Float64Array(2);

/**
 * A circuit breaker on one downstream call. Closed: counts attempts and failures over a window
 * and opens when enough fail. Open: refuses for `openMs`. Half-open: lets a few probes through;
 * all succeed → closed, one fails → open again.
 */
export class CircuitBreaker {
  state = CIRCUIT_CLOSED;
  opened = 0;
  refused = 0;
  private openUntilMs = 0;
  private probesSent = 0;
  private probesSucceeded = 0;
  private readonly window: SlidingCounts;

  constructor(private readonly spec: CircuitBreakerSpec) {
    this.window = new SlidingCounts(spec.windowMs);
  }

  /** Moves an expired open state to half-open, as the next attempt would see it. */
  admitPeek(nowMs: number): void {
    if (this.state === CIRCUIT_OPEN && nowMs >= this.openUntilMs) {
      this.state = CIRCUIT_HALF_OPEN;
      this.probesSent = 0;
      this.probesSucceeded = 0;
    }
  }

  /** Before an attempt: PASS, PROBE or REFUSE (counted). */
  admit(nowMs: number): number {
    this.admitPeek(nowMs);
    if (this.state === CIRCUIT_CLOSED) return PASS;
    if (this.state === CIRCUIT_HALF_OPEN && this.probesSent < this.spec.halfOpenProbes) {
      this.probesSent++;
      return PROBE;
    }
    this.refused++;
    return REFUSE;
  }

  /** After an attempt that was admitted as `admission` ended. */
  record(nowMs: number, admission: number, ok: boolean): void {
    if (admission === PROBE) {
      if (this.state !== CIRCUIT_HALF_OPEN) return;
      if (!ok) this.open(nowMs);
      else if (++this.probesSucceeded >= this.spec.halfOpenProbes) {
        this.state = CIRCUIT_CLOSED;
        this.window.clear();
      }
      return;
    }
    if (this.state !== CIRCUIT_CLOSED) return; // answers to attempts sent before it opened
    this.window.add(nowMs, 1, ok ? 0 : 1);
    if (ok) return;
    this.window.totals(nowMs, scratch);
    if (scratch[0] >= this.spec.minAttempts && scratch[1] / scratch[0] >= this.spec.failureRatio) this.open(nowMs);
  }

  private open(nowMs: number): void {
    this.state = CIRCUIT_OPEN;
    this.openUntilMs = nowMs + this.spec.openMs;
    this.opened++;
  }
}
