import type { AlertSeverity, AlertSpec } from '../spec.ts';
import { ruleState, type RuleState } from './rules.ts';

export interface Firing {
  firedAtMs: number;
  /** null while it is still firing. */
  clearedAtMs: number | null;
}

export interface AlertTrack {
  name: string;
  severity: AlertSeverity;
  firing: boolean;
  firings: Firing[];
}

/**
 * Every alert of a scenario, fed one sample interval at a time (the run's report after the run and
 * the live worker use the same one). It only turns conditions into firings and clearings: which
 * numbers each alert reads is the caller's business (board.ts reads them from the series).
 */
export class AlertEvaluator {
  readonly tracks: AlertTrack[];
  private readonly states: RuleState[];

  constructor(alerts: readonly AlertSpec[], intervalMs: number) {
    this.tracks = alerts.map((a) => ({ name: a.name, severity: a.severity, firing: false, firings: [] }));
    this.states = alerts.map((a) => ruleState(a.rule, intervalMs));
  }

  /** The sample interval ending at `endMs`; `inputs(i)` are alert i's numbers for it. */
  step(endMs: number, inputs: (alert: number) => readonly number[]): void {
    this.tracks.forEach((track, i) => {
      const firing = this.states[i].update(endMs, inputs(i));
      if (firing === track.firing) return;
      track.firing = firing;
      if (firing) track.firings.push({ firedAtMs: endMs, clearedAtMs: null });
      else track.firings[track.firings.length - 1].clearedAtMs = endMs;
    });
  }
}
