/**
 * One run's outcome metrics (src/scenario/experiment.ts `METRICS`), read from its report the way
 * REFERENCE-SCENARIOS.md states outcomes. Undefined values are NaN (utilisation of unbounded
 * workers), "never" is Infinity (a run that does not recover); the JSON writer turns both into null.
 */
import type { RunReport } from '../engine/index.ts';
import type { MetricSpec } from '../scenario/index.ts';
import { ownValue } from '../scenario/facts.ts';

/** Goodput must hold this share of the demand over RECOVERY_WINDOW_MS to count as recovered. */
export const RECOVERED_SHARE = 0.85;
export const RECOVERY_WINDOW_MS = 3000;
/** Collapsed: goodput over the last window below this share of the demand. */
export const COLLAPSED_SHARE = 0.1;
export const COLLAPSE_WINDOW_MS = 20_000;

/** Intervals [start, end) of the series that lie inside [fromMs, toMs). */
function intervalRange(report: RunReport, fromMs: number, toMs: number): [number, number] {
  const dt = report.series.intervalMs;
  const first = Math.ceil(fromMs / dt - 1e-9);
  const end = Math.min(report.series.t.length, Math.floor(toMs / dt + 1e-9));
  return [first, Math.max(first, end)];
}

function sum(xs: number[], from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += xs[i];
  return total;
}

function clientSeries(report: RunReport, id: string, name: string): number[] {
  const series = (ownValue(report.series.clients, id) as Record<string, number[]> | undefined)?.[name];
  if (!series) throw new Error(`the report has no series ${name} for client "${id}"`);
  return series;
}

export function outcome(metric: MetricSpec, report: RunReport): number {
  const { target } = metric;
  if (metric.name === 'detectSeconds' || metric.name === 'detected') return alertOutcome(metric, report);
  // own entries only: a node named "constructor" must not find Object's constructor among the clients
  const client = ownValue(report.clients, target) as RunReport['clients'][string] | undefined;
  const node = ownValue(report.nodes, target) as RunReport['nodes'][string] | undefined;
  const either = client ?? node;
  if (either === undefined) throw new Error(`the report has no node "${target}"`);
  const dt = report.series.intervalMs;
  switch (metric.name) {
    case 'goodput':
    case 'goodputShare': {
      const [from, to] = intervalRange(report, metric.fromMs ?? report.warmupMs, metric.toMs ?? report.simulatedMs);
      const good = sum(clientSeries(report, target, 'goodput'), from, to);
      if (metric.name === 'goodputShare') return good / sum(clientSeries(report, target, 'generated'), from, to);
      return to > from ? good / (((to - from) * dt) / 1000) : NaN;
    }
    case 'meanLatency':
      return either.latencyMs.mean;
    case 'p50':
    case 'p95':
    case 'p99':
      return either.latencyMs[metric.name];
    case 'utilization':
      return node?.utilization ?? NaN;
    case 'attemptsPerRequest':
      return client?.retryAmplification ?? NaN;
    case 'collapsed': {
      const goodput = clientSeries(report, target, 'goodput');
      const windowIntervals = Math.max(1, Math.round((metric.windowMs ?? COLLAPSE_WINDOW_MS) / dt));
      const from = Math.max(0, goodput.length - windowIntervals);
      const demand = sum(clientSeries(report, target, 'generated'), from, goodput.length);
      return sum(goodput, from, goodput.length) < COLLAPSED_SHARE * demand ? 1 : 0;
    }
    case 'recoverySeconds':
      return client ? clientRecovery(report, target, metric.afterMs ?? 0) : validatorRecovery(report, target, metric.afterMs ?? 0);
    case 'rejectingShare': {
      const shares = (ownValue(report.series.nodes, target) as RunReport['series']['nodes'][string] | undefined)?.rejectingShare ?? [];
      // the first sample taken at or after `at` (t[i] is the end of interval i)
      const index = report.series.t.findIndex((t) => t >= (metric.atMs ?? 0));
      return index < 0 ? NaN : shares[index];
    }
    case 'everRejectingShare':
      return node?.auth?.everRejectingShare ?? NaN;
  }
}

/** detectSeconds: seconds from `after` to the alert's first firing still on then or later (0 if on); detected: 1 or 0. */
function alertOutcome(metric: MetricSpec, report: RunReport): number {
  const alert = report.alerts?.find((a) => a.name === metric.target);
  if (alert === undefined) throw new Error(`the report has no alert "${metric.target}"`);
  const afterMs = metric.afterMs ?? 0;
  const firing = alert.firings.find((f) => f.clearedAtMs === null || f.clearedAtMs > afterMs);
  if (metric.name === 'detected') return firing === undefined ? 0 : 1;
  return firing === undefined ? Infinity : Math.max(0, firing.firedAtMs - afterMs) / 1000;
}

/** Seconds after `afterMs` until goodput holds RECOVERED_SHARE of the requests generated, over a 3 s window. */
function clientRecovery(report: RunReport, id: string, afterMs: number): number {
  const dt = report.series.intervalMs;
  const goodput = clientSeries(report, id, 'goodput');
  const generated = clientSeries(report, id, 'generated');
  const window = Math.max(1, Math.round(RECOVERY_WINDOW_MS / dt));
  for (let i = Math.ceil(afterMs / dt - 1e-9); i + window <= goodput.length; i++) {
    const demand = sum(generated, i, i + window);
    if (demand > 0 && sum(goodput, i, i + window) >= RECOVERED_SHARE * demand) return (i * dt - afterMs) / 1000;
  }
  return Infinity;
}

/** Seconds after `afterMs` until the first sample at which no replica of the validator rejects. */
function validatorRecovery(report: RunReport, id: string, afterMs: number): number {
  const shares = (ownValue(report.series.nodes, id) as RunReport['series']['nodes'][string] | undefined)?.rejectingShare ?? [];
  const { t } = report.series;
  for (let i = 0; i < t.length; i++) if (t[i] >= afterMs && shares[i] === 0) return (t[i] - afterMs) / 1000;
  return Infinity;
}
