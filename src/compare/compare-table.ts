/**
 * The numbers side by side: for each client, success and goodput, latency, failures and retry
 * amplification; the busiest node's backlog; each validator's rejected share. A and B are read
 * the same way, and each row says which direction is better so the difference can be judged.
 */
import { kindFacts, type ClientReport, type NodeReport, type RunReport } from '../engine/index.ts';
import { outcome } from '../experiments/outcomes.ts';
import { intervalRange, lastOf, peakOf, ratePerSecIn, sumIn } from './windows.ts';
import { ownValue } from '../scenario/facts.ts';

export type RowUnit = 'share' | 'perSec' | 'ms' | 'count' | 'ratio' | 'seconds';

export interface CompareRow {
  /** "users: success rate". */
  label: string;
  unit: RowUnit;
  a: number;
  b: number;
  /** Which way is an improvement; null where neither is (a level, a demand). */
  better: 'higher' | 'lower' | null;
}

export interface CompareContext {
  /** The first scenario fault's start and the last one's end, when the scenario has faults. */
  faultStartMs: number | null;
  faultEndMs: number | null;
}

/** How long the tail window is for "at the end" rates: long enough to smooth, short enough to be "now". */
export const TAIL_WINDOW_MS = 20_000;

const sumValues = (counts: Record<string, number>): number => Object.values(counts).reduce((s, v) => s + v, 0);

function measuredSeconds(report: RunReport): number {
  return Math.max(1e-9, (report.simulatedMs - report.warmupMs) / 1000);
}

function clientRows(id: string, a: RunReport, b: RunReport, context: CompareContext): CompareRow[] {
  const ca = ownValue(a.clients, id) as ClientReport | undefined;
  const cb = ownValue(b.clients, id) as ClientReport | undefined;
  if (!ca || !cb) return [];
  const pick = (fn: (c: ClientReport, r: RunReport) => number) => ({ a: fn(ca, a), b: fn(cb, b) });
  const rows: CompareRow[] = [
    { label: `${id}: success rate`, unit: 'share', better: 'higher', ...pick((c) => (c.generated > 0 ? c.succeeded / c.generated : NaN)) },
  ];
  if (context.faultStartMs !== null) {
    const from = context.faultStartMs;
    rows.push({ label: `${id}: success rate after the fault`, unit: 'share', better: 'higher', ...pick((_c, r) => successShare(r, id, from, r.simulatedMs)) });
  }
  rows.push({ label: `${id}: goodput`, unit: 'perSec', better: 'higher', ...pick((c, r) => c.goodput / measuredSeconds(r)) });
  if (context.faultEndMs !== null && Number.isFinite(context.faultEndMs)) {
    const after = context.faultEndMs;
    const recovery = (r: RunReport) => outcome({ label: 'recovery', name: 'recoverySeconds', target: id, afterMs: after }, r);
    rows.push({ label: `${id}: recovered after the fault ends`, unit: 'seconds', better: 'lower', ...pick((_c, r) => recovery(r)) });
  }
  rows.push(
    { label: `${id}: latency p50`, unit: 'ms', better: 'lower', ...pick((c) => c.latencyMs.p50) },
    { label: `${id}: latency p99`, unit: 'ms', better: 'lower', ...pick((c) => c.latencyMs.p99) },
    { label: `${id}: failed requests`, unit: 'count', better: 'lower', ...pick((c) => sumValues(c.failed)) },
    { label: `${id}: attempts per request`, unit: 'ratio', better: 'lower', ...pick((c) => c.retryAmplification) },
    { label: `${id}: attempts/s, last 20 s`, unit: 'perSec', better: null, ...pick((_c, r) => tailRate(r, (ownValue(r.series.clients, id) as RunReport['series']['clients'][string] | undefined)?.attempts)) },
  );
  return rows;
}

/** succeeded / generated over [fromMs, toMs), from the series. */
export function successShare(report: RunReport, id: string, fromMs: number, toMs: number): number {
  const range = intervalRange(report, fromMs, toMs);
  const series = ownValue(report.series.clients, id) as RunReport['series']['clients'][string] | undefined;
  const generated = sumIn(series?.generated, range);
  return generated > 0 ? sumIn(series?.succeeded, range) / generated : NaN;
}

function tailRate(report: RunReport, values: readonly number[] | undefined): number {
  return ratePerSecIn(report, values, intervalRange(report, report.simulatedMs - TAIL_WINDOW_MS, report.simulatedMs));
}

/** Queued + in service at the interval's end: the backlog, also for unbounded workers. */
export function inSystemSeries(report: RunReport, id: string): number[] {
  const s = ownValue(report.series.nodes, id) as RunReport['series']['nodes'][string] | undefined;
  const queue = s?.queueDepth ?? [];
  const service = s?.inService ?? [];
  return queue.map((q, i) => q + (service[i] ?? 0));
}

/** A node on the requests' path (not the sign-in side's identity provider or key set): its backlog is the one to watch. */
const isServer = (node: NodeReport): boolean => kindFacts(node.kind)?.role === 'server';

/** The node with the largest time-average backlog in A or B (the one to watch). */
export function busiestNode(a: RunReport, b: RunReport): string | null {
  let best: string | null = null;
  let bestValue = -1;
  for (const [id, node] of Object.entries(a.nodes)) {
    if (!isServer(node)) continue;
    const value = Math.max(node.meanInSystem, (ownValue(b.nodes, id) as NodeReport | undefined)?.meanInSystem ?? 0);
    if (value > bestValue) {
      best = id;
      bestValue = value;
    }
  }
  return best;
}

function rejectedShare(node: NodeReport | undefined): number {
  const auth = node?.auth;
  if (!auth) return NaN;
  const rejected = auth.rejectedUntrustedKey + auth.rejectedExpired + auth.rejectedNoToken;
  return auth.accepted + rejected > 0 ? rejected / (auth.accepted + rejected) : 0;
}

/**
 * Scenarios with alerts (issue 13): each fault's time to detect in A and in B, side by side —
 * seconds from user impact to the first alert ("never" when no alert fired; negative when the
 * alert came first; "—" when users were not hurt), then when each alert first fired.
 */
function detectionRows(a: RunReport, b: RunReport): CompareRow[] {
  if (a.detection === undefined || b.detection === undefined) return [];
  const seconds = (d: NonNullable<RunReport['detection']>[number] | undefined): number => {
    if (d === undefined || d.impactStartMs === null) return NaN;
    return d.detectMs === null ? Infinity : d.detectMs / 1000;
  };
  const rows: CompareRow[] = a.detection.map((d) => ({
    label: `${d.label}: time to detect`,
    unit: 'seconds',
    better: 'lower',
    a: seconds(d),
    b: seconds(b.detection?.find((e) => e.fault === d.fault)),
  }));
  const firstFired = (r: RunReport, name: string): number => {
    const at = r.alerts?.find((x) => x.name === name)?.firings[0]?.firedAtMs;
    return at === undefined ? Infinity : at / 1000;
  };
  for (const alert of a.alerts ?? []) {
    rows.push({ label: `alert "${alert.name}": first fired at`, unit: 'seconds', better: null, a: firstFired(a, alert.name), b: firstFired(b, alert.name) });
  }
  return rows;
}

export function compareRows(a: RunReport, b: RunReport, context: CompareContext): CompareRow[] {
  const rows: CompareRow[] = [];
  for (const id of Object.keys(a.clients)) rows.push(...clientRows(id, a, b, context));
  const busiest = busiestNode(a, b);
  if (busiest !== null) {
    rows.push(
      { label: `${busiest}: in system at the end`, unit: 'count', better: 'lower', a: lastOf(inSystemSeries(a, busiest)), b: lastOf(inSystemSeries(b, busiest)) },
      { label: `${busiest}: in system at the peak`, unit: 'count', better: 'lower', a: peakOf(inSystemSeries(a, busiest)), b: peakOf(inSystemSeries(b, busiest)) },
      { label: `${busiest}: dropped`, unit: 'count', better: 'lower', a: sumValues(a.nodes[busiest].dropped), b: sumValues((ownValue(b.nodes, busiest) as NodeReport | undefined)?.dropped ?? {}) },
    );
  }
  for (const [id, node] of Object.entries(a.nodes)) {
    if (id === busiest || !isServer(node)) continue;
    const dropsA = sumValues(node.dropped);
    const dropsB = sumValues((ownValue(b.nodes, id) as NodeReport | undefined)?.dropped ?? {});
    if (dropsA > 0 || dropsB > 0) rows.push({ label: `${id}: dropped`, unit: 'count', better: 'lower', a: dropsA, b: dropsB });
  }
  rows.push(...detectionRows(a, b));
  for (const [id, node] of Object.entries(a.nodes)) {
    if (node.auth) rows.push({ label: `${id}: rejected token share`, unit: 'share', better: 'lower', a: rejectedShare(node), b: rejectedShare(ownValue(b.nodes, id) as NodeReport | undefined) });
  }
  return rows;
}
