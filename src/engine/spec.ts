/**
 * The engine's input: a scenario after validation and normalisation (src/scenario does that).
 * Every time is in milliseconds, every rate per second, every default filled in.
 * `Infinity` stands for "none" / "unbounded" (this object is never JSON — the file format is).
 */

export type DistributionSpec =
  | { dist: 'constant'; valueMs: number }
  | { dist: 'exponential'; meanMs: number }
  | { dist: 'uniform'; minMs: number; maxMs: number }
  | { dist: 'lognormal'; medianMs: number; p99Ms: number };

export type Jitter = 'none' | 'full' | 'equal' | 'decorrelated';

export interface RetrySpec {
  /** Total attempts, the first included: 1 means no retry. */
  attempts: number;
  backoff: { baseMs: number; capMs: number; multiplier: number };
  jitter: Jitter;
}

export interface RequestClassSpec {
  name: string;
  weight: number;
}

export interface ClientSpec {
  kind: 'client';
  id: string;
  label: string;
  /** open: arrivals at `ratePerSec`; closed: `users` who each wait for an outcome, then think. */
  loop: 'open' | 'closed';
  ratePerSec: number;
  arrival: 'poisson' | 'constant';
  users: number;
  think: DistributionSpec;
  classes: RequestClassSpec[];
  target: string;
  /** Per attempt; Infinity = wait forever. */
  timeoutMs: number;
  /** Per original request, retries included; the user gives up then. Infinity = never. */
  deadlineMs: number;
  retry: RetrySpec;
}

export interface CallSpec {
  to: string;
  /** Request classes this call applies to; null = every class. */
  when: string[] | null;
  timeoutMs: number;
  retry: RetrySpec;
}

export type StationKind = 'service' | 'database' | 'external';

export interface ServiceSpec {
  kind: StationKind;
  id: string;
  label: string;
  /** Infinity = unbounded concurrency. */
  workers: number;
  queue: { capacity: number; discipline: 'fifo' | 'lifo' };
  serviceTime: DistributionSpec;
  /** Probability that a job fails with reason `error` after its service time. */
  errorRate: number;
  /** Made in order after the job's own service time, holding the worker while waiting. */
  calls: CallSpec[];
}

export type BalancerPolicy = 'roundRobin' | 'random' | 'leastOutstanding' | 'powerOfTwo';

export interface BalancerSpec {
  kind: 'balancer';
  id: string;
  label: string;
  policy: BalancerPolicy;
  targets: string[];
  /** How long after a target crashes (or recovers) the balancer notices. */
  detectAfterMs: number;
  timeoutMs: number;
  retry: RetrySpec;
}

export type NodeSpec = ClientSpec | ServiceSpec | BalancerSpec;

export interface LinkDirectionSpec {
  latency: DistributionSpec;
  /** Messages per second; Infinity = no transmission limit (and no buffer). */
  capacityPerSec: number;
  /** Messages waiting to be transmitted before drop-tail; Infinity = unbounded. */
  buffer: number;
  /** Probability a message is lost in transit. */
  loss: number;
}

export interface LinkSpec {
  id: string;
  from: string;
  to: string;
  /** Requests travel from → to; responses come back to → from. */
  forward: LinkDirectionSpec;
  back: LinkDirectionSpec;
  /** How a sender picks among parallel links joining the same two nodes. */
  routing: 'failover' | 'spread';
  priority: number;
  weight: number;
  /** How long after this link goes down (or up) its senders notice. */
  detectAfterMs: number;
  up: boolean;
}

export type LinkFaultAction = 'down' | 'up' | 'degrade';
export type NodeFaultAction = 'crash' | 'recover' | 'slow' | 'error' | 'setWorkers';
export type ClientFaultAction = 'setRate';
export type FaultAction = LinkFaultAction | NodeFaultAction | ClientFaultAction;

export interface FaultParams {
  latency?: DistributionSpec;
  loss?: number;
  capacityPerSec?: number;
  factor?: number;
  errorRate?: number;
  workers?: number;
  ratePerSec?: number;
}

export interface FaultSpec {
  atMs: number;
  /** Revert after this long; Infinity = permanent. */
  forMs: number;
  /** A node or link id, or "*" for every node/link the action applies to. */
  target: string;
  action: FaultAction;
  params: FaultParams;
}

export interface GuideStep {
  atMs: number;
  title: string;
  text: string;
}

export interface ScenarioSpec {
  name: string;
  description: string;
  seed: number;
  durationMs: number;
  sampleEveryMs: number;
  /** Totals, means and percentiles count only what happens after this; series cover the whole run. */
  warmupMs: number;
  nodes: NodeSpec[];
  links: LinkSpec[];
  faults: FaultSpec[];
  guide: GuideStep[];
}
