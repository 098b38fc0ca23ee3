import { PHASE_SERVICE, PHASE_WAITING, type Call } from '../call.ts';
import { LruIndex } from '../lru.ts';
import { streamFor, type RandomStream } from '../random.ts';
import { OK, R_ERROR, R_NODE_DOWN } from '../reasons.ts';
import type { CacheReport, NodeReport } from '../report-types.ts';
import type { SeriesRecorder } from '../series.ts';
import { EV_NODE_TIMER } from '../events.ts';
import type { FaultApply, KindContext } from '../kind-context.ts';
import type { LiveNodeRow } from '../live-fields.ts';
import type { CacheSpec, FaultSpec } from '../spec.ts';
import { stepPlan } from '../steps.ts';
import { ZipfSampler } from '../zipf.ts';
import { CacheJobs, ROLE_FETCH, ROLE_HIT, ROLE_NEGATIVE_HIT, ROLE_NONE, ROLE_WAITER } from './cache-jobs.ts';
import type { PlanContext } from './node-runtime.ts';
import { ServerRuntime } from './server-runtime.ts';

/** The cache's counters, in report and series order (indices below). */
export const CACHE_COUNTERS = ['hits', 'misses', 'stale', 'coalesced', 'negativeHits', 'evictions', 'fetches', 'refreshes'] as const;
const HITS = 0;
const MISSES = 1;
const STALE = 2;
const COALESCED = 3;
const NEGATIVE_HITS = 4;
const EVICTIONS = 5;
const FETCHES = 6;
const REFRESHES = 7;

/**
 * A cache in front of a backend (see CacheSpec). Each request reads one key; the answer comes from
 * a fresh entry (a hit, after `hitTimeMs`), a stale one (stale-while-revalidate), a fresh negative
 * one (`error`), or from a backend fetch (a miss, which waits for it).
 *
 * A fetch is the cache's own job — a call with no caller, running the shared step machinery (one
 * step to the backend, with the cache's timeout and retry) — and the misses waiting for it are its
 * waiters. Without coalescing every miss starts its own fetch; with it, misses for a key in flight
 * join that fetch. A background refresh is a fetch with no waiters. A request is "in service"
 * from arrival to answer, waiting included; fetches are not requests and are not counted there.
 */
export class CacheRuntime extends ServerRuntime {
  readonly spec: CacheSpec;
  private readonly popularity: ZipfSampler;
  private readonly entries: LruIndex;
  /** Per slot of `entries`: when the entry stops being fresh, and whether it stores a failure. */
  private readonly expiresAtMs: Float64Array;
  private readonly negative: Uint8Array;
  /** Per key: fetches in flight, and the one later misses join (coalescing; -1 = none). */
  private readonly fetchesInFlight: Int32Array;
  private readonly joinableFetch: Int32Array;
  private readonly jobs = new CacheJobs();
  private readonly keyRng: RandomStream;
  private readonly ttlRng: RandomStream;
  /** Running totals (CACHE_COUNTERS order), and their values at the last sample. */
  readonly counts = new Float64Array(CACHE_COUNTERS.length);
  private readonly countsAtSample = new Float64Array(CACHE_COUNTERS.length);
  private readonly counterColumns = new Int32Array(CACHE_COUNTERS.length);
  private entriesColumn = 0;

  constructor(index: number, spec: CacheSpec, seed: number) {
    super(index, spec, seed);
    this.spec = spec;
    this.popularity = new ZipfSampler(spec.keys, spec.zipfExponent);
    this.entries = new LruIndex(spec.keys, spec.capacity);
    this.expiresAtMs = new Float64Array(this.entries.capacity);
    this.negative = new Uint8Array(this.entries.capacity);
    this.fetchesInFlight = new Int32Array(spec.keys);
    this.joinableFetch = new Int32Array(spec.keys).fill(-1);
    this.keyRng = streamFor(seed, spec.id, 'key');
    this.ttlRng = streamFor(seed, spec.id, 'ttl');
  }

  plan(ctx: PlanContext): void {
    const plan = stepPlan(ctx.nodeIndex(this.spec.backend), ctx.routeBetween(this.spec.id, this.spec.backend), this.spec.timeoutMs, this.spec.retry);
    this.plansByClass = Array.from({ length: ctx.classCount }, () => [plan]);
  }

  override start(_sim: KindContext): void {
    if (this.spec.warm) this.warmUp();
  }

  receive(sim: KindContext, call: Call): void {
    if (!this.acceptArrival(sim, call)) return;
    const s = this.stats;
    this.jobs.ensure(sim.pool.calls.length);
    const key = this.popularity.sample(this.keyRng);
    const slot = this.entries.slotOf(key);
    if (slot >= 0) {
      const expiresAtMs = this.expiresAtMs[slot];
      if (sim.nowMs < expiresAtMs) {
        this.entries.touch(slot);
        const negative = this.negative[slot] === 1;
        this.counts[negative ? NEGATIVE_HITS : HITS]++;
        this.answerFromCache(sim, call, negative ? ROLE_NEGATIVE_HIT : ROLE_HIT);
        return;
      }
      if (this.negative[slot] === 0 && sim.nowMs < expiresAtMs + this.spec.staleWhileRevalidateMs) {
        this.entries.touch(slot);
        this.counts[STALE]++;
        if (this.fetchesInFlight[key] === 0) {
          this.counts[REFRESHES]++;
          sim.runSteps(this.startFetch(sim, key, call.classIndex));
        }
        this.answerFromCache(sim, call, ROLE_HIT);
        return;
      }
    }
    this.counts[MISSES]++;
    s.inService++;
    const joinable = this.joinableFetch[key];
    if (joinable >= 0) {
      this.counts[COALESCED]++;
      this.wait(call, joinable);
      return;
    }
    const fetch = this.startFetch(sim, key, call.classIndex);
    this.wait(call, fetch.id);
    // Last: the fetch may end at once (no route, backend down) and answer this call inline.
    sim.runSteps(fetch);
  }

  finishJob(sim: KindContext, job: Call, result: number): void {
    const role = this.jobs.role[job.id];
    if (role === ROLE_FETCH) {
      this.completeFetch(sim, job, result);
      return;
    }
    // A request stopped from outside (e.g. abortJob): answer it, leaving its fetch running.
    if (role === ROLE_WAITER) this.jobs.leave(job.id);
    this.jobs.role[job.id] = ROLE_NONE;
    this.depart(sim, job, result);
  }

  override onJobTimer(sim: KindContext, job: Call): void {
    if (job.phase !== PHASE_SERVICE) return;
    const role = this.jobs.role[job.id];
    this.jobs.role[job.id] = ROLE_NONE;
    this.depart(sim, job, role === ROLE_NEGATIVE_HIT ? R_ERROR : OK);
  }

  /** Empties the cache, negative entries included. Fetches in flight go on and answer their waiters. */
  flush(): void {
    this.entries.clear();
  }

  /** Crash and recover as every server; `flush` empties the cache (what was flushed stays flushed: `for` has nothing to undo). */
  override faultAction(sim: KindContext, fault: FaultSpec): FaultApply | null {
    if (fault.action !== 'flush') return super.faultAction(sim, fault);
    return () => {
      this.flush();
      return () => {};
    };
  }

  override writeLive(row: LiveNodeRow): void {
    row.set('hitRatio', this.intervalHitRatio(row.series));
  }

  /**
   * Like a service: every request here fails with `nodeDown`, arrivals are refused, and the
   * contents are lost (an in-memory cache restarts empty). Fetches stop waiting for the backend.
   */
  override crash(sim: KindContext): void {
    if (this.down) return;
    const s = this.stats;
    const active = this.goDown(sim);
    const requests: Call[] = [];
    for (const job of active) {
      if (this.jobs.role[job.id] === ROLE_FETCH) {
        sim.abandonAttempt(job);
        this.jobs.takeWaiters(job.id);
        sim.releaseCall(job);
      } else {
        this.jobs.role[job.id] = ROLE_NONE;
        requests.push(job);
      }
    }
    this.entries.clear();
    this.fetchesInFlight.fill(0);
    this.joinableFetch.fill(-1);
    s.inService -= requests.length;
    for (const call of requests) this.recordDeparture(sim, call, R_NODE_DOWN);
    for (const call of requests) sim.respond(call, R_NODE_DOWN);
  }

  // ---- metrics ----

  override registerSeries(series: SeriesRecorder): void {
    super.registerSeries(series);
    CACHE_COUNTERS.forEach((name, i) => (this.counterColumns[i] = series.column('nodes', this.id, name, 'count')));
    this.entriesColumn = series.column('nodes', this.id, 'entries', 'level');
  }

  override writeSample(series: SeriesRecorder, sim: KindContext): void {
    super.writeSample(series, sim);
    for (let i = 0; i < CACHE_COUNTERS.length; i++) {
      series.set(this.counterColumns[i], this.counts[i] - this.countsAtSample[i]);
      this.countsAtSample[i] = this.counts[i];
    }
    series.set(this.entriesColumn, this.entries.size);
  }

  /** (hits + stale) / lookups in the last complete interval; -1 when it had none. */
  intervalHitRatio(series: SeriesRecorder): number {
    if (series.rows === 0) return -1;
    const c = this.counterColumns;
    const answered = series.latest(c[HITS]) + series.latest(c[STALE]);
    const lookups = answered + series.latest(c[MISSES]) + series.latest(c[NEGATIVE_HITS]);
    return lookups > 0 ? answered / lookups : -1;
  }

  override summarize(sim: KindContext): NodeReport {
    const report = super.summarize(sim);
    const c = this.counts;
    const lookups = c[HITS] + c[STALE] + c[MISSES] + c[NEGATIVE_HITS];
    const cache = {} as CacheReport;
    CACHE_COUNTERS.forEach((name, i) => (cache[name] = c[i]));
    cache.hitRatio = lookups > 0 ? (c[HITS] + c[STALE]) / lookups : 0;
    cache.entries = this.entries.size;
    report.cache = cache;
    return report;
  }

  // ---- internals ----

  /** A hit (fresh, stale or negative): answered after the hit time. */
  private answerFromCache(sim: KindContext, call: Call, role: number): void {
    if (this.spec.hitTimeMs <= 0) {
      const result = role === ROLE_NEGATIVE_HIT ? R_ERROR : OK;
      this.recordDeparture(sim, call, result);
      sim.respond(call, result);
      return;
    }
    this.stats.inService++;
    this.jobs.role[call.id] = role;
    call.phase = PHASE_SERVICE;
    sim.scheduleCall(call, sim.nowMs + this.spec.hitTimeMs, EV_NODE_TIMER);
  }

  private wait(call: Call, fetch: number): void {
    call.phase = PHASE_WAITING;
    this.jobs.join(call.id, fetch);
  }

  /** A request leaves with `result` (it was counted in service). */
  private depart(sim: KindContext, call: Call, result: number): void {
    this.stats.touch(sim.nowMs, sim.warmupMs);
    this.stats.inService--;
    this.recordDeparture(sim, call, result);
    sim.respond(call, result);
  }

  /** A new fetch job for `key` (the caller runs it once its waiter, if any, has joined). */
  private startFetch(sim: KindContext, key: number, classIndex: number): Call {
    const fetch = sim.pool.acquire();
    this.jobs.ensure(sim.pool.calls.length);
    fetch.node = this.index;
    fetch.parent = null;
    fetch.link = -1;
    fetch.classIndex = classIndex;
    fetch.originMs = sim.nowMs;
    fetch.arrivedMs = sim.nowMs;
    fetch.deadlineMs = Infinity;
    fetch.step = 0;
    fetch.stepAttempts = 0;
    this.jobs.startFetch(fetch.id, key);
    this.fetchesInFlight[key]++;
    if (this.spec.coalesce) this.joinableFetch[key] = fetch.id;
    this.counts[FETCHES]++;
    return fetch;
  }

  /** The backend answered (or the fetch failed for good): store the outcome, answer the waiters. */
  private completeFetch(sim: KindContext, fetch: Call, result: number): void {
    const key = this.jobs.keyOf[fetch.id];
    this.fetchesInFlight[key]--;
    if (this.joinableFetch[key] === fetch.id) this.joinableFetch[key] = -1;
    this.store(sim.nowMs, key, result);
    let waiter = this.jobs.takeWaiters(fetch.id);
    sim.releaseCall(fetch);
    // Each answer may travel inline and bring new requests here; the list is detached, so read
    // the next waiter before answering this one (its id may be reused once it is answered).
    while (waiter >= 0) {
      const call = sim.pool.calls[waiter];
      waiter = this.jobs.next[waiter];
      this.jobs.role[call.id] = ROLE_NONE;
      this.depart(sim, call, result);
    }
  }

  private store(nowMs: number, key: number, result: number): void {
    if (result !== OK && this.spec.negativeTtlMs <= 0) return;
    let slot = this.entries.slotOf(key);
    // A failure does not replace an answer that is still fresh (another fetch stored it).
    if (result !== OK && slot >= 0 && this.negative[slot] === 0 && nowMs < this.expiresAtMs[slot]) return;
    if (slot >= 0) this.entries.touch(slot);
    else {
      slot = this.entries.insert(key);
      if (this.entries.evictedKey >= 0) this.counts[EVICTIONS]++;
    }
    this.negative[slot] = result === OK ? 0 : 1;
    this.expiresAtMs[slot] = nowMs + (result === OK ? this.ttlMs() : this.spec.negativeTtlMs);
  }

  /** A positive entry's lifetime: ttl, spread uniformly over ± ttlJitter of it. */
  private ttlMs(): number {
    const { ttlMs, ttlJitter } = this.spec;
    if (ttlJitter <= 0 || ttlMs === Infinity) return ttlMs;
    return ttlMs * (1 + ttlJitter * (2 * this.ttlRng.next() - 1));
  }

  /** Every key cached at t = 0, the most popular most recently used (only `capacity` fit). */
  private warmUp(): void {
    for (let key = this.entries.capacity - 1; key >= 0; key--) {
      const slot = this.entries.insert(key);
      this.negative[slot] = 0;
      this.expiresAtMs[slot] = this.ttlMs();
    }
  }
}
