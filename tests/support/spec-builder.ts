/** Builds normalised ScenarioSpecs directly, for engine tests that bypass the file format. */
import type { BalancerSpec, ClientSpec, DistributionSpec, FaultSpec, LinkDirectionSpec, LinkSpec, RetrySpec, ScenarioSpec, ServiceSpec } from '../../src/engine/spec';

export const ms = (valueMs: number): DistributionSpec => ({ dist: 'constant', valueMs });
export const exp = (meanMs: number): DistributionSpec => ({ dist: 'exponential', meanMs });

export function retry(attempts = 1, baseMs = 0, jitter: RetrySpec['jitter'] = 'none'): RetrySpec {
  return { attempts, backoff: { baseMs, capMs: Infinity, multiplier: 2 }, jitter };
}

export function client(id: string, target: string, over: Partial<ClientSpec> = {}): ClientSpec {
  return {
    kind: 'client', id, label: id, loop: 'open', ratePerSec: 10, arrival: 'poisson', users: 0, think: ms(0),
    classes: [{ name: 'default', weight: 1 }], target, timeoutMs: Infinity, deadlineMs: Infinity, retry: retry(), ...over,
  };
}

export function service(id: string, over: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    kind: 'service', id, label: id, workers: 1, queue: { capacity: Infinity, discipline: 'fifo' },
    serviceTime: exp(10), errorRate: 0, calls: [], ...over,
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
