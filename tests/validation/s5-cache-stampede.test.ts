import { describe, expect, it } from 'vitest';
import { conservationViolations } from '../support/conservation';
import { mean, relativeError, runBuiltin } from '../support/run-builtin';

/** Database calls per expiry: runs of consecutive 1 s intervals with arrivals at `db`. */
function bursts(dbArrived: number[]): number[] {
  const out: number[] = [];
  let current = 0;
  for (const n of dbArrived) {
    if (n > 0) current += n;
    else if (current > 0) {
      out.push(current);
      current = 0;
    }
  }
  if (current > 0) out.push(current);
  return out;
}

const total = (xs: number[], fromSec: number, toSec: number): number => xs.slice(fromSec, toSec).reduce((a, b) => a + b, 0);

/** S5: 1,000 reads/s of one hot key, TTL 60 s, recompute 200 ms at the database. */
describe('S5: cache stampede on one hot key', () => {
  const seeds = [5, 6, 7];
  const naive = seeds.map((seed) => runBuiltin('cache-stampede', (doc) => Object.assign(doc, { seed, duration: '10m' })).report);

  it('a naive cache sends ~200 database calls per expiry (±15%), once a minute', () => {
    const perExpiry = naive.flatMap((r) => bursts(r.series.nodes.db.arrived));
    expect(perExpiry.length).toBe(3 * 9); // expiries at 60 s, then every 60.2 s (TTL + recompute)
    expect(relativeError(mean(perExpiry), 200)).toBeLessThan(0.15);
    // each one is Poisson(≈200) around its mean: within ±30% is more than 4σ
    for (const calls of perExpiry) expect(relativeError(calls, 200)).toBeLessThan(0.3);
    for (const r of naive) expect(conservationViolations(r)).toEqual([]);
  });

  it('with request coalescing exactly 1 per expiry, while the ~200 misses wait for it', () => {
    const { report } = runBuiltin('cache-stampede-coalesced', (doc) => (doc.duration = '10m'));
    const perExpiry = bursts(report.series.nodes.db.arrived);
    expect(perExpiry).toEqual(Array(9).fill(1));
    const cache = report.nodes.cache.cache!;
    expect(cache.fetches).toBe(9);
    expect(relativeError(cache.coalesced / 9, 200)).toBeLessThan(0.15);
    const readers = report.clients.readers;
    expect(readers.succeeded).toBe(readers.generated - readers.inFlight);
  });
});

/** S5: 10,000 keys, read uniformly at 1,000/s, all loaded at t = 0 with TTL 300 s. */
describe('S5: mass expiry', () => {
  const mass = runBuiltin('cache-mass-expiry').report;
  const jittered = runBuiltin('cache-mass-expiry-jittered').report;
  const massMisses = mass.series.nodes.cache.misses;
  const jitteredMisses = jittered.series.nodes.cache.misses;

  it('with one TTL every key expires at t = 300: ~1,000 misses/s (±10%)', () => {
    expect(total(massMisses, 0, 300)).toBe(0);
    expect(relativeError(massMisses[300], 1000)).toBeLessThan(0.1); // the interval [300, 301) s
    expect(mass.series.nodes.db.arrived[300]).toBe(massMisses[300]);
  });

  it('±10% TTL jitter spreads the expiries over 270–330 s: ~167 misses/s (±10%), no spike', () => {
    expect(total(jitteredMisses, 0, 270)).toBe(0);
    // expiries at 10,000 / 60 s; a key is missed on its next read, ~10 s later on average
    expect(relativeError(mean(jitteredMisses.slice(300, 330)), 10_000 / 60)).toBeLessThan(0.1);
    expect(Math.max(...jitteredMisses)).toBeLessThan(250);
  });

  it('jitter moves the load, it does not remove it: the same ~10,000 fetches in all (±2%)', () => {
    expect(relativeError(jittered.nodes.cache.cache!.fetches, mass.nodes.cache.cache!.fetches)).toBeLessThan(0.02);
    expect(conservationViolations(mass)).toEqual([]);
    expect(conservationViolations(jittered)).toEqual([]);
  });
});
