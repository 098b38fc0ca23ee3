/** Builds normalised ScenarioSpecs directly, for engine tests that bypass the file format. */
import type {
  BalancerSpec, CacheSpec, CallSpec, ClientSpec, DistributionSpec, FaultSpec, IdentitySpec, KeysetSpec, LinkDirectionSpec, LinkSpec,
  QueueSpec, RetrySpec, ScenarioSpec, ServiceSpec, ValidatorSpec,
} from '../../src/engine/spec';

export const ms = (valueMs: number): DistributionSpec => ({ dist: 'constant', valueMs });
export const exp = (meanMs: number): DistributionSpec => ({ dist: 'exponential', meanMs });

export function retry(attempts = 1, baseMs = 0, jitter: RetrySpec['jitter'] = 'none'): RetrySpec {
  return { attempts, backoff: { baseMs, capMs: Infinity, multiplier: 2 }, jitter, budget: null, breaker: null };
}

/** An unbounded FIFO queue with no max wait, as the format's defaults. */
export function queue(over: Partial<QueueSpec> = {}): QueueSpec {
  return { capacity: Infinity, discipline: 'fifo', maxWaitMs: Infinity, ...over };
}

/** A call of every class, no timeout, no retry, no circuit breaker. */
export function call(to: string, over: Partial<CallSpec> = {}): CallSpec {
  return { to, when: null, timeoutMs: Infinity, retry: retry(), circuitBreaker: null, ...over };
}

export function client(id: string, target: string, over: Partial<ClientSpec> = {}): ClientSpec {
  return {
    kind: 'client', id, label: id, loop: 'open', ratePerSec: 10, arrival: 'poisson', users: 0, think: ms(0),
    classes: [{ name: 'default', weight: 1 }], target, timeoutMs: Infinity, deadlineMs: Infinity, propagateDeadline: true, retry: retry(), auth: null, ...over,
  };
}

export function service(id: string, over: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    kind: 'service', id, label: id, workers: 1, queue: queue(), serviceTime: exp(10), slowdownPerInFlightMs: 0, errorRate: 0,
    calls: [], bulkheads: [], propagateDeadline: false, cancelOnCallerGiveUp: false, auth: null, replicas: 1, ...over,
  };
}

/** Token validation against `keyset`, with the format's defaults; `refreshEveryMs` 1 h since the format has no default for it. */
export function validator(keyset: string, over: Partial<ValidatorSpec> = {}): ValidatorSpec {
  return {
    keyset, refreshEveryMs: 3_600_000, refreshOnUnknownKey: false, minRefreshIntervalMs: 0, negativeTtlMs: 0, keepLastKnownGood: false,
    fetchTimeoutMs: 10_000, ...over,
  };
}

/** An identity provider with the format's defaults (a service's, plus tokens of 60–90 min, no MFA). */
export function identity(id: string, signingKey: string, over: Partial<IdentitySpec> = {}): IdentitySpec {
  const { kind: _kind, ...base } = service(id);
  return { ...base, kind: 'identity', signingKey, tokenLifetime: { dist: 'uniform', minMs: 3_600_000, maxMs: 5_400_000 }, mfa: null, ...over };
}

/** A key set (JWKS endpoint) with the format's defaults: unbounded workers, 5 ms per fetch. */
export function keyset(id: string, keys: string[], over: Partial<KeysetSpec> = {}): KeysetSpec {
  const { kind: _kind, ...base } = service(id, { workers: Infinity, serviceTime: ms(5) });
  return { ...base, kind: 'keyset', keys, ...over };
}

/** A cache with the format's defaults; `ttlMs` 60 s since the format has no default for it. */
export function cache(id: string, backend: string, over: Partial<CacheSpec> = {}): CacheSpec {
  return {
    kind: 'cache', id, label: id, backend, keys: 1000, zipfExponent: 1, capacity: Infinity, ttlMs: 60_000, ttlJitter: 0,
    negativeTtlMs: 0, coalesce: false, staleWhileRevalidateMs: 0, hitTimeMs: 1, warm: false, timeoutMs: Infinity, retry: retry(), ...over,
  };
}

export function balancer(id: string, targets: string[], over: Partial<BalancerSpec> = {}): BalancerSpec {
  return { kind: 'balancer', id, label: id, policy: 'roundRobin', targets, detectAfterMs: 0, timeoutMs: Infinity, retry: retry(), ...over };
}

export function direction(over: Partial<LinkDirectionSpec> = {}): LinkDirectionSpec {
  return { latency: ms(0), capacityPerSec: Infinity, buffer: Infinity, loss: 0, ...over };
}

export function link(from: string, to: string, over: Partial<LinkSpec> & { id?: string } = {}, dir: Partial<LinkDirectionSpec> = {}): LinkSpec {
  return {
    id: `${from}-${to}`, from, to, forward: direction(dir), back: direction(dir), routing: 'failover',
    priority: 0, weight: 1, detectAfterMs: 0, up: true, ...over,
  };
}

export function scenario(parts: { nodes: ScenarioSpec['nodes']; links: LinkSpec[]; faults?: FaultSpec[] } & Partial<ScenarioSpec>): ScenarioSpec {
  return { name: 'test', description: '', seed: 1, durationMs: 60_000, sampleEveryMs: 1000, warmupMs: 0, faults: [], guide: [], ...parts };
}
