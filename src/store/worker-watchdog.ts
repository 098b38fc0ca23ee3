/**
 * The page's watchdog over the simulation worker, without Worker or timers so tests drive it
 * with a fake clock. The engine stops runaway runs itself (src/engine/run-guard.ts); this catches
 * a worker that stops answering at all — stuck in one long synchronous call such as loading a
 * huge scenario — which no code inside the worker can interrupt. Thresholds: docs/security.md.
 */
import type { RunProgress } from '../../workers/protocol.ts';

export const WATCHDOG_LIMITS = {
  /** A command unanswered this long means the worker is stuck (a 5 MB file loads in well under 2 s). */
  commandTimeoutMs: 8000,
  /** A running worker streams ~30 messages a second; this much silence earns a ping. */
  silentRunMs: 2000,
  /** How often the page checks. A check that comes much later than this means the page itself was frozen or throttled: no verdict then. */
  checkEveryMs: 1000,
};

export interface PendingCommand {
  method: string;
  args: readonly unknown[];
  sinceMs: number;
}

export class WorkerWatchdog {
  readonly pending = new Set<PendingCommand>();
  private lastHeardMs: number;
  private lastCheckMs: number;
  private running = false;

  constructor(
    private readonly nowMs: () => number,
    private readonly limits = WATCHDOG_LIMITS,
  ) {
    this.lastHeardMs = this.lastCheckMs = nowMs();
  }

  commandSent(method: string, args: readonly unknown[]): PendingCommand {
    const command = { method, args, sinceMs: this.nowMs() };
    this.pending.add(command);
    return command;
  }

  commandAnswered(command: PendingCommand, result: unknown): void {
    this.pending.delete(command);
    this.heard(isProgress(result) ? result : undefined);
  }

  /** A live message or an answer: the worker is alive; its status says whether silence is suspicious. */
  heard(progress?: RunProgress): void {
    this.lastHeardMs = this.nowMs();
    if (progress !== undefined) this.running = progress.status === 'running';
  }

  /** A fresh worker: nothing pending, nothing running. */
  restarted(): void {
    this.pending.clear();
    this.running = false;
    this.lastHeardMs = this.nowMs();
  }

  /**
   * 'ping' when a running worker has gone quiet (ask it something: the answer, or its absence,
   * decides), 'stuck' with the reason when a command went unanswered too long, else 'ok'.
   */
  check(): { verdict: 'ok' | 'ping' } | { verdict: 'stuck'; reason: string } {
    const now = this.nowMs();
    const sinceLastCheckMs = now - this.lastCheckMs;
    this.lastCheckMs = now;
    if (sinceLastCheckMs > 3 * this.limits.checkEveryMs) {
      // The page was frozen or in the background: answers may be queued behind us. Start over.
      this.lastHeardMs = now;
      for (const command of this.pending) command.sinceMs = now;
      return { verdict: 'ok' };
    }
    for (const command of this.pending) {
      if (now - command.sinceMs > this.limits.commandTimeoutMs) {
        return { verdict: 'stuck', reason: `it did not answer "${command.method}" for ${Math.round((now - command.sinceMs) / 1000)} s` };
      }
    }
    if (this.running && this.pending.size === 0 && now - this.lastHeardMs > this.limits.silentRunMs) return { verdict: 'ping' };
    return { verdict: 'ok' };
  }
}

function isProgress(value: unknown): value is RunProgress {
  return typeof value === 'object' && value !== null && 'status' in value && 'simulatedMs' in value;
}
