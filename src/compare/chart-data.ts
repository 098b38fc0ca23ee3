/**
 * What the overlaid charts draw: a few series of A and B on one simulated-time axis — the first
 * client's successes per second, the busiest node's backlog, auth rejections where there are
 * validators — and the scenario's faults as markers, each run's alert firings as spans. Plain
 * numbers, so tests can check them.
 */
import type { FaultSpec, RunReport } from '../engine/index.ts';
import { busiestNode, inSystemSeries } from './compare-table.ts';
import { ownValue } from '../scenario/facts.ts';

export interface OverlaidChart {
  id: string;
  title: string;
  unit: string;
  /** Seconds of simulated time at the end of each interval (A's; B has the same seed and sampling). */
  tSec: number[];
  a: number[];
  b: number[];
}

export interface FaultMarker {
  atSec: number;
  label: string;
}

const perSecond = (values: readonly number[], intervalMs: number): number[] => values.map((v) => (v * 1000) / intervalMs);

/** B's series cut or padded to A's length (a capped or equal run has the same length). */
function aligned(values: readonly number[] | undefined, length: number): number[] {
  return Array.from({ length }, (_, i) => values?.[i] ?? NaN);
}

export function overlaidCharts(a: RunReport, b: RunReport): OverlaidChart[] {
  const tSec = a.series.t.map((ms) => ms / 1000);
  const n = tSec.length;
  const dt = a.series.intervalMs;
  const charts: OverlaidChart[] = [];
  const client = Object.keys(a.clients)[0];
  if (client !== undefined) {
    charts.push({
      id: 'succeeded',
      title: `${client}: successes per second`,
      unit: 'per s',
      tSec,
      a: perSecond(aligned((ownValue(a.series.clients, client) as RunReport['series']['clients'][string] | undefined)?.succeeded, n), dt),
      b: perSecond(aligned((ownValue(b.series.clients, client) as RunReport['series']['clients'][string] | undefined)?.succeeded, n), dt),
    });
  }
  const busiest = busiestNode(a, b);
  if (busiest !== null) {
    charts.push({ id: 'in-system', title: `${busiest}: queued + in service`, unit: 'requests', tSec, a: aligned(inSystemSeries(a, busiest), n), b: aligned(inSystemSeries(b, busiest), n) });
  }
  const validators = Object.entries(a.nodes).filter(([, node]) => node.auth !== undefined).map(([id]) => id);
  if (validators.length > 0) {
    const total = (r: RunReport) => {
      const sum = new Array<number>(n).fill(0);
      for (const id of validators) aligned((ownValue(r.series.nodes, id) as RunReport['series']['nodes'][string] | undefined)?.authRejected, n).forEach((v, i) => (sum[i] += Number.isFinite(v) ? v : 0));
      return perSecond(sum, dt);
    };
    charts.push({ id: 'auth-rejected', title: validators.length === 1 ? `${validators[0]}: tokens rejected per second` : 'Tokens rejected per second (all validators)', unit: 'per s', tSec, a: total(a), b: total(b) });
  }
  return charts;
}

/** One firing of an alert as a span of simulated time; `toSec` null: still firing at the run's end. */
export interface AlertSpan {
  name: string;
  fromSec: number;
  toSec: number | null;
}

/** A run's alert firings (issue 13), in the order they began: the charts band them along the top. */
export function alertSpans(report: RunReport): AlertSpan[] {
  const spans = (report.alerts ?? []).flatMap((alert) =>
    alert.firings.map((f) => ({ name: alert.name, fromSec: f.firedAtMs / 1000, toSec: f.clearedAtMs === null ? null : f.clearedAtMs / 1000 })),
  );
  return spans.sort((x, y) => x.fromSec - y.fromSec);
}

export function faultMarkers(faults: readonly FaultSpec[], durationMs: number): FaultMarker[] {
  return faults.filter((f) => f.atMs < durationMs).map((f) => ({ atSec: f.atMs / 1000, label: `${f.action} ${f.target}` }));
}

/** The faults' span for the table and the sentence: first start, last end (null if any is permanent). */
export function faultSpan(faults: readonly FaultSpec[], durationMs: number): { faultStartMs: number | null; faultEndMs: number | null } {
  const inRun = faults.filter((f) => f.atMs < durationMs);
  if (inRun.length === 0) return { faultStartMs: null, faultEndMs: null };
  const start = Math.min(...inRun.map((f) => f.atMs));
  const end = Math.max(...inRun.map((f) => f.atMs + f.forMs));
  return { faultStartMs: start, faultEndMs: Number.isFinite(end) && end < durationMs ? end : null };
}
