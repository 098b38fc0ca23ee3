import { describe, expect, it } from 'vitest';
import type { SeriesReport } from '../../src/engine/report-types';
import { formatIssue, parseScenario } from '../../src/scenario';
import { builtinScenarios, findBuiltin } from '../../src/scenarios';
import { runBuiltin } from '../support/run-builtin';

/**
 * The guides' texts are claims about what the run shows at each step (docs/workshop.md: nobody is
 * there to correct them). Each check reads its step's time from the scenario, so moving a step
 * moves the check, and asserts the numbers the text states.
 */

const MIN = 60_000;
const SEC = 1000;

/** The time of the step whose title starts with `title`. */
function stepAt(id: string, title: string): number {
  const parsed = parseScenario(findBuiltin(id)?.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  const step = parsed.spec.guide.find((s) => s.title.startsWith(title));
  if (!step) throw new Error(`${id} has no guide step "${title}…"`);
  return step.atMs;
}

/** Reads series by simulated time; row i covers (t[i] − interval, t[i]]. */
function timeline(series: SeriesReport) {
  const row = (ms: number): number => {
    const i = Math.round(ms / series.intervalMs) - 1;
    if (series.t[i] !== ms) throw new Error(`no series row ends at ${ms} ms`);
    return i;
  };
  const rows = (fromMs: number, toMs: number): number[] => Array.from({ length: Math.round((toMs - fromMs) / series.intervalMs) }, (_, k) => row(fromMs + (k + 1) * series.intervalMs));
  return {
    /** The value in the row ending at `ms`. */
    at: (xs: number[], ms: number): number => xs[row(ms)],
    sum: (xs: number[], fromMs: number, toMs: number): number => rows(fromMs, toMs).reduce((a, i) => a + xs[i], 0),
    max: (xs: number[], fromMs: number, toMs: number): number => Math.max(...rows(fromMs, toMs).map((i) => xs[i])),
    perSec: (xs: number[], fromMs: number, toMs: number): number => rows(fromMs, toMs).reduce((a, i) => a + xs[i], 0) / ((toMs - fromMs) / SEC),
    mean: (xs: number[], fromMs: number, toMs: number): number => rows(fromMs, toMs).reduce((a, i) => a + xs[i], 0) / rows(fromMs, toMs).length,
    /** First row end after `fromMs` at which `ok(i)` holds. */
    firstAfter: (fromMs: number, ok: (i: number) => boolean): number => series.t[series.t.findIndex((t, i) => t > fromMs && ok(i))],
  };
}

const METHODS = ['ios', 'android', 'sms', 'code'] as const;
const OTHERS = ['android', 'sms', 'code'] as const;

function mfaRun(id: string) {
  const { report } = runBuiltin(id);
  const s = report.series;
  const tl = timeline(s);
  const users = s.clients.users;
  const success = (m: string, fromMs: number, toMs: number): number => tl.sum(users[`succeeded.${m}`], fromMs, toMs) / tl.sum(users[`generated.${m}`], fromMs, toMs);
  return { report, s, tl, users, mfa: s.nodes['mfa-service'], success, at: (title: string) => stepAt(id, title) };
}

describe('S7 guide: the MFA outage, step by step', () => {
  const r = mfaRun('mfa-outage-2019');
  const lossy = r.at('13:30');
  const failing = r.at('13:35');
  const hotfix = r.at('14:20');
  const recovers = r.at('16:30');

  it('13:20: every method succeeds and about 4 of the 50 workers are busy', () => {
    for (const m of METHODS) expect(r.success(m, 0, lossy)).toBeGreaterThan(0.98);
    expect(r.tl.mean(r.mfa.inService, MIN, lossy)).toBeGreaterThan(2.5);
    expect(r.tl.mean(r.mfa.inService, MIN, lossy)).toBeLessThan(5.5);
  });

  it('13:30: within half a minute all 50 workers are busy and a queue forms', () => {
    expect(r.tl.at(r.mfa.inService, lossy)).toBeLessThan(10);
    expect(r.tl.at(r.mfa.inService, lossy + 30 * SEC)).toBe(50);
    expect(r.tl.at(r.mfa.queueDepth, lossy + 30 * SEC)).toBeGreaterThan(100);
  });

  it('13:35: ~5 finished a second against 20 arriving, a queue of ~4,000 growing ~13/s, no sign-in succeeding since ~13:32', () => {
    expect(r.tl.perSec(r.mfa.completed, failing, hotfix)).toBeGreaterThan(4);
    expect(r.tl.perSec(r.mfa.completed, failing, hotfix)).toBeLessThan(6);
    expect(r.tl.at(r.mfa.queueDepth, failing)).toBeGreaterThan(3000);
    expect(r.tl.at(r.mfa.queueDepth, failing)).toBeLessThan(5000);
    const growthPerSec = (r.tl.at(r.mfa.queueDepth, hotfix) - r.tl.at(r.mfa.queueDepth, failing)) / ((hotfix - failing) / SEC);
    expect(growthPerSec).toBeGreaterThan(12);
    expect(growthPerSec).toBeLessThan(14.5);
    for (const m of METHODS) expect(r.tl.sum(r.users[`succeeded.${m}`], failing - 3 * MIN, failing)).toBe(0);
  });

  it('14:20: ~40,000 requests queued', () => {
    expect(r.tl.at(r.mfa.queueDepth, hotfix)).toBeGreaterThan(35_000);
    expect(r.tl.at(r.mfa.queueDepth, hotfix)).toBeLessThan(45_000);
  });

  it('16:30: the queue peaks at ~142,000, drains at ~300/s, sign-ins succeed again ~9 min later', () => {
    const peak = r.tl.max(r.mfa.queueDepth, 0, recovers + MIN);
    expect(peak).toBeGreaterThan(130_000);
    expect(peak).toBeLessThan(155_000);
    expect(r.tl.perSec(r.mfa.completed, recovers + MIN, recovers + 5 * MIN)).toBeGreaterThan(270);
    expect(r.tl.perSec(r.mfa.completed, recovers + MIN, recovers + 5 * MIN)).toBeLessThan(330);
    const drainedAfterMin = (r.tl.firstAfter(recovers, (i) => r.mfa.queueDepth[i] === 0) - recovers) / MIN;
    expect(drainedAfterMin).toBeGreaterThan(7.5);
    expect(drainedAfterMin).toBeLessThan(10.5);
    expect(r.success('sms', recovers, recovers + 7 * MIN)).toBe(0); // SMS too waits for the backlog
  });
});

describe('S7 variants: each guide says what that variant shows', () => {
  it('bulkhead: only iOS fails; its own queue (~2,000 at 13:35, ~20,000 at 14:20, ~74,000 at 16:30) drains in ~9 min', () => {
    const r = mfaRun('mfa-bulkhead');
    const [from, mid, to] = [r.at('13:35'), r.at('14:20'), r.at('16:30')];
    expect(r.success('ios', from, to)).toBe(0);
    for (const m of OTHERS) expect(r.success(m, from, to)).toBeGreaterThan(0.98);
    const q = (ms: number): number => r.tl.at(r.mfa.queueDepth, ms);
    expect(q(from)).toBeGreaterThan(1500);
    expect(q(from)).toBeLessThan(2500);
    expect(q(mid)).toBeGreaterThan(18_000);
    expect(q(mid)).toBeLessThan(23_000);
    expect(q(to)).toBeGreaterThan(68_000);
    expect(q(to)).toBeLessThan(80_000);
    const drainedAfterMin = (r.tl.firstAfter(to, (i) => r.mfa.queueDepth[i] === 0) - to) / MIN;
    expect(drainedAfterMin).toBeGreaterThan(7.5);
    expect(drainedAfterMin).toBeLessThan(10.5);
  });

  it('3 s timeout: no queue, 20–25 busy workers, iOS ~40%, the others 100%, iOS back within a minute', () => {
    const r = mfaRun('mfa-short-timeout');
    const [from, to] = [r.at('13:35'), r.at('16:30')];
    expect(r.tl.max(r.mfa.queueDepth, from, to)).toBe(0);
    expect(r.tl.mean(r.mfa.inService, from, to)).toBeGreaterThan(15);
    expect(r.tl.mean(r.mfa.inService, from, to)).toBeLessThan(28);
    expect(Math.abs(r.success('ios', from, to) - 0.4)).toBeLessThan(0.03);
    for (const m of OTHERS) expect(r.success(m, from, to)).toBeGreaterThan(0.98);
    expect(r.success('ios', to + MIN, to + 5 * MIN)).toBeGreaterThan(0.98);
  });

  it('circuit breaker: iOS fails fast (circuitOpen), a queue only when lucky probes close it, the others 100%', () => {
    const r = mfaRun('mfa-circuit-breaker');
    const [from, to] = [r.at('13:35'), r.at('16:30')];
    expect(r.success('ios', from, to)).toBeLessThan(0.01);
    expect(r.report.nodes['mfa-service'].dropped.circuitOpen).toBeGreaterThan(50_000);
    expect(r.tl.at(r.mfa.queueDepth, from)).toBe(0);
    expect(r.tl.max(r.mfa.queueDepth, from, to)).toBeLessThan(600); // "a few hundred"
    // "about eight times": count the episodes (runs of samples with a queue)
    const queued = r.s.t.map((t, i) => t > from && t <= to && r.mfa.queueDepth[i] > 0);
    const episodes = queued.filter((q, i) => q && !queued[i - 1]).length;
    expect(episodes).toBeGreaterThanOrEqual(5);
    expect(episodes).toBeLessThanOrEqual(11);
    for (const m of OTHERS) expect(r.success(m, from, to)).toBeGreaterThan(0.98);
    expect(r.success('ios', to + 2 * MIN, to + 5 * MIN)).toBeGreaterThan(0.98);
  });

  it('bypass: every method succeeds; the SMS gateway carries ~12 texts/s instead of ~4, and ~4 again after', () => {
    const r = mfaRun('mfa-bypass');
    const [from, to] = [r.at('13:35'), r.at('16:30')];
    for (const m of METHODS) expect(r.success(m, from, to)).toBeGreaterThan(0.98);
    const texts = r.s.nodes['sms-gateway'].arrived;
    expect(r.tl.perSec(texts, MIN, r.at('13:30'))).toBeCloseTo(4, 0);
    expect(r.tl.perSec(texts, from, to)).toBeCloseTo(12, -0.5);
    expect(r.tl.perSec(texts, to + 2 * MIN, to + 10 * MIN)).toBeCloseTo(4, 0);
  });
});

describe('S8 guide: the key removal, step by step', () => {
  const id = 'key-removal-2021';
  const { report } = runBuiltin(id);
  const tl = timeline(report.series);
  const nodes = report.series.nodes;
  const share = (group: string, ms: number): number => tl.at(nodes[group].rejectingShare, ms);
  const removed = stepAt(id, '19:00');
  const rolledBack = stepAt(id, '21:05');

  it('18:30: nothing is rejected before the removal', () => {
    for (const group of ['teams-like', 'office-like', 'xbox-like', 'dynamics-like', 'portal-like']) expect(tl.sum(nodes[group].authRejected, 0, removed)).toBe(0);
  });

  it('19:05: the 5-min group is fully broken, ~3,500 rejections a minute, the key set from ~70 to ~3,600 fetches a minute', () => {
    const at = stepAt(id, '19:05');
    // replicas refresh 5 min apart, evenly spread: 20% more break every minute from 19:00
    for (let k = 1; k <= 5; k++) expect(share('teams-like', removed + k * MIN)).toBeCloseTo(0.2 * k, 2);
    expect(share('teams-like', at)).toBe(1);
    const perMin = (xs: number[], from: number, to: number): number => tl.sum(xs, from, to) / ((to - from) / MIN);
    expect(perMin(nodes['teams-like'].authRejected, at, rolledBack)).toBeGreaterThan(3000);
    expect(perMin(nodes['teams-like'].authRejected, at, rolledBack)).toBeLessThan(4000);
    expect(perMin(nodes.jwks.arrived, 5 * MIN, removed)).toBeCloseTo(70, -1);
    expect(perMin(nodes.jwks.arrived, at, rolledBack)).toBeGreaterThan(3200);
    expect(perMin(nodes.jwks.arrived, at, rolledBack)).toBeLessThan(4000);
  });

  it('19:35: the negative-cache group ~58% broken (fully by 20:00), keep-last-known-good never, 12 h ~5%, 24 h ~2%', () => {
    const at = stepAt(id, '19:35');
    expect(share('dynamics-like', at)).toBeGreaterThan(0.5);
    expect(share('dynamics-like', at)).toBeLessThan(0.66);
    expect(share('dynamics-like', removed + 59 * MIN)).toBeLessThan(1);
    expect(share('dynamics-like', removed + 60 * MIN)).toBe(1); // 20:00
    expect(tl.max(nodes['portal-like'].rejectingShare, 0, report.series.t.at(-1) ?? 0)).toBe(0);
    expect(share('office-like', at)).toBeGreaterThan(0.03);
    expect(share('office-like', at)).toBeLessThan(0.08);
    expect(share('xbox-like', at)).toBeGreaterThan(0.01);
    expect(share('xbox-like', at)).toBeLessThan(0.04);
  });

  it('21:05: just before the rollback, 5-min and negative-cache groups 100%, 12 h ~18%, 24 h ~9%', () => {
    expect(share('teams-like', rolledBack)).toBe(1);
    expect(share('dynamics-like', rolledBack)).toBe(1);
    expect(share('office-like', rolledBack)).toBeCloseTo(0.18, 1);
    expect(share('xbox-like', rolledBack)).toBeCloseTo(0.09, 1);
  });

  it('21:10: 5-min group recovered within a minute, 12 h by 21:10, negative cache ~90% until ~22:05, 24 h stays ~9%', () => {
    const at = stepAt(id, '21:10');
    expect(share('teams-like', rolledBack + MIN)).toBe(0);
    expect(share('office-like', at - MIN)).toBeGreaterThan(0);
    expect(share('office-like', at)).toBe(0);
    expect(share('dynamics-like', at)).toBeGreaterThan(0.85);
    expect(share('dynamics-like', at)).toBeLessThan(0.95);
    const dynamicsRecovered = tl.firstAfter(rolledBack, (i) => nodes['dynamics-like'].rejectingShare[i] === 0);
    expect(dynamicsRecovered / MIN).toBeGreaterThan(205); // 21:55
    expect(dynamicsRecovered / MIN).toBeLessThanOrEqual(216); // 22:06
    expect(share('xbox-like', at)).toBe(share('xbox-like', rolledBack));
  });

  it('09:25 next day: the 24 h group recovers within a minute, 12 h 20 min after the rollback, in a burst of key-set fetches', () => {
    const at = stepAt(id, '09:25');
    expect(at - rolledBack).toBe(12 * 60 * MIN + 20 * MIN);
    expect(share('xbox-like', at)).toBeGreaterThan(0.07);
    expect(share('xbox-like', at + MIN)).toBe(0);
    expect(tl.at(nodes.jwks.arrived, at + MIN)).toBeGreaterThan(1000);
  });

  it("the description's Try: a throttled re-fetch shrinks the 24 h group's damage after the rollback to about five minutes", () => {
    const fixed = runBuiltin(id, (doc) => {
      const xbox = doc.nodes.find((n) => n.id === 'xbox-like') as { auth: Record<string, unknown> };
      Object.assign(xbox.auth, { refreshOnUnknownKey: true, minRefreshInterval: '5m' });
    }).report;
    const s = fixed.series.nodes['xbox-like'].rejectingShare;
    expect(tl.at(s, rolledBack)).toBeGreaterThan(0.05);
    expect(tl.at(s, rolledBack + 5 * MIN)).toBeLessThan(0.02);
    expect(tl.at(s, rolledBack + 6 * MIN)).toBe(0);
  });
});

describe('other guides say what their run shows', () => {
  it('checkout: the least-outstanding balancer feeds the dead server for 5 s; then api-2 alone copes without a queue', () => {
    const id = 'checkout';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [crash, noticed, back] = [stepAt(id, 'api-1 crashes'), stepAt(id, 'The balancer notices'), stepAt(id, 'api-1 is back')];
    const shoppers = s.clients.shoppers;
    const toDead = tl.sum(s.nodes['api-1'].arrived, crash, noticed) / (tl.sum(s.nodes['api-1'].arrived, crash, noticed) + tl.sum(s.nodes['api-2'].arrived, crash, noticed));
    expect(toDead).toBeGreaterThan(0.75);
    expect(tl.perSec(shoppers.attempts, crash, noticed)).toBeGreaterThan(200);
    expect(tl.perSec(shoppers.goodput, crash, noticed)).toBeLessThan(40);
    expect(tl.perSec(shoppers.failed, crash, noticed)).toBeGreaterThan(70);
    expect(tl.sum(shoppers.failed, 0, s.t.at(-1) ?? 0)).toBeGreaterThan(400);
    expect(tl.sum(shoppers.failed, 0, s.t.at(-1) ?? 0)).toBeLessThan(650);
    // one server is enough: no queue to speak of, p99 as before the crash
    expect(tl.max(s.nodes['api-2'].queueDepth, noticed + SEC, back)).toBeLessThanOrEqual(10);
    expect(tl.max(shoppers.latencyP99Ms, noticed + 2 * SEC, back)).toBeLessThan(400);
    expect(tl.sum(shoppers.failed, noticed + 2 * SEC, s.t.at(-1) ?? 0)).toBe(0);
    // the balancer sees api-1 again ~5 s after it is back
    expect(tl.sum(s.nodes['api-1'].arrived, back, back + 4 * SEC)).toBe(0);
    expect(tl.sum(s.nodes['api-1'].arrived, back + 6 * SEC, back + 10 * SEC)).toBeGreaterThan(100);
  });

  it('deadlines: goodput falls to 0 within ~5 s of the slowdown, the queue reaches ~550, and stays 0 ~27 s after it', () => {
    const id = 'deadlines';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [slow, fast] = [stepAt(id, 'The backend slows'), stepAt(id, 'Full speed again')];
    const goodput = s.clients.clients.goodput;
    expect(tl.sum(goodput, slow + 5 * SEC, fast)).toBe(0);
    expect(tl.at(s.nodes.backend.queueDepth, fast)).toBeGreaterThan(500);
    expect(tl.at(s.nodes.backend.queueDepth, fast)).toBeLessThan(600);
    const back = (tl.firstAfter(fast, (i) => goodput[i] > 30) - fast) / SEC;
    expect(back).toBeGreaterThan(24);
    expect(back).toBeLessThan(31);
  });

  it('retry storm: ~70 in flight before; after the trigger ~80 attempts/s, ~500 in the server, goodput 0', () => {
    const id = 'retry-storm';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [doubles, gone] = [stepAt(id, 'The load doubles'), stepAt(id, 'The trigger is gone')];
    expect(tl.mean(s.nodes.server.inService, 5 * SEC, doubles)).toBeCloseTo(70, -1);
    expect(tl.mean(s.clients.clients.latencyP50Ms, 5 * SEC, doubles)).toBeCloseTo(1800, -2.5);
    const end = s.t.at(-1) ?? 0;
    expect(tl.perSec(s.clients.clients.attempts, gone + 30 * SEC, end)).toBeCloseTo(80, -1);
    expect(tl.mean(s.nodes.server.inService, gone + 30 * SEC, end)).toBeGreaterThan(430);
    expect(tl.mean(s.nodes.server.inService, gone + 30 * SEC, end)).toBeLessThan(570);
    expect(tl.sum(s.clients.clients.goodput, gone + 10 * SEC, end)).toBe(0);
  });

  it('cache mass expiry: ~950 misses in the first second, ~400/s after 10 s, ~140/s after 20 s; jittered ~150–170/s', () => {
    const at = stepAt('cache-mass-expiry', 'They all expire');
    const s = runBuiltin('cache-mass-expiry').report.series;
    const tl = timeline(s);
    const misses = s.nodes.cache.misses;
    expect(tl.at(misses, at + SEC)).toBeCloseTo(950, -2);
    expect(tl.at(misses, at + 10 * SEC)).toBeCloseTo(400, -2);
    expect(tl.at(misses, at + 20 * SEC)).toBeCloseTo(140, -1.5);
    expect(tl.sum(misses, at + 60 * SEC, at + 70 * SEC)).toBeLessThan(30);
    const j = runBuiltin('cache-mass-expiry-jittered').report.series;
    const jl = timeline(j);
    expect(jl.perSec(j.nodes.cache.misses, 290 * SEC, 330 * SEC)).toBeGreaterThan(145);
    expect(jl.perSec(j.nodes.cache.misses, 290 * SEC, 330 * SEC)).toBeLessThan(175);
  });
});

describe('every watched id names a node or link of its scenario', () => {
  it.each(builtinScenarios.map((b) => [b.id, b.scenario] as const))('%s', (_, scenario) => {
    const doc = scenario as { nodes: { id: string }[]; links: { id: string }[]; guide?: { watch?: string[] }[] };
    const ids = new Set([...doc.nodes.map((n) => n.id), ...doc.links.map((l) => l.id)]);
    for (const step of doc.guide ?? []) for (const watched of step.watch ?? []) expect(ids).toContain(watched);
  });
});
