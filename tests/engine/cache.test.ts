import { describe, expect, it } from 'vitest';
import { nodeFieldOffset, Simulation } from '../../src/engine';
import type { CacheSpec, FaultSpec, ScenarioSpec } from '../../src/engine/spec';
import { conservationViolations } from '../support/conservation';
import { worstLittlesLawGap } from '../support/littles-law';
import { cache, client, exp, link, ms, retry, scenario, service } from '../support/spec-builder';

/**
 * readers → cache → db. Constant arrivals (one every 1000/rate ms, the first at one gap) make
 * the counts exact: a fetch started at t by a 200 ms database is back at t + 200, before the
 * read due at that same instant (it was scheduled earlier).
 */
function readThrough(over: Partial<CacheSpec>, opts: { ratePerSec?: number; dbMs?: number; dbErrorRate?: number; faults?: FaultSpec[]; durationMs?: number } = {}): ScenarioSpec {
  return scenario({
    durationMs: opts.durationMs ?? 10_000,
    nodes: [
      client('readers', 'cache', { ratePerSec: opts.ratePerSec ?? 1000, arrival: 'constant' }),
      cache('cache', 'db', { keys: 1, zipfExponent: 0, ...over }),
      service('db', { workers: Infinity, serviceTime: ms(opts.dbMs ?? 200), errorRate: opts.dbErrorRate ?? 0 }),
    ],
    links: [link('readers', 'cache'), link('cache', 'db')],
    faults: opts.faults ?? [],
  });
}

function run(spec: ScenarioSpec) {
  const sim = new Simulation(spec).runToEnd();
  const report = sim.report();
  expect(conservationViolations(report)).toEqual([]);
  const counts = report.nodes.cache.cache;
  if (!counts) throw new Error('a cache reports its counts');
  return { sim, report, counts, db: report.nodes.db, readers: report.clients.readers };
}

const fault = (atMs: number, action: FaultSpec['action'], forMs = Infinity): FaultSpec => ({ atMs, forMs, target: 'cache', action, params: {} });

describe('cache: hits and misses', () => {
  it('a warm cache answers every read from its entries until the TTL, and the backend sees nothing', () => {
    const { counts, db, report } = run(readThrough({ keys: 100, warm: true, ttlMs: 20_000 }, { durationMs: 19_000 }));
    expect(counts.hits).toBe(report.nodes.cache.arrived);
    expect(counts.misses).toBe(0);
    expect(db.arrived).toBe(0);
    expect(counts.entries).toBe(100);
  });

  it('a hit answers after hitTimeMs; a miss when its fetch is back', () => {
    const { counts, readers } = run(readThrough({ hitTimeMs: 5, ttlMs: Infinity }, { ratePerSec: 100, dbMs: 50 }));
    // reads at 10…50 ms miss (the first fetch is back at 60 ms), each waiting 50 ms for its own fetch
    expect(counts.misses).toBe(5);
    expect(Math.abs(readers.latencyMs.p50 / 5 - 1)).toBeLessThan(0.01);
    expect(readers.latencyMs.mean).toBeCloseTo((5 * 50 + 5 * (readers.succeeded - 5)) / readers.succeeded, 9);
  });

  it('without coalescing every read in the 200 ms a fetch takes sends its own: 200 at 1,000/s', () => {
    const { counts, db } = run(readThrough({ ttlMs: Infinity }, { durationMs: 2000 }));
    expect(counts.misses).toBe(200);
    expect(counts.fetches).toBe(200);
    expect(counts.coalesced).toBe(0);
    expect(db.arrived).toBe(200);
  });

  it('with coalescing those 200 misses wait for one fetch, and every read succeeds', () => {
    const { counts, db, readers } = run(readThrough({ ttlMs: Infinity, coalesce: true }, { durationMs: 2000 }));
    expect(counts.misses).toBe(200);
    expect(counts.coalesced).toBe(199);
    expect(counts.fetches).toBe(1);
    expect(db.arrived).toBe(1);
    expect(readers.succeeded).toBe(readers.generated - readers.inFlight);
    // reads at 1…200 ms waited 200…1 ms for the fetch; the other 1,798 answered are 1 ms hits
    expect(readers.succeeded).toBe(1998);
    expect(readers.latencyMs.mean).toBeCloseTo((20_100 + 1798) / 1998, 9);
  });

  it('stale-while-revalidate serves the old entry at once while exactly one refresh runs per expiry', () => {
    // warm, TTL 10 s: expiries at 10, 20.2, 30.4, 40.6, 50.8 s (each refresh takes 200 ms)
    const { counts, db, readers } = run(readThrough({ warm: true, ttlMs: 10_000, staleWhileRevalidateMs: 5000 }, { ratePerSec: 100, durationMs: 60_000 }));
    expect(counts.refreshes).toBe(5);
    expect(db.arrived).toBe(5);
    expect(counts.misses).toBe(0);
    expect(counts.stale).toBe(5 * 20); // 100/s × 200 ms per refresh
    expect(readers.latencyMs.p99).toBeLessThan(1.01); // nobody waits beyond the hit time
  });

  it('past the stale window an expired entry is a plain miss', () => {
    const { counts } = run(readThrough({ warm: true, ttlMs: 500, staleWhileRevalidateMs: 100 }, { ratePerSec: 1, durationMs: 10_500 }));
    // one read a second: each finds its entry 300 ms or more past expiry
    expect(counts.stale).toBe(0);
    expect(counts.misses).toBe(10);
  });
});

describe('cache: failures', () => {
  it('a failure kept for negativeTtlMs is answered as `error` without asking the backend', () => {
    const { counts, db, readers } = run(readThrough({ ttlMs: Infinity, negativeTtlMs: 1000 }, { ratePerSec: 100, dbMs: 5, dbErrorRate: 1 }));
    // a read every 10 ms: one miss, 5 ms to fail, then 1 s of negative hits — a fetch every 1.01 s
    expect(db.arrived).toBe(10);
    expect(counts.misses).toBe(10);
    expect(counts.negativeHits).toBe(readers.generated - 10);
    expect(readers.succeeded).toBe(0);
    expect(readers.failed.error).toBe(readers.generated - readers.inFlight);
  });

  it('without a negative TTL every read of a failing backend is a fetch', () => {
    const { counts, db, readers } = run(readThrough({ ttlMs: Infinity }, { ratePerSec: 100, dbMs: 10, dbErrorRate: 1 }));
    expect(counts.negativeHits).toBe(0);
    expect(db.arrived).toBe(counts.misses);
    expect(counts.misses).toBe(readers.generated);
  });

  it('a fetch times out and retries like any call; its waiters get its reason', () => {
    const { counts, db, readers } = run(readThrough({ ttlMs: Infinity, coalesce: true, timeoutMs: 100, retry: retry(2) }, { ratePerSec: 10, dbMs: 500 }));
    expect(db.arrived).toBe(2 * counts.fetches);
    expect(readers.succeeded).toBe(0);
    expect(readers.failed.timeout).toBe(readers.generated - readers.inFlight);
    expect(counts.coalesced).toBeGreaterThan(0);
  });
});

describe('cache: capacity', () => {
  it('an LRU of 100 entries over 1,000 uniformly read keys hits 10% of reads, evicting on every other store', () => {
    const spec = readThrough({ keys: 1000, capacity: 100, ttlMs: Infinity }, { ratePerSec: 1000, dbMs: 1, durationMs: 60_000 });
    const { counts } = run(spec);
    expect(Math.abs(counts.hitRatio / 0.1 - 1)).toBeLessThan(0.05);
    expect(counts.entries).toBe(100);
    // every store of a key not held evicts once the cache is full (rare duplicate misses aside)
    expect(Math.abs(counts.evictions / (counts.misses - 100) - 1)).toBeLessThan(0.01);
  });
});

describe('cache: faults', () => {
  it('a flush empties the cache: the next reads miss and refill it', () => {
    const { counts, db } = run(readThrough({ warm: true, ttlMs: Infinity, coalesce: true }, { ratePerSec: 100, faults: [fault(5000, 'flush')] }));
    expect(counts.misses).toBe(20); // 100/s × 200 ms
    expect(db.arrived).toBe(1);
  });

  it('a flush during a fetch: the fetch completes, its waiters get their answers, and it refills the cache', () => {
    const { counts, db, readers } = run(readThrough({ warm: true, ttlMs: Infinity, coalesce: true }, { ratePerSec: 100, faults: [fault(5000, 'flush'), fault(5100, 'flush')] }));
    expect(counts.misses).toBe(20);
    expect(counts.coalesced).toBe(19);
    expect(db.arrived).toBe(1);
    expect(readers.succeeded).toBe(readers.generated - readers.inFlight);
  });

  it('a crash fails the reads waiting for a fetch and refuses new ones; the cache comes back empty', () => {
    // flush at 5 s starts a fetch; the crash at 5.1 s catches its 10 waiters; recovery at 6 s
    const faults = [fault(5000, 'flush'), fault(5100, 'crash', 900)];
    const { counts, db, readers, report } = run(readThrough({ warm: true, ttlMs: Infinity, coalesce: true }, { ratePerSec: 100, faults }));
    expect(report.nodes.cache.dropped.nodeDown).toBe(10 + 90);
    expect(readers.failed.nodeDown).toBe(100);
    expect(counts.misses).toBe(10 + 20); // before the crash, and the cold start after it
    expect(counts.fetches).toBe(2);
    expect(db.arrived).toBe(2);
    expect(readers.failed.timeout + readers.failed.error).toBe(0);
  });
});

describe('cache: books', () => {
  it('every lookup is one of hit, stale, negative hit or miss; fetches = misses − coalesced + refreshes', () => {
    const spec = scenario({
      seed: 9,
      durationMs: 30_000,
      warmupMs: 5000,
      nodes: [
        client('readers', 'cache', { ratePerSec: 400 }),
        cache('cache', 'db', { keys: 500, zipfExponent: 0.9, capacity: 200, ttlMs: 3000, ttlJitter: 0.2, negativeTtlMs: 500, coalesce: true, staleWhileRevalidateMs: 500, timeoutMs: 150, retry: retry(2) }),
        service('db', { workers: 8, serviceTime: exp(20), errorRate: 0.05 }),
      ],
      links: [link('readers', 'cache', {}, { latency: exp(2) }), link('cache', 'db', {}, { latency: exp(1) })],
    });
    const sim = new Simulation(spec);
    while (!sim.advance(3000)) {
      const report = sim.report();
      expect(conservationViolations(report)).toEqual([]);
      const c = report.nodes.cache.cache!;
      expect(c.hits + c.stale + c.negativeHits + c.misses).toBe(report.nodes.cache.arrived);
      expect(c.fetches).toBe(c.misses - c.coalesced + c.refreshes);
    }
    const c = sim.report().nodes.cache.cache!;
    expect(Math.min(c.hits, c.stale, c.negativeHits, c.misses, c.coalesced, c.evictions, c.refreshes)).toBeGreaterThan(0);
    expect(worstLittlesLawGap(sim).gap).toBeLessThan(0.01);
  });

  it('a run with a cache gives the same report however it is sliced', () => {
    const spec = readThrough({ keys: 300, zipfExponent: 1.1, capacity: 50, ttlMs: 2000, ttlJitter: 0.3, coalesce: true, staleWhileRevalidateMs: 300 }, { ratePerSec: 300, dbMs: 30, faults: [fault(4000, 'flush'), fault(6000, 'crash', 500)] });
    const whole = new Simulation(spec).runToEnd().report();
    const sliced = new Simulation(spec);
    while (!sliced.advance(777));
    expect(JSON.stringify(sliced.report())).toBe(JSON.stringify(whole));
  });

  it('reports per-interval series and a live hit ratio (-1 for other kinds)', () => {
    const sim = new Simulation(readThrough({ keys: 1000, capacity: 100, ttlMs: Infinity }, { ratePerSec: 1000, dbMs: 1 }));
    while (sim.queue.peekTimeMs() < 8000) sim.advance(1000);
    const out = new Float64Array(sim.liveLayout().length);
    sim.writeLive(out);
    const series = sim.report().series.nodes.cache;
    const hits = series.hits.at(-1)!;
    const lookups = hits + series.stale.at(-1)! + series.misses.at(-1)! + series.negativeHits.at(-1)!;
    expect(lookups).toBe(series.arrived.at(-1));
    expect(out[nodeFieldOffset(1, 'hitRatio')]).toBe(hits / lookups);
    expect(out[nodeFieldOffset(0, 'hitRatio')]).toBe(-1);
    expect(out[nodeFieldOffset(2, 'hitRatio')]).toBe(-1);
    expect(series.entries.at(-1)).toBe(100);
    expect(series.fetches.at(-1)).toBe(series.misses.at(-1));
  });
});
