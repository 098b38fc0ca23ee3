/** Built-in scenarios: data files with their narratives, in the order the library shows them. */
import checkout from './checkout.json';
import s1 from './s1-mm1.json';
import s2 from './s2-pooling.json';
import s3 from './s3-retry-amplification.json';
import s5 from './s5-cache-stampede.json';
import s5Coalesced from './s5-cache-stampede-coalesced.json';
import s5MassExpiry from './s5-cache-mass-expiry.json';
import s5MassExpiryJittered from './s5-cache-mass-expiry-jittered.json';
import s6 from './s6-failover-at-80.json';
import s4 from './s4-retry-storm.json';
import s4Fixed from './s4-retry-storm-fixed.json';
import s9Budget from './s9-retry-budget.json';
import s9Breaker from './s9-retry-breaker.json';
import s10 from './s10-deadlines.json';
import s7 from './s7-mfa-outage.json';
import s7Monitoring from './s7-mfa-outage-monitoring.json';
import redundantLinks from './redundant-links.json';
import s7Bulkhead from './s7-mfa-bulkhead.json';
import s7Timeout from './s7-mfa-short-timeout.json';
import s7Breaker from './s7-mfa-circuit-breaker.json';
import s7Bypass from './s7-mfa-bypass.json';
import s8 from './s8-key-removal.json';
import s10Fixed from './s10-deadlines-fixed.json';

export interface BuiltinScenario {
  id: string;
  title: string;
  summary: string;
  tags: string[];
  /** The REFERENCE-SCENARIOS.md name ("S1"…), if it is one; the CLI accepts it as an id. */
  reference?: string;
  /** The raw `faultline.scenario/v1` document. */
  scenario: unknown;
}

export const builtinScenarios: BuiltinScenario[] = [
  { id: 'key-removal-2021', title: s8.name, summary: 'A signing key vanishes; services break one by one and some stay broken for twelve hours.', tags: ['incident', 'identity', 'tokens', 'caches'], reference: 'S8', scenario: s8 },
  { id: 'mfa-outage-2019', title: s7.name, summary: 'A lossy route to Apple push hangs a shared worker pool: every MFA method fails.', tags: ['incident', 'identity', 'timeouts', 'bulkheads'], reference: 'S7', scenario: s7 },
  { id: 'mfa-outage-2019-monitoring', title: s7Monitoring.name, summary: 'The same outage with a probe, a queue alert and an SLO burn rate: which fires first?', tags: ['incident', 'monitoring', 'alerts', 'probes'], scenario: s7Monitoring },
  { id: 'mfa-bulkhead', title: s7Bulkhead.name, summary: 'iOS push in its own pool: the other methods stay at 100%.', tags: ['incident', 'bulkheads', 'fixed'], scenario: s7Bulkhead },
  { id: 'mfa-short-timeout', title: s7Timeout.name, summary: 'A 3 s timeout instead of 30 s: hung pushes no longer drain the pool.', tags: ['incident', 'timeouts', 'fixed'], scenario: s7Timeout },
  { id: 'mfa-circuit-breaker', title: s7Breaker.name, summary: 'A circuit breaker on APNs fails iOS fast and saves the rest.', tags: ['incident', 'circuit breaker', 'fixed'], scenario: s7Breaker },
  { id: 'mfa-bypass', title: s7Bypass.name, summary: 'The hotfix: text iPhone users while pushes fail.', tags: ['incident', 'fallback', 'fixed'], scenario: s7Bypass },
  { id: 'checkout', title: checkout.name, summary: 'A server crashes behind a load balancer that notices 5 s late.', tags: ['balancer', 'crash', 'retries'], scenario: checkout },
  { id: 'mm1', title: s1.name, summary: 'The textbook single-server queue, checked against theory.', tags: ['theory', 'queueing'], reference: 'S1', scenario: s1 },
  { id: 'mmc-pooling', title: s2.name, summary: 'Four workers on one queue against four queues of one.', tags: ['theory', 'queueing', 'balancer'], reference: 'S2', scenario: s2 },
  { id: 'retry-amplification', title: s3.name, summary: 'Four attempts at each of three layers: 64× load on the database.', tags: ['retries', 'cascading failure'], reference: 'S3', scenario: s3 },
  { id: 'cache-stampede', title: s5.name, summary: 'One hot key expires: ~200 database calls for one value, every minute.', tags: ['cache', 'stampede'], reference: 'S5', scenario: s5 },
  { id: 'cache-stampede-coalesced', title: s5Coalesced.name, summary: 'The same hot key with request coalescing: exactly one database call per expiry.', tags: ['cache', 'stampede', 'fixed'], reference: 'S5', scenario: s5Coalesced },
  { id: 'cache-mass-expiry', title: s5MassExpiry.name, summary: '10,000 keys loaded together expire together: every read misses at once.', tags: ['cache', 'stampede'], reference: 'S5', scenario: s5MassExpiry },
  { id: 'cache-mass-expiry-jittered', title: s5MassExpiryJittered.name, summary: '±10% TTL jitter spreads the same expiries over a minute: ~167 misses/s.', tags: ['cache', 'stampede', 'fixed'], reference: 'S5', scenario: s5MassExpiryJittered },
  { id: 'retry-storm', title: s4.name, summary: 'One retry turns a 10-second overload into an outage that never ends.', tags: ['retries', 'metastable'], reference: 'S4', scenario: s4 },
  { id: 'retry-storm-fixed', title: s4Fixed.name, summary: 'The same overload without retries recovers in seconds.', tags: ['retries', 'metastable', 'fixed'], scenario: s4Fixed },
  { id: 'retry-budget', title: s9Budget.name, summary: 'A token-bucket retry budget keeps retries to ~10% and the storm away.', tags: ['retries', 'budget', 'fixed'], reference: 'S9', scenario: s9Budget },
  { id: 'retry-breaker', title: s9Breaker.name, summary: 'No retries while more than 10% of attempts fail.', tags: ['retries', 'circuit breaker', 'fixed'], scenario: s9Breaker },
  { id: 'deadlines', title: s10.name, summary: 'A slow backend serves requests nobody waits for any more.', tags: ['deadlines', 'timeouts', 'wasted work'], reference: 'S10', scenario: s10 },
  { id: 'deadlines-fixed', title: s10Fixed.name, summary: 'Propagated deadlines shed expired work: goodput holds.', tags: ['deadlines', 'load shedding', 'fixed'], scenario: s10Fixed },
  { id: 'redundant-links', title: redundantLinks.name, summary: 'Two buildings share two cables at 80%; one is cut and both drop calls. A 70% alert warned long before.', tags: ['links', 'capacity', 'monitoring', 'alerts'], scenario: redundantLinks },
  { id: 'failover-at-80', title: s6.name, summary: 'Two links at 80% are not redundancy: losing one drops 37.5%.', tags: ['links', 'failover', 'capacity'], reference: 'S6', scenario: s6 },
];

/** A built-in by id, or by its reference name ("S1", case-insensitive). */
export function findBuiltin(id: string): BuiltinScenario | undefined {
  return builtinScenarios.find((s) => s.id === id || s.reference?.toLowerCase() === id.toLowerCase());
}
