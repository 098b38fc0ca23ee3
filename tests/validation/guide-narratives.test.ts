import { describe, expect, it } from 'vitest';
import type { SeriesReport } from '../../src/engine/report-types';
import type { GuideStep } from '../../src/engine/spec';
import { formatIssue, parseScenario } from '../../src/scenario';
import { builtinScenarios, findBuiltin } from '../../src/scenarios';
import { runBuiltin } from '../support/run-builtin';

/**
 * The guides' texts are claims about what the run shows at each step (docs/workshop.md: nobody is
 * there to correct them). Each check reads its step's time (and its reveal) from the scenario, so
 * moving a step moves the check, and asserts the numbers the text states. Each check also names
 * the numbers it covers (`claims`); the last test fails on any number in a guide's text or
 * outcome that no check covers — a number added to a guide needs a check.
 */

const MIN = 60_000;
const SEC = 1000;

/** A guide text's numbers as written: clock times, 1,000-grouped, decimals; ids (K1, api-1) and code spans are not claims. */
function numbersIn(text: string): string[] {
  const prose = text.replace(/`[^`]*`/g, ' ').replace(/[A-Za-z]+-?\d+/g, ' ');
  return prose.match(/\d{1,2}:\d{2}|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/g) ?? [];
}

const claimed = new Map<string, Set<string>>();
const claimKey = (id: string, title: string): string => `${id} · ${title}`;
/** Registers the numbers a check covers for a step (at collection time, so a failing check still counts as a check). */
function claims(id: string, title: string, numbers: string): void {
  const key = claimKey(id, guideStep(id, title).title);
  const set = claimed.get(key) ?? new Set<string>();
  for (const n of numbersIn(numbers)) set.add(n);
  claimed.set(key, set);
}

function parsedBuiltin(id: string) {
  const parsed = parseScenario(findBuiltin(id)?.scenario);
  if (!parsed.ok) throw new Error(parsed.errors.map(formatIssue).join('\n'));
  return parsed.spec;
}

function guideStep(id: string, title: string): GuideStep {
  const step = parsedBuiltin(id).guide.find((s) => s.title.startsWith(title));
  if (!step) throw new Error(`${id} has no guide step "${title}…"`);
  return step;
}

/** When a step's outcome is visible: its reveal (the guide pauses there), else its moment. */
const revealOf = (id: string, title: string): number => {
  const step = guideStep(id, title);
  return step.atMs + (step.revealMs ?? 0);
};

/** A node's field as the scenario gives it to the engine (configuration the text restates). */
function rawNode(id: string, nodeId: string): Record<string, unknown> {
  const node = (findBuiltin(id)?.scenario as { nodes: Record<string, unknown>[] }).nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`${id} has no node ${nodeId}`);
  return node;
}

/** The time of the step whose title starts with `title`. */
function stepAt(id: string, title: string): number {
  return guideStep(id, title).atMs;
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

/** The shared 13:20 and 13:30 texts of the MFA outage and its four variants. */
function mfaCommonChecks(id: string): void {
  const r = mfaRun(id);
  const lossy = r.at('13:30');
  claims(id, '13:20', '20 sign-ins a second: 40% 30% 20% 10%; 50 workers; 0.14 s, 0.1 s, 0.34 s; 4 of the 50');
  it(`${id} 13:20: 20 sign-ins/s split 40/30/20/10; a push holds a worker ~0.14 s (0.1 s at the provider), an SMS ~0.34 s; ~4 busy`, () => {
    const generated = r.tl.sum(r.users.generated, 0, lossy);
    expect(generated / (lossy / SEC)).toBeCloseTo(20, 0);
    const shares = { ios: 0.4, android: 0.3, sms: 0.2, code: 0.1 };
    for (const [m, share] of Object.entries(shares)) expect(Math.abs(r.tl.sum(r.users[`generated.${m}`], 0, lossy) / generated - share)).toBeLessThan(0.02);
    for (const m of METHODS) expect(r.success(m, 0, lossy)).toBeGreaterThan(0.98);
    // a push is the median MFA request, an SMS the slowest fifth
    expect(r.tl.mean(r.mfa.latencyP50Ms, MIN, lossy)).toBeGreaterThan(130);
    expect(r.tl.mean(r.mfa.latencyP50Ms, MIN, lossy)).toBeLessThan(150);
    expect(r.tl.mean(r.mfa.latencyP99Ms, MIN, lossy)).toBeGreaterThan(320);
    expect(r.tl.mean(r.mfa.latencyP99Ms, MIN, lossy)).toBeLessThan(360);
    expect(r.tl.mean(r.s.nodes.apns.latencyP50Ms, MIN, lossy)).toBeCloseTo(100, -1);
    const bulkheads = (rawNode(id, 'mfa-service').bulkheads as { workers: number }[] | undefined) ?? [];
    expect((rawNode(id, 'mfa-service').workers as number) + bulkheads.reduce((a, b) => a + b.workers, 0), 'workers in all').toBe(50);
    expect(r.tl.mean(r.mfa.inService, MIN, lossy)).toBeGreaterThan(2.5);
    expect(r.tl.mean(r.mfa.inService, MIN, lossy)).toBeLessThan(5.5);
  });
  claims(id, '13:30', '60% of iOS pushes, 36.75% in each direction; 30 s');
  it(`${id} 13:30: the route loses 36.75% each way — 60% of pushes — and a push times out after the call's timeout`, () => {
    const route = r.s.links['route-to-apns'];
    const [from, to] = [lossy + MIN, lossy + 60 * MIN];
    const forward = r.tl.sum(route.dropped, from, to) / r.tl.sum(route.sent, from, to);
    const back = r.tl.sum(route.backDropped, from, to) / r.tl.sum(route.delivered, from, to);
    expect(Math.abs(forward - 0.3675)).toBeLessThan(0.015);
    expect(Math.abs(back - 0.3675)).toBeLessThan(0.015);
    expect(1 - (1 - forward) * (1 - back)).toBeCloseTo(0.6, 1);
    const timeout = (rawNode(id, 'mfa-service').calls as { to: string; timeout: string }[]).find((c) => c.to === 'apns')?.timeout;
    expect(timeout).toBe(id === 'mfa-short-timeout' ? '3s' : '30s');
  });
}

/** Workers iOS push alone needs: 8 pushes/s, each holding a worker for the timeout when lost (60%), ~0.14 s when not. */
const iosWorkersNeeded = (timeoutSec: number): number => 20 * 0.4 * (0.6 * timeoutSec + 0.4 * 0.14);

describe('S7 guide: the MFA outage, step by step', () => {
  const id = 'mfa-outage-2019';
  const r = mfaRun(id);
  const lossy = r.at('13:30');
  const failing = r.at('13:35');
  const hotfix = r.at('14:20');
  const recovers = r.at('16:30');
  mfaCommonChecks(id);

  claims(id, '13:30', '50 workers; ~2,000 queued; since about 13:32');
  it('13:30 reveal (13:33): SMS and code fail too — all 50 busy within half a minute, ~2,000 queued, no sign-in since ~13:32', () => {
    const reveal = revealOf(id, '13:30');
    expect(reveal - lossy, 'the answer waits until the canvas shows it').toBe(3 * MIN);
    expect(r.tl.at(r.mfa.inService, lossy)).toBeLessThan(10); // the step's own pause: ~4 busy, the question still open
    expect(r.tl.at(r.mfa.inService, lossy + 30 * SEC)).toBe(50);
    expect(r.tl.at(r.mfa.queueDepth, lossy + 30 * SEC)).toBeGreaterThan(100);
    expect(r.tl.at(r.mfa.queueDepth, reveal)).toBeGreaterThan(1700);
    expect(r.tl.at(r.mfa.queueDepth, reveal)).toBeLessThan(2600);
    for (const m of METHODS) expect(r.tl.sum(r.users[`succeeded.${m}`], lossy + 2 * MIN, reveal), m).toBe(0);
    for (const m of ['sms', 'code']) expect(r.tl.sum(r.users[`succeeded.${m}`], lossy, lossy + MIN), `${m} still succeeds at first`).toBeGreaterThan(0);
  });

  claims(id, '13:35', '~144 busy workers; 50; ~5 a second against 20; ~13 a second; 4,000; since about 13:32; 60 s');
  it('13:35: iOS needs ~144 workers of 50; ~5 finished a second against 20 arriving, a queue of ~4,000 growing ~13/s; people give up after 60 s', () => {
    expect(iosWorkersNeeded(30)).toBeCloseTo(144, -1);
    expect(r.tl.perSec(r.users.generated, failing, hotfix)).toBeCloseTo(20, 0);
    expect(r.tl.perSec(r.mfa.completed, failing, hotfix)).toBeGreaterThan(4);
    expect(r.tl.perSec(r.mfa.completed, failing, hotfix)).toBeLessThan(6);
    expect(r.tl.at(r.mfa.queueDepth, failing)).toBeGreaterThan(3000);
    expect(r.tl.at(r.mfa.queueDepth, failing)).toBeLessThan(5000);
    const growthPerSec = (r.tl.at(r.mfa.queueDepth, hotfix) - r.tl.at(r.mfa.queueDepth, failing)) / ((hotfix - failing) / SEC);
    expect(growthPerSec).toBeGreaterThan(12);
    expect(growthPerSec).toBeLessThan(14.5);
    for (const m of METHODS) expect(r.tl.sum(r.users[`succeeded.${m}`], failing - 3 * MIN, failing)).toBe(0);
    expect(rawNode(id, 'users').deadline).toBe('60s');
  });

  claims(id, '14:20', '~40,000; ~13 a second; a 3 s timeout');
  it('14:20: ~40,000 requests queued, still growing ~13/s; the 3 s timeout variant is one', () => {
    expect(r.tl.at(r.mfa.queueDepth, hotfix)).toBeGreaterThan(35_000);
    expect(r.tl.at(r.mfa.queueDepth, hotfix)).toBeLessThan(45_000);
    const growthPerSec = (r.tl.at(r.mfa.queueDepth, hotfix + 10 * MIN) - r.tl.at(r.mfa.queueDepth, hotfix)) / 600;
    expect(growthPerSec).toBeGreaterThan(12);
    expect(growthPerSec).toBeLessThan(14.5);
    const short = (rawNode('mfa-short-timeout', 'mfa-service').calls as { to: string; timeout: string }[]).find((c) => c.to === 'apns');
    expect(short?.timeout).toBe('3s');
  });

  claims(id, '16:30', '~142,000; ~300 requests a second; about 9 minutes; ~16:39');
  it('16:30: the queue has grown to ~142,000; reveal (16:40): drained at ~300/s, sign-ins back ~9 min after the route recovered', () => {
    const peak = r.tl.max(r.mfa.queueDepth, 0, recovers + MIN);
    expect(peak).toBeGreaterThan(130_000);
    expect(peak).toBeLessThan(155_000);
    expect(r.tl.at(r.mfa.queueDepth, recovers)).toBeGreaterThan(130_000);
    expect(r.tl.perSec(r.mfa.completed, recovers + MIN, recovers + 5 * MIN)).toBeGreaterThan(270);
    expect(r.tl.perSec(r.mfa.completed, recovers + MIN, recovers + 5 * MIN)).toBeLessThan(330);
    const drainedAfterMin = (r.tl.firstAfter(recovers, (i) => r.mfa.queueDepth[i] === 0) - recovers) / MIN;
    expect(drainedAfterMin).toBeGreaterThan(7.5);
    expect(drainedAfterMin).toBeLessThan(10.5);
    expect(r.success('sms', recovers, recovers + 7 * MIN)).toBe(0); // SMS too waits for the backlog
    const reveal = revealOf(id, '16:30');
    expect(reveal - recovers).toBe(10 * MIN);
    expect(r.tl.at(r.mfa.queueDepth, reveal), 'at the reveal the canvas shows the queue empty').toBe(0);
    expect(r.success('sms', reveal - MIN, reveal)).toBeGreaterThan(0.98);
  });
});

describe('S7 variants: each guide says what that variant shows', () => {
  for (const id of ['mfa-bulkhead', 'mfa-short-timeout', 'mfa-circuit-breaker', 'mfa-bypass']) mfaCommonChecks(id);

  claims('mfa-bulkhead', '13:30', '20 of the 50 workers; 20 workers; 30 workers');
  claims('mfa-bulkhead', '13:35', '~144 workers; 20; ~7 a second; ~2,000; 30 workers; 100%');
  claims('mfa-bulkhead', '14:20', '~20,000');
  claims('mfa-bulkhead', '16:30', '~74,000; ~140 a second; 20 workers at 0.14 s; about 9 minutes (~16:39)');
  it('bulkhead: only iOS fails; its own queue (~2,000 at 13:35, growing ~7/s, ~20,000 at 14:20, ~74,000 at 16:30) drains at ~140/s in ~9 min', () => {
    const r = mfaRun('mfa-bulkhead');
    const [lossy, from, mid, to] = [r.at('13:30'), r.at('13:35'), r.at('14:20'), r.at('16:30')];
    const ios = (rawNode('mfa-bulkhead', 'mfa-service').bulkheads as { workers: number }[])[0].workers;
    expect([ios, rawNode('mfa-bulkhead', 'mfa-service').workers]).toEqual([20, 30]);
    expect(iosWorkersNeeded(30)).toBeCloseTo(144, -1);
    // reveal (13:33): SMS and codes never notice
    const reveal = revealOf('mfa-bulkhead', '13:30');
    expect(r.success('ios', lossy + MIN, reveal), 'almost no iOS sign-in').toBeLessThan(0.05);
    for (const m of OTHERS) expect(r.success(m, lossy, reveal)).toBeGreaterThan(0.98);
    expect(r.success('ios', from, to)).toBe(0);
    for (const m of OTHERS) expect(r.success(m, from, to)).toBeGreaterThan(0.98);
    const q = (ms: number): number => r.tl.at(r.mfa.queueDepth, ms);
    expect(q(from)).toBeGreaterThan(1500);
    expect(q(from)).toBeLessThan(2500);
    expect((q(mid) - q(from)) / ((mid - from) / SEC)).toBeGreaterThan(6);
    expect((q(mid) - q(from)) / ((mid - from) / SEC)).toBeLessThan(8);
    expect(q(mid)).toBeGreaterThan(18_000);
    expect(q(mid)).toBeLessThan(23_000);
    expect(q(to)).toBeGreaterThan(68_000);
    expect(q(to)).toBeLessThan(80_000);
    expect(r.tl.perSec(r.mfa.completed, to + MIN, to + 5 * MIN)).toBeGreaterThan(125);
    expect(r.tl.perSec(r.mfa.completed, to + MIN, to + 5 * MIN)).toBeLessThan(160);
    expect(20 / 0.14).toBeCloseTo(140, -1);
    const drainedAfterMin = (r.tl.firstAfter(to, (i) => r.mfa.queueDepth[i] === 0) - to) / MIN;
    expect(drainedAfterMin).toBeGreaterThan(7.5);
    expect(drainedAfterMin).toBeLessThan(10.5);
  });

  claims('mfa-short-timeout', '13:30', '3 s, not 30 s; the pool of 50');
  claims('mfa-short-timeout', '13:35', '~15 busy workers instead of ~144; the pool of 50; 20–25 busy; ~40%; 100%');
  claims('mfa-short-timeout', '16:30', '100%');
  it('3 s timeout: the pool of 50 never fills, no queue, iOS needs ~15 workers, 20–25 busy, iOS ~40%, the others 100%, iOS back within a minute', () => {
    const r = mfaRun('mfa-short-timeout');
    const [lossy, from, to] = [r.at('13:30'), r.at('13:35'), r.at('16:30')];
    const reveal = revealOf('mfa-short-timeout', '13:30');
    expect(r.tl.max(r.mfa.inService, lossy, reveal)).toBeLessThan(50);
    for (const m of OTHERS) expect(r.success(m, lossy, reveal)).toBeGreaterThan(0.98);
    expect(iosWorkersNeeded(3)).toBeCloseTo(15, 0);
    expect(r.tl.max(r.mfa.queueDepth, lossy, to)).toBe(0);
    expect(r.tl.mean(r.mfa.inService, from, to)).toBeGreaterThan(15);
    expect(r.tl.mean(r.mfa.inService, from, to)).toBeLessThan(26);
    expect(Math.abs(r.success('ios', from, to) - 0.4)).toBeLessThan(0.03);
    for (const m of OTHERS) expect(r.success(m, from, to)).toBeGreaterThan(0.98);
    expect(r.success('ios', to + MIN, to + 5 * MIN)).toBeGreaterThan(0.98);
  });

  claims('mfa-circuit-breaker', '13:35', '~0%; 100%; every 30 s');
  it('circuit breaker: at first everything fails, then the breaker opens: iOS fails fast (circuitOpen), a queue only when lucky probes close it, the others 100%', () => {
    const r = mfaRun('mfa-circuit-breaker');
    const [lossy, from, to] = [r.at('13:30'), r.at('13:35'), r.at('16:30')];
    const reveal = revealOf('mfa-circuit-breaker', '13:30');
    for (const m of OTHERS) expect(r.success(m, lossy + 10 * SEC, lossy + 30 * SEC), `${m}: half a minute of failures`).toBeLessThan(0.2);
    for (const m of OTHERS) expect(r.success(m, lossy + MIN, reveal)).toBeGreaterThan(0.98);
    const breaker = (rawNode('mfa-circuit-breaker', 'mfa-service').calls as { to: string; circuitBreaker?: { openFor: string; failureRatio: number } }[]).find((c) => c.to === 'apns')?.circuitBreaker;
    expect(breaker).toMatchObject({ openFor: '30s', failureRatio: 0.5 });
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

  claims('mfa-bypass', '13:35', '~12 texts a second instead of ~4; ~99%');
  claims('mfa-bypass', '16:30', '~4 texts a second');
  it('bypass: after half a minute of failures every method succeeds; the SMS gateway carries ~12 texts/s instead of ~4, and ~4 again after', () => {
    const r = mfaRun('mfa-bypass');
    const [lossy, from, to] = [r.at('13:30'), r.at('13:35'), r.at('16:30')];
    const reveal = revealOf('mfa-bypass', '13:30');
    for (const m of OTHERS) expect(r.success(m, lossy + 10 * SEC, lossy + 30 * SEC)).toBeLessThan(0.2);
    for (const m of METHODS) expect(r.success(m, lossy + MIN, reveal)).toBeGreaterThan(0.98);
    for (const m of METHODS) expect(r.success(m, from, to)).toBeGreaterThan(0.98);
    const texts = r.s.nodes['sms-gateway'].arrived;
    expect(r.tl.perSec(texts, MIN, lossy)).toBeCloseTo(4, 0);
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
  const refresh = (group: string): unknown => (rawNode(id, group).auth as { refreshEvery: string }).refreshEvery;

  claims(id, '18:30', 'every 60–90 minutes');
  it('18:30: nothing is rejected before the removal; tokens last 60–90 min', () => {
    for (const group of ['teams-like', 'office-like', 'xbox-like', 'dynamics-like', 'portal-like']) expect(tl.sum(nodes[group].authRejected, 0, removed)).toBe(0);
    expect(rawNode(id, 'aad').tokenLifetime).toEqual({ dist: 'uniform', min: '60m', max: '90m' });
  });

  claims(id, '19:00', 'the 5-minute group: a fifth each minute, 80% now; the 1 h group');
  it('19:00 reveal (19:04): the 5-min group breaks first, a fifth a minute (80% at the reveal); the keep-last-known-good 1 h group never', () => {
    const reveal = revealOf(id, '19:00');
    expect(reveal - removed).toBe(4 * MIN);
    expect([refresh('teams-like'), refresh('portal-like')]).toEqual(['5m', '1h']);
    for (let k = 1; k <= 5; k++) expect(share('teams-like', removed + k * MIN)).toBeCloseTo(0.2 * k, 2);
    expect(share('teams-like', reveal)).toBeCloseTo(0.8, 2);
    for (const other of ['office-like', 'xbox-like', 'dynamics-like']) expect(share(other, reveal), other).toBeLessThan(0.2);
    expect(tl.max(nodes['portal-like'].rejectingShare, 0, report.series.t.at(-1) ?? 0)).toBe(0);
  });

  claims(id, '19:05', '~58 requests a second; from ~1 to ~60 fetches a second');
  it('19:05: the 5-min group is fully broken, ~58 rejections a second, the key set from ~1 to ~60 fetches a second', () => {
    const at = stepAt(id, '19:05');
    expect(share('teams-like', at)).toBe(1);
    expect(tl.perSec(nodes['teams-like'].authRejected, at, rolledBack)).toBeGreaterThan(52);
    expect(tl.perSec(nodes['teams-like'].authRejected, at, rolledBack)).toBeLessThan(64);
    expect(tl.perSec(nodes.jwks.arrived, 5 * MIN, removed)).toBeGreaterThan(0.8);
    expect(tl.perSec(nodes.jwks.arrived, 5 * MIN, removed)).toBeLessThan(1.6);
    expect(tl.perSec(nodes.jwks.arrived, at, rolledBack)).toBeGreaterThan(54);
    expect(tl.perSec(nodes.jwks.arrived, at, rolledBack)).toBeLessThan(66);
  });

  claims(id, '19:35', 'the 1 h group ~58%, fully by 20:00; the 1 h group; 12 h and 24 h: ~5% and ~2%');
  it('19:35: the negative-cache group ~58% broken (fully by 20:00), keep-last-known-good never, 12 h ~5%, 24 h ~2%', () => {
    const at = stepAt(id, '19:35');
    expect([refresh('dynamics-like'), refresh('office-like'), refresh('xbox-like')]).toEqual(['1h', '12h', '24h']);
    expect(share('dynamics-like', at)).toBeGreaterThan(0.5);
    expect(share('dynamics-like', at)).toBeLessThan(0.66);
    expect(share('dynamics-like', removed + 59 * MIN)).toBeLessThan(1);
    expect(share('dynamics-like', removed + 60 * MIN)).toBe(1); // 20:00
    expect(share('office-like', at)).toBeGreaterThan(0.03);
    expect(share('office-like', at)).toBeLessThan(0.08);
    expect(share('xbox-like', at)).toBeGreaterThan(0.01);
    expect(share('xbox-like', at)).toBeLessThan(0.04);
  });

  claims(id, '21:05', 'the 5-min and 1 h groups 100%, the 12 h group ~18%, the 24 h group ~9%');
  it('21:05: just before the rollback, 5-min and negative-cache groups 100%, 12 h ~18%, 24 h ~9%', () => {
    expect(share('teams-like', rolledBack)).toBe(1);
    expect(share('dynamics-like', rolledBack)).toBe(1);
    expect(share('office-like', rolledBack)).toBeCloseTo(0.18, 1);
    expect(share('xbox-like', rolledBack)).toBeCloseTo(0.09, 1);
  });

  claims(id, '21:05', 'within a minute; 12 h (throttled to 5 min) by 21:10; 1 h ~90%, fully by ~22:05; the 24 h group ~9%');
  it('21:05 reveal (21:10): 5-min group recovered within a minute, 12 h by 21:10, negative cache ~90% until ~22:05, 24 h stays ~9%', () => {
    const at = revealOf(id, '21:05');
    expect(at - rolledBack).toBe(5 * MIN);
    expect((rawNode(id, 'office-like').auth as { minRefreshInterval: string }).minRefreshInterval).toBe('5m');
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

  claims(id, '09:25', '~9%; ~1,500 key-set fetches; 12 h 20 min; the 24 h group; twelve hours');
  it('09:25 next day: the 24 h group recovers within a minute, 12 h 20 min after the rollback, in a burst of ~1,500 key-set fetches', () => {
    const at = stepAt(id, '09:25');
    expect(at - rolledBack).toBe(12 * 60 * MIN + 20 * MIN);
    expect(share('xbox-like', at)).toBeGreaterThan(0.07);
    expect(share('xbox-like', at + MIN)).toBe(0);
    expect(tl.at(nodes.jwks.arrived, at + MIN)).toBeGreaterThan(1200);
    expect(tl.at(nodes.jwks.arrived, at + MIN)).toBeLessThan(1800);
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
  claims('checkout', 'Steady state', '130 requests/s; about 3 of its 8 workers busy (~35%)');
  claims('checkout', 'api-1 crashes', '5 s; ~85% of attempts (~200/s); ~250/s; ~100 a second; from 130/s to ~25/s');
  claims('checkout', 'The balancer notices', '130 requests/s keep 4–8 of its 8 workers busy; p99 0.2–0.3 s; the 5 s; ~500 failed checkouts');
  claims('checkout', 'api-1 is back', '~5 seconds later (at 1:35)');
  it('checkout: steady at 130/s with ~3 of 8 busy; the least-outstanding balancer feeds the dead server for 5 s; then api-2 alone copes without a queue', () => {
    const id = 'checkout';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [crash, noticed, back] = [stepAt(id, 'api-1 crashes'), stepAt(id, 'The balancer notices'), stepAt(id, 'api-1 is back')];
    const reveal = revealOf(id, 'api-1 crashes');
    const shoppers = s.clients.shoppers;
    expect(tl.perSec(shoppers.generated, 0, crash)).toBeCloseTo(130, -1);
    for (const api of ['api-1', 'api-2']) {
      expect(rawNode(id, api).workers).toBe(8);
      expect(tl.mean(s.nodes[api].inService, 5 * SEC, crash)).toBeGreaterThan(2.5);
      expect(Math.abs(tl.mean(s.nodes[api].inService, 5 * SEC, crash) / 8 - 0.35)).toBeLessThan(0.05);
    }
    expect(noticed - crash).toBe(5 * SEC);
    // at the reveal (1:04) the canvas shows the dead server taking most of the attempts
    const toDead = tl.sum(s.nodes['api-1'].arrived, crash, reveal) / (tl.sum(s.nodes['api-1'].arrived, crash, reveal) + tl.sum(s.nodes['api-2'].arrived, crash, reveal));
    expect(toDead).toBeGreaterThan(0.75);
    expect(toDead).toBeLessThan(0.95);
    expect(tl.perSec(s.nodes['api-1'].arrived, crash, reveal)).toBeCloseTo(200, -2);
    expect(tl.perSec(shoppers.attempts, crash, reveal)).toBeGreaterThan(200);
    expect(tl.perSec(shoppers.attempts, crash, reveal)).toBeLessThan(300);
    expect(tl.perSec(shoppers.goodput, crash, reveal)).toBeLessThan(40);
    expect(tl.perSec(shoppers.goodput, crash, reveal)).toBeGreaterThan(10);
    expect(tl.perSec(shoppers.failed, crash, reveal)).toBeGreaterThan(70);
    expect(tl.perSec(shoppers.failed, crash, reveal)).toBeLessThan(130);
    expect(tl.sum(shoppers.failed, 0, s.t.at(-1) ?? 0)).toBeGreaterThan(400);
    expect(tl.sum(shoppers.failed, 0, s.t.at(-1) ?? 0)).toBeLessThan(650);
    // one server is enough: 4–8 busy, no queue to speak of, p99 0.2–0.3 s
    expect(tl.mean(s.nodes['api-2'].inService, noticed + 2 * SEC, back)).toBeGreaterThan(4);
    expect(tl.max(s.nodes['api-2'].inService, noticed + 2 * SEC, back)).toBeLessThanOrEqual(8);
    expect(tl.max(s.nodes['api-2'].queueDepth, noticed + SEC, back)).toBeLessThanOrEqual(10);
    expect(tl.mean(shoppers.latencyP99Ms, noticed + 2 * SEC, back)).toBeGreaterThan(150);
    expect(tl.max(shoppers.latencyP99Ms, noticed + 2 * SEC, back)).toBeLessThan(400);
    expect(tl.sum(shoppers.failed, noticed + 2 * SEC, s.t.at(-1) ?? 0)).toBe(0);
    // the balancer sees api-1 again ~5 s after it is back (1:35)
    expect(tl.sum(s.nodes['api-1'].arrived, back, back + 4 * SEC)).toBe(0);
    expect(tl.sum(s.nodes['api-1'].arrived, back + 6 * SEC, back + 10 * SEC)).toBeGreaterThan(100);
  });

  claims('deadlines', 'Healthy', '60 requests/s into 80/s');
  claims('deadlines', 'The backend slows', '40 requests/s; 60/s; after 1 s; **0** within ~5 s; 40/s; ~20 a second');
  claims('deadlines', 'Full speed again', '80/s, with ~550 queued; at 0 for another ~27 s (until ~1:28)');
  it('deadlines: 60/s into 80/s; at half speed (40/s) goodput falls to 0 within ~5 s, the queue grows ~20/s to ~550; back at 80/s it stays 0 ~27 s', () => {
    const id = 'deadlines';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [slow, fast] = [stepAt(id, 'The backend slows'), stepAt(id, 'Full speed again')];
    const goodput = s.clients.clients.goodput;
    const backend = s.nodes.backend;
    expect(tl.perSec(s.clients.clients.generated, 0, slow)).toBeCloseTo(60, -1);
    expect(rawNode(id, 'backend')).toMatchObject({ workers: 8, serviceTime: { dist: 'exponential', mean: '100ms' } }); // 8 / 0.1 s = 80/s
    expect(rawNode(id, 'clients').timeout).toBe('1s');
    expect(tl.perSec(backend.completed, slow + 5 * SEC, fast)).toBeGreaterThan(35);
    expect(tl.perSec(backend.completed, slow + 5 * SEC, fast)).toBeLessThan(45);
    expect(tl.sum(goodput, slow + 5 * SEC, revealOf(id, 'The backend slows'))).toBe(0);
    expect(tl.sum(goodput, slow + 5 * SEC, fast)).toBe(0);
    const growth = (tl.at(backend.queueDepth, fast) - tl.at(backend.queueDepth, slow + 5 * SEC)) / 25;
    expect(growth).toBeGreaterThan(17);
    expect(growth).toBeLessThan(23);
    expect(tl.at(backend.queueDepth, fast)).toBeGreaterThan(500);
    expect(tl.at(backend.queueDepth, fast)).toBeLessThan(600);
    expect(tl.perSec(backend.completed, fast + 5 * SEC, fast + 20 * SEC)).toBeCloseTo(80, -1);
    const back = (tl.firstAfter(fast, (i) => goodput[i] > 30) - fast) / SEC;
    expect(back).toBeGreaterThan(24);
    expect(back).toBeLessThan(31);
    expect(fast + back * SEC).toBeLessThanOrEqual(revealOf(id, 'Full speed again')); // the reveal shows goodput back
  });

  claims('deadlines-fixed', 'The backend slows', '~40/s');
  claims('deadlines-fixed', 'Full speed again', 'back at 60/s');
  it('deadlines-fixed: goodput holds near ~40/s at half speed and is back at 60/s within a second or two', () => {
    const id = 'deadlines-fixed';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [slow, fast] = [stepAt(id, 'The backend slows'), stepAt(id, 'Full speed again')];
    expect(tl.perSec(s.clients.clients.goodput, slow + 5 * SEC, fast)).toBeGreaterThan(34);
    expect(tl.perSec(s.clients.clients.goodput, slow + 5 * SEC, fast)).toBeLessThan(46);
    expect(tl.perSec(s.clients.clients.goodput, fast + 2 * SEC, fast + 30 * SEC)).toBeCloseTo(60, -1);
  });

  claims('retry-amplification', 'Healthy', '100 requests/s');
  claims('retry-amplification', 'The database fails every call', 'up to 4 attempts; 4 × 4 × 4 = 64; ~6,000 a second for 100 requests');
  it('retry amplification: every layer sees 100/s; with the database failing, up to 4 × 4 × 4 = 64 calls per request, ~6,000 a second', () => {
    const id = 'retry-amplification';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [fails, reveal] = [stepAt(id, 'The database fails'), revealOf(id, 'The database fails')];
    for (const layer of ['api', 'svc', 'db']) expect(tl.perSec(s.nodes[layer].arrived, 5 * SEC, fails), layer).toBeCloseTo(100, -1);
    expect((rawNode(id, 'users').retry as { attempts: number }).attempts).toBe(4);
    for (const layer of ['api', 'svc']) expect((rawNode(id, layer).calls as { retry: { attempts: number } }[])[0].retry.attempts).toBe(4);
    const dbPerSec = tl.perSec(s.nodes.db.arrived, fails + SEC, reveal);
    expect(dbPerSec).toBeGreaterThan(5500);
    expect(dbPerSec).toBeLessThan(6500);
    expect(dbPerSec / tl.perSec(s.clients.users.generated, fails + SEC, reveal)).toBeLessThanOrEqual(64);
  });

  claims('retry-storm-fixed', 'The trigger is gone', 'back to 40/s');
  it('retry-storm-fixed: without retries attempts are back at ~40/s at once and goodput returns within seconds', () => {
    const id = 'retry-storm-fixed';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const gone = stepAt(id, 'The trigger is gone');
    expect(tl.perSec(s.clients.clients.attempts, gone + 2 * SEC, gone + 30 * SEC)).toBeCloseTo(40, -1);
    expect(tl.perSec(s.clients.clients.goodput, gone + 10 * SEC, gone + 30 * SEC)).toBeCloseTo(40, -1);
  });

  claims('retry-storm', 'Stable at 40/s', '~70 in flight; ~1.8 s; the 3 s timeout');
  claims('retry-storm', 'The load doubles', 'the 3 s timeout');
  claims('retry-storm', 'The trigger is gone', 'back at 40/s; ~80 attempts/s; ~500 requests; ~6 s per answer; goodput stays at 0');
  it('retry storm: ~70 in flight and ~1.8 s before; reveal (1:00): ~80 attempts/s, ~500 in the server, ~6 s an answer, goodput 0', () => {
    const id = 'retry-storm';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [doubles, gone] = [stepAt(id, 'The load doubles'), stepAt(id, 'The trigger is gone')];
    const reveal = revealOf(id, 'The trigger is gone');
    expect(rawNode(id, 'clients').timeout).toBe('3s');
    expect(tl.mean(s.nodes.server.inService, 5 * SEC, doubles)).toBeCloseTo(70, -1);
    expect(tl.mean(s.clients.clients.latencyP50Ms, 5 * SEC, doubles)).toBeCloseTo(1800, -2.5);
    const end = s.t.at(-1) ?? 0;
    expect(reveal - gone).toBe(30 * SEC);
    expect(tl.perSec(s.clients.clients.generated, gone, end)).toBeCloseTo(40, -1);
    expect(tl.perSec(s.clients.clients.attempts, reveal, end)).toBeCloseTo(80, -1);
    expect(tl.mean(s.nodes.server.inService, reveal, end)).toBeGreaterThan(430);
    expect(tl.mean(s.nodes.server.inService, reveal, end)).toBeLessThan(570);
    expect(tl.mean(s.nodes.server.latencyP50Ms, reveal, end)).toBeGreaterThan(5000);
    expect(tl.mean(s.nodes.server.latencyP50Ms, reveal, end)).toBeLessThan(7000);
    expect(tl.sum(s.clients.clients.goodput, gone + 10 * SEC, end)).toBe(0);
  });

  claims('cache-mass-expiry', 'Everything cached', '10,000 keys, all loaded at t = 0 with a 5-minute TTL');
  claims('cache-mass-expiry', 'They all expire', '10,000 keys at 0:00, 5-minute TTL; every 10 s; ~950; ~400/s after 10 s; ~140/s after 20 s');
  claims('cache-mass-expiry-jittered', 'Everything cached', 'between 270 s and 330 s');
  claims('cache-mass-expiry-jittered', 'Expiries begin', '±10% on the 5-minute TTL, 330 s; ~150–170/s from about 4:50 to 5:30; ~950/s');
  it('cache mass expiry: ~950 misses in the first second, ~400/s after 10 s, ~140/s after 20 s; jittered ~150–170/s from 4:50 to 5:30', () => {
    const at = stepAt('cache-mass-expiry', 'They all expire');
    const reveal = revealOf('cache-mass-expiry', 'They all expire');
    expect(rawNode('cache-mass-expiry', 'cache')).toMatchObject({ keys: 10_000, ttl: '300s', warm: true });
    expect((rawNode('cache-mass-expiry', 'readers').rate as number) * 10).toBe(10_000); // each key read every 10 s
    const s = runBuiltin('cache-mass-expiry').report.series;
    const tl = timeline(s);
    const misses = s.nodes.cache.misses;
    expect(tl.sum(misses, 0, at)).toBe(0);
    expect(tl.at(misses, at + SEC)).toBeCloseTo(950, -2);
    expect(tl.at(misses, at + 10 * SEC)).toBeCloseTo(400, -2);
    expect(tl.at(misses, at + 20 * SEC)).toBeCloseTo(140, -1.5);
    expect(tl.perSec(misses, reveal - 10 * SEC, reveal), 'almost none at the reveal: under 1% of the first second').toBeLessThan(9.5);
    expect(rawNode('cache-mass-expiry-jittered', 'cache')).toMatchObject({ ttl: '300s', ttlJitter: 0.1 }); // 270–330 s
    const j = runBuiltin('cache-mass-expiry-jittered').report.series;
    const jl = timeline(j);
    const jm = j.nodes.cache.misses;
    expect(jl.sum(jm, 0, 270 * SEC)).toBe(0);
    expect(jl.perSec(jm, 290 * SEC, 330 * SEC)).toBeGreaterThan(145);
    expect(jl.perSec(jm, 290 * SEC, 330 * SEC)).toBeLessThan(175);
    expect(jl.perSec(jm, 340 * SEC, 360 * SEC), 'then they fade').toBeLessThan(80);
    expect(jl.perSec(jm, revealOf('cache-mass-expiry-jittered', 'Expiries begin') - 10 * SEC, revealOf('cache-mass-expiry-jittered', 'Expiries begin'))).toBeGreaterThan(145);
  });

  claims('cache-stampede', 'A hot key, cached', '1,000 answers a second');
  claims('cache-stampede', 'The key expires', '200 ms; about 200 calls in 200 ms');
  claims('cache-stampede', 'Every minute, again', 'about 200 calls');
  it('cache stampede: 1,000 hits a second; each expiry sends ~200 calls to the database in its 200 ms; coalesced, one', () => {
    const id = 'cache-stampede';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const [expires, again] = [stepAt(id, 'The key expires'), stepAt(id, 'Every minute')];
    expect(tl.perSec(s.clients.readers.succeeded, 5 * SEC, expires)).toBeCloseTo(1000, -2);
    expect(tl.sum(s.nodes.db.arrived, 0, expires)).toBe(0);
    expect(rawNode(id, 'db').serviceTime).toBe('200ms');
    for (const at of [expires, again]) {
      expect(tl.sum(s.nodes.db.arrived, at, at + SEC)).toBeGreaterThan(170);
      expect(tl.sum(s.nodes.db.arrived, at, at + SEC)).toBeLessThan(230);
    }
    const c = runBuiltin('cache-stampede-coalesced').report.series;
    expect(timeline(c).sum(c.nodes.db.arrived, expires, expires + SEC)).toBe(1);
  });

  claims('failover-at-80', 'Two links at 80%', '800 of its 1,000 messages/s');
  claims('failover-at-80', 'link-1 goes down', "1,600 messages/s; 1,000/s of capacity; 500-message buffer; full in ~0.8 s; ~600 of the 1,600 a second; 37.5%");
  it('failover at 80%: 800 of 1,000/s each; on one link 1,600/s fill its 500-message buffer in ~0.8 s, then ~600/s (37.5%) are lost', () => {
    const id = 'failover-at-80';
    const s = runBuiltin(id).report.series;
    const tl = timeline(s);
    const down = stepAt(id, 'link-1 goes down');
    const reveal = revealOf(id, 'link-1 goes down');
    const link2 = s.links['link-2'];
    for (const l of ['link-1', 'link-2']) expect(tl.perSec(s.links[l].delivered, 5 * SEC, down)).toBeCloseTo(800, -2);
    expect(tl.perSec(s.clients.sender.generated, 5 * SEC, reveal)).toBeCloseTo(1600, -2);
    const full = tl.firstAfter(down, (i) => link2.bufferDepth[i] >= 490);
    expect(full - down).toBeGreaterThanOrEqual(600);
    expect(full - down).toBeLessThanOrEqual(1000);
    expect(tl.perSec(link2.delivered, down + 2 * SEC, reveal)).toBeCloseTo(1000, -2);
    const dropped = tl.perSec(link2.dropped, down + 2 * SEC, reveal);
    expect(dropped).toBeCloseTo(600, -2);
    expect(Math.abs(dropped / tl.perSec(s.clients.sender.generated, down + 2 * SEC, reveal) - 0.375)).toBeLessThan(0.02);
  });

  claims('retry-breaker', 'The load doubles', '~4 s in; pass 10%; ~50 retries');
  claims('retry-breaker', 'The trigger is gone', '~40/s; about 7 s later');
  claims('retry-budget', 'The load doubles', '~4 s in; ~4–8/s, not ~80/s');
  claims('retry-budget', 'The trigger is gone', 'back at 40/s; About 7 s: ~0:37');
  it('retry breaker and budget: first timeouts ~4 s in; ~50 retries (breaker) or ~4–8/s (budget); attempts back at ~40/s, goodput ~7 s after the trigger', () => {
    for (const id of ['retry-breaker', 'retry-budget']) {
      const s = runBuiltin(id).report.series;
      const tl = timeline(s);
      const [doubles, gone] = [stepAt(id, 'The load doubles'), stepAt(id, 'The trigger is gone')];
      const clients = s.clients.clients;
      // the first timed-out attempts show as retries (attempts above new requests) in the row ending ~4–5 s in
      const firstTimeout = tl.firstAfter(doubles, (i) => clients.attempts[i] > clients.generated[i]) - doubles;
      expect(firstTimeout, id).toBeGreaterThanOrEqual(4 * SEC);
      expect(firstTimeout, id).toBeLessThanOrEqual(5 * SEC);
      expect(tl.perSec(clients.attempts, gone + 2 * SEC, gone + 20 * SEC), id).toBeCloseTo(40, -1);
      const back = (tl.firstAfter(gone, (i) => clients.goodput[i] > 20) - gone) / SEC;
      expect(back, id).toBeGreaterThanOrEqual(5);
      expect(back, id).toBeLessThanOrEqual(9);
      const retries = (from: number, to: number): number => tl.sum(clients.attempts, from, to) - tl.sum(clients.generated, from, to);
      const end = s.t.at(-1) ?? 0;
      if (id === 'retry-breaker') {
        expect((rawNode(id, 'clients').retry as { breaker: { failureRatio: number } }).breaker.failureRatio).toBe(0.1);
        expect(retries(0, end)).toBeGreaterThan(30);
        expect(retries(0, end)).toBeLessThan(80);
      } else {
        expect(revealOf(id, 'The trigger is gone')).toBeGreaterThanOrEqual(gone + back * SEC);
        const perSec = retries(doubles + 6 * SEC, gone + 5 * SEC) / 9;
        expect(perSec).toBeGreaterThan(3);
        expect(perSec).toBeLessThan(9);
      }
    }
  });
});

describe('monitoring guides (issue 13) say what their alerts and probes show', () => {
  const firstFired = (report: { alerts?: { name: string; firings: { firedAtMs: number; clearedAtMs: number | null }[] }[] }, name: string): number => {
    const alert = report.alerts?.find((a) => a.name === name);
    if (!alert?.firings.length) throw new Error(`alert "${name}" never fired`);
    return alert.firings[0].firedAtMs;
  };
  const alertsOf = (id: string) => (findBuiltin(id)?.scenario as { alerts: Record<string, unknown>[] }).alerts;

  const RL = 'redundant-links';
  claims(RL, 'Two cables, each at 50%', '100 calls a second; two cables of 100 calls a second each; Every 10 minutes');
  claims(RL, 'Two months later', '150 a second; ~75%; 150 on 100; 70% alert (22m40s); reach 80%');
  claims(RL, 'A digger cuts', '160 a second on a cable that carries 100; pages fire at 46m40s — 90 s after; 14 minutes');
  claims(RL, 'Cable-1 is repaired', 'at 80% each');
  it('redundant-links: 100 → 150 → 160 calls on two 100-call cables; the 70% ticket at 22m40s, the pages at 46m40s, 90 s after impact and 14 min after the ticket', () => {
    const { report } = runBuiltin(RL);
    const s = report.series;
    const tl = timeline(s);
    const rateAt = (ms: number) => tl.perSec(s.clients['building-a'].generated, ms - 5 * MIN, ms) + tl.perSec(s.clients['building-b'].generated, ms - 5 * MIN, ms);
    expect(rateAt(stepAt(RL, 'Two cables') + 10 * MIN)).toBeCloseTo(100, -1);
    const growth = (findBuiltin(RL)?.scenario as { faults: { at: string; action: string }[] }).faults.filter((f) => f.action === 'setRate').map((f) => f.at);
    expect(growth).toEqual(['10m', '20m', '30m']); // a step of growth every 10 minutes
    for (const cable of ['cable-1', 'cable-2']) expect((findBuiltin(RL)?.scenario as { links: { id: string; capacity?: number }[] }).links.find((l) => l.id === cable)?.capacity).toBe(100);
    const twoMonths = stepAt(RL, 'Two months later');
    expect(rateAt(twoMonths + 10 * MIN)).toBeCloseTo(150, -1);
    for (const cable of ['cable-1', 'cable-2']) {
      expect(tl.mean(s.links[cable].utilization, twoMonths + 2 * MIN, twoMonths + 10 * MIN)).toBeCloseTo(0.75, 1);
      expect(tl.mean(s.links[cable].utilization, 35 * MIN, 45 * MIN)).toBeCloseTo(0.8, 1); // "once they reach 80%"
    }
    expect(alertsOf(RL).filter((a) => a.metric === 'utilization').map((a) => a.above)).toEqual([0.7, 0.7]);
    expect(firstFired(report, 'cable-2 above 70%')).toBe(22 * MIN + 40 * SEC);
    const cut = stepAt(RL, 'A digger cuts');
    expect(rateAt(cut)).toBeCloseTo(160, -1);
    const detection = report.detection?.find((d) => d.label.startsWith('cable-1 down'));
    expect(firstFired(report, 'building A calls failing')).toBe(46 * MIN + 40 * SEC);
    expect(firstFired(report, 'building B calls failing')).toBe(46 * MIN + 40 * SEC);
    expect(firstFired(report, 'building A calls failing') - (detection?.impactStartMs ?? NaN)).toBe(90 * SEC);
    expect(detection?.detectMs).toBe(-14 * MIN);
    for (const building of ['building-a', 'building-b']) {
      const c = s.clients[building];
      expect(tl.sum(c.failed, cut, cut + 10 * MIN) / tl.sum(c.generated, cut, cut + 10 * MIN), building).toBeGreaterThan(1 / 3); // "more than a third"
    }
    // repaired: both tickets are still open at the end, with each cable back at ~80%
    const repaired = stepAt(RL, 'Cable-1 is repaired');
    for (const cable of ['cable-1', 'cable-2']) {
      expect(tl.mean(s.links[cable].utilization, repaired + 2 * MIN, report.simulatedMs)).toBeCloseTo(0.8, 1);
      expect(report.alerts?.find((a) => a.name === `${cable} above 70%`)?.firings.at(-1)?.clearedAtMs).toBeNull();
    }
  });

  const MM = 'mfa-outage-2019-monitoring';
  claims(MM, '13:20 UTC', '20 sign-ins a second; every 10 minutes; 30 s timeout; more than 100 requests wait for 30 s; 99.9% within 60 s');
  claims(MM, '13:30', '60% of pushes; 30 s; 13:30:40; 10 s after; 99.9%; 13:30:30; 13:31:10; 14:16; 46 minutes; 40% chance');
  claims(MM, '14:20', 'every 10 minutes');
  claims(MM, '16:30', 'below 100');
  it('mfa-outage-2019-monitoring: the queue page 10 s after impact, the SLO page at 13:31:10, the probe only at 14:16; the queue alert clears below 100 after the route recovers', () => {
    const r = mfaRun(MM);
    const start = 13 * 60 + 20; // the run's 0 is 13:20 UTC, in minutes
    const clock = (ms: number) => ms / SEC; // seconds after 13:20
    expect(rawNode(MM, 'users').rate).toBe(20);
    expect(rawNode(MM, 'users').deadline).toBe('60s'); // "within 60 s"
    const probe = (findBuiltin(MM)?.scenario as { probes: { every: string; timeout: string }[] }).probes[0];
    expect([probe.every, probe.timeout]).toEqual(['10m', '30s']);
    const queueAlert = alertsOf(MM).find((a) => a.metric === 'queueDepth');
    expect([queueAlert?.above, queueAlert?.for]).toEqual([100, '30s']);
    expect((alertsOf(MM).find((a) => a.slo)?.slo as { objective: number }).objective).toBe(0.999);
    const lossy = r.at('13:30');
    expect(start + lossy / MIN).toBe(13 * 60 + 30);
    const [detection] = r.report.detection ?? [];
    expect(clock(detection.impactStartMs!)).toBe(10 * 60 + 30); // 13:30:30
    expect(detection.firstAlert).toBe('MFA queue above 100');
    expect(clock(detection.firstAlertAtMs!)).toBe(10 * 60 + 40); // 13:30:40
    expect(detection.detectMs).toBe(10 * SEC);
    expect(clock(firstFired(r.report, 'Sign-in SLO burn'))).toBe(11 * 60 + 10); // 13:31:10
    const probeFirst = firstFired(r.report, 'APNs probe failing');
    expect(start + probeFirst / MIN).toBe(14 * 60 + 16);
    expect((probeFirst - lossy) / MIN).toBe(46);
    const recovers = r.at('16:30');
    const queue = r.report.alerts?.find((a) => a.name === 'MFA queue above 100');
    const cleared = queue?.firings.at(-1)?.clearedAtMs;
    expect(cleared).toBeGreaterThan(recovers);
    expect(r.tl.at(r.mfa.queueDepth, cleared!)).toBeLessThanOrEqual(100);
  });
  claims(MM, '13:30', '60%; 40%');
  it('mfa-outage-2019-monitoring: 60% of pushes over the lossy route never complete, 40% do (each way 36.75% lost)', () => {
    const route = (findBuiltin(MM)?.scenario as { faults: { target: string; action: string; loss?: number }[] }).faults.find((f) => f.action === 'degrade');
    const loss = route?.loss ?? NaN;
    expect((1 - loss) ** 2).toBeCloseTo(0.4, 2);
    const r = mfaRun(MM);
    const lossy = r.at('13:30');
    const apns = r.s.links[route!.target];
    const sent = r.tl.sum(apns.sent, lossy + 20 * MIN, lossy + 60 * MIN);
    const back = r.tl.sum(apns.backDelivered, lossy + 20 * MIN, lossy + 60 * MIN);
    expect(back / sent).toBeGreaterThan(0.36);
    expect(back / sent).toBeLessThan(0.44);
  });
});

describe('every number a guide states is covered by a check above', () => {
  it.each(builtinScenarios.filter((b) => parsedBuiltin(b.id).guide.length > 0).map((b) => [b.id] as const))('%s', (id) => {
    const unclaimed: string[] = [];
    for (const step of parsedBuiltin(id).guide) {
      const covered = claimed.get(claimKey(id, step.title)) ?? new Set<string>();
      const missing = [...new Set(numbersIn(`${step.text} ${step.outcome ?? ''}`))].filter((n) => !covered.has(n));
      if (missing.length) unclaimed.push(`"${step.title}": ${missing.join(', ')}`);
    }
    expect(unclaimed).toEqual([]);
  });
});

describe('every watched id names a node or link of its scenario', () => {
  it.each(builtinScenarios.map((b) => [b.id, b.scenario] as const))('%s', (_, scenario) => {
    const doc = scenario as { nodes: { id: string }[]; links: { id: string }[]; guide?: { watch?: string[] }[] };
    const ids = new Set([...doc.nodes.map((n) => n.id), ...doc.links.map((l) => l.id)]);
    for (const step of doc.guide ?? []) for (const watched of step.watch ?? []) expect(ids).toContain(watched);
  });
});
