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

/**
 * Limits on retries, per caller (one client, or one `calls` entry of a service):
 * - ratio: over a sliding window, retries ≤ ratio × original requests + minPerSec × window;
 * - bucket: starts full; each original request adds `perRequest`, each success `perSuccess`,
 *   each retry costs `perRetry` and is allowed only while that many tokens are left.
 */
export type RetryBudgetSpec =
  | { kind: 'ratio'; ratio: number; minPerSec: number; windowMs: number }
  | { kind: 'bucket'; capacity: number; perRequest: number; perSuccess: number; perRetry: number };

/** No retries while the share of failed attempts over the window is above `failureRatio`. */
export interface RetryBreakerSpec {
  failureRatio: number;
  windowMs: number;
  /** Fewer attempts than this in the window never stop retries. */
  minAttempts: number;
}

export interface RetrySpec {
  /** Total attempts, the first included: 1 means no retry. */
  attempts: number;
  backoff: { baseMs: number; capMs: number; multiplier: number };
  jitter: Jitter;
  budget: RetryBudgetSpec | null;
  breaker: RetryBreakerSpec | null;
}

/**
 * A circuit breaker on one downstream call: closed → open when, over the window, at least
 * `minAttempts` attempts were made and the failed share reached `failureRatio`; open refuses
 * attempts (`circuitOpen`, or sends them to `fallback`) for `openMs`; then half-open lets
 * `halfOpenProbes` attempts through: all succeed → closed, any fails → open again.
 */
export interface CircuitBreakerSpec {
  failureRatio: number;
  windowMs: number;
  minAttempts: number;
  openMs: number;
  halfOpenProbes: number;
  /** A node id to call instead while open (it needs a link from this node), or null. */
  fallback: string | null;
}

export interface RequestClassSpec {
  name: string;
  weight: number;
}

/** A client that signs in: it gets a token from `issuer` and sends it with every request. */
export interface ClientAuthSpec {
  issuer: string;
  /**
   * Token holders: each request belongs to one of them, drawn uniformly per request (a closed
   * loop has as many holders as users, but a request is not tied to its user's holder), and a
   * holder reuses its token until it is within `refreshBeforeMs` of expiry, or a service rejects
   * it (then it signs in again, once per request).
   */
  sessions: number;
  refreshBeforeMs: number;
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
  /** Send the deadline with the request, so servers that know it can shed expired work. */
  propagateDeadline: boolean;
  retry: RetrySpec;
  auth: ClientAuthSpec | null;
}

export interface CallSpec {
  to: string;
  /** Request classes this call applies to; null = every class. */
  when: string[] | null;
  timeoutMs: number;
  retry: RetrySpec;
  circuitBreaker: CircuitBreakerSpec | null;
}

export interface QueueSpec {
  /** Infinity = unbounded. */
  capacity: number;
  discipline: 'fifo' | 'lifo';
  /** A job that waited longer than this is dropped when it reaches a worker (`shed`). */
  maxWaitMs: number;
}

/**
 * A separate worker pool with its own queue inside a service. A job goes to the first bulkhead
 * whose `when` names its class or whose `to` is a node its class calls; otherwise to the
 * service's own pool (`workers`, `queue`).
 */
export interface BulkheadSpec {
  name: string;
  when: string[] | null;
  to: string | null;
  workers: number;
  queue: QueueSpec;
}

/**
 * Token validation on a service (each replica keeps its own cache of the key set): trusted keys
 * are refreshed from `keyset` every `refreshEveryMs` (first refresh at a random phase); a token
 * signed with a key it does not trust may trigger a re-fetch (`refreshOnUnknownKey`, at most once
 * per `minRefreshIntervalMs` — 0 = every time), may be remembered as untrusted for
 * `negativeTtlMs` (0 = not remembered); `keepLastKnownGood` never drops a key it trusted.
 */
export interface ValidatorSpec {
  keyset: string;
  refreshEveryMs: number;
  refreshOnUnknownKey: boolean;
  minRefreshIntervalMs: number;
  negativeTtlMs: number;
  keepLastKnownGood: boolean;
  /** Timeout of one key-set fetch. */
  fetchTimeoutMs: number;
}

export type StationKind = 'service' | 'database' | 'external';

export interface ServiceSpec {
  kind: StationKind;
  id: string;
  label: string;
  /** Infinity = unbounded concurrency. */
  workers: number;
  queue: QueueSpec;
  serviceTime: DistributionSpec;
  /** Added to each job's service time per job already in service when it starts (ms). */
  slowdownPerInFlightMs: number;
  /** Probability that a job fails with reason `error` after its service time. */
  errorRate: number;
  /** Made in order after the job's own service time, holding the worker while waiting. */
  calls: CallSpec[];
  bulkheads: BulkheadSpec[];
  /**
   * Deadline-aware: honour the deadline a job arrived with — drop the job when it reaches a worker
   * after its deadline (`shed`), abandon it at the deadline — and pass it on to the job's calls.
   * Without it the service neither enforces nor forwards deadlines: it finishes useless work.
   */
  propagateDeadline: boolean;
  /** When a caller gives up, stop its job (dequeue or abort) instead of finishing useless work. */
  cancelOnCallerGiveUp: boolean;
  /** Validate tokens on arrival (null: accept everything). */
  auth: ValidatorSpec | null;
  /** Independent instances, each with its own pools, queues and validator cache; a request goes to one at random. */
  replicas: number;
}

/**
 * An identity provider: a service (workers, queue, service time…) whose successful answer to a
 * sign-in is a token signed with its current `signingKey`, valid for a `tokenLifetime` draw.
 * `mfa`: a second factor — a call to `via` (for the request classes in `when`) that must succeed.
 */
export interface IdentitySpec extends Omit<ServiceSpec, 'kind'> {
  kind: 'identity';
  signingKey: string;
  tokenLifetime: DistributionSpec;
  mfa: { via: string; when: string[] | null; timeoutMs: number; retry: RetrySpec } | null;
}

/** The published signing-key metadata (a JWKS endpoint): a fetch returns the keys trusted now. */
export interface KeysetSpec extends Omit<ServiceSpec, 'kind'> {
  kind: 'keyset';
  keys: string[];
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

/**
 * A cache in front of a backend. Each request reads one key, drawn with Zipf popularity over
 * `keys` keys (exponent 0 = uniform). A fresh entry answers after `hitTimeMs`; a miss calls the
 * backend and stores the answer for `ttlMs` (± `ttlJitter` as a fraction), a failure for
 * `negativeTtlMs` (0 = not stored). `coalesce`: one backend call per key at a time, later
 * misses wait for it. `staleWhileRevalidateMs`: for this long after expiry an entry is served
 * stale while one background refresh runs. `capacity` entries at most (LRU). `warm`: every key
 * starts cached, as if all were loaded at t = 0.
 */
export interface CacheSpec {
  kind: 'cache';
  id: string;
  label: string;
  backend: string;
  keys: number;
  zipfExponent: number;
  capacity: number;
  ttlMs: number;
  ttlJitter: number;
  negativeTtlMs: number;
  coalesce: boolean;
  staleWhileRevalidateMs: number;
  hitTimeMs: number;
  warm: boolean;
  /** The backend call: its timeout and retries. */
  timeoutMs: number;
  retry: RetrySpec;
}

export type NodeSpec = ClientSpec | ServiceSpec | BalancerSpec | CacheSpec | IdentitySpec | KeysetSpec;

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
export type NodeFaultAction = 'crash' | 'recover' | 'slow' | 'error' | 'setWorkers' | 'flush';
/** Key sets: `removeKey`/`addKey` (params.key), `restore` (the keys it started with). Identity: `setSigningKey`. Validators: `forceRefresh`. */
export type KeyFaultAction = 'removeKey' | 'addKey' | 'restore' | 'setSigningKey' | 'forceRefresh';
export type ClientFaultAction = 'setRate';
export type FaultAction = LinkFaultAction | NodeFaultAction | ClientFaultAction | KeyFaultAction;

export interface FaultParams {
  latency?: DistributionSpec;
  loss?: number;
  capacityPerSec?: number;
  factor?: number;
  errorRate?: number;
  workers?: number;
  ratePerSec?: number;
  /** A key id, for removeKey / addKey / setSigningKey. */
  key?: string;
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
  /** Markdown. */
  text: string;
  /** A question asked before the outcome is visible, so a participant commits to a guess first. */
  predict?: string;
  /** Markdown: the answer, hidden until the run reaches `atMs + revealMs` (and has moved on from `atMs`). */
  outcome?: string;
  /** How long after `atMs` the outcome is visible on the canvas; the guide pauses there too. Absent: 0. */
  revealMs?: number;
  /** Node and link ids to look at while the step is current. */
  watch?: string[];
  /** false: the guide does not pause the run here (absent means it does). */
  pause?: boolean;
}

/** A moment the story should dwell on, beyond the guide's steps and the faults (the format's `story.moments`). */
export interface StoryMomentSpec {
  atMs: number;
  /** Simulated time to dwell over from `atMs` (default: the story's dwell at its rate). */
  forMs?: number;
  /** Simulated seconds per second of playback while dwelling here. */
  rate?: number;
  /** A caption for this moment. */
  title?: string;
}

/**
 * The format's `story`: overrides of the pacing plan src/story derives from the guide and the
 * faults. The engine never reads it.
 */
export interface StorySpec {
  /** Simulated seconds per second of playback where something happens. */
  rate?: number;
  /** Playback time spent on each moment, ms of real time. */
  dwellMs?: number;
  /** Playback time each quiet span takes, ms of real time. */
  fastForwardMs?: number;
  /** Time of day at t = 0, in minutes after midnight ("13:20" → 800), for captions and labels. */
  startsAtMin?: number;
  moments?: StoryMomentSpec[];
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
  /** Pacing overrides for the story (src/story); absent: derived from the guide and faults. */
  story?: StorySpec;
  /** Synthetic checks (absent: none); recorded apart from users, never in goodput. */
  probes?: ProbeSpec[];
  /** Alert rules evaluated once per sample interval (absent: none; the report then has no `alerts`). */
  alerts?: AlertSpec[];
}

/**
 * A synthetic check: one request every `everyMs` to `target`, over the links real traffic takes
 * from `via`, each attempt with its own timeout.
 */
export interface ProbeSpec {
  id: string;
  target: string;
  /** The node whose links to `target` the probe uses (the path real traffic takes: a tiny VM beside it). */
  via: string;
  everyMs: number;
  timeoutMs: number;
  /** The request class it sends as (a service's calls may depend on it); null: the scenario's first class. */
  className: string | null;
}

export type AlertSeverity = 'page' | 'ticket' | 'info';

/** A series metric of one node, link, client or probe compared with a value, held for `forMs`. */
export interface ThresholdRuleSpec {
  rule: 'threshold';
  group: 'nodes' | 'clients' | 'links' | 'probes';
  target: string;
  metric: string;
  op: 'above' | 'below';
  value: number;
  forMs: number;
}

/** N probe failures in a row (a success clears it). */
export interface ProbeFailuresRuleSpec {
  rule: 'probeFailures';
  target: string;
  failures: number;
}

/** One pair of an SLO burn-rate alert: both windows must burn faster than `factor`. */
export interface BurnRateWindowSpec {
  longMs: number;
  shortMs: number;
  factor: number;
}

/** Multiwindow burn rate on a client's goodput (burn rate = bad share / (1 − objective)). */
export interface BurnRateRuleSpec {
  rule: 'burnRate';
  target: string;
  objective: number;
  windows: BurnRateWindowSpec[];
}

export type AlertRuleSpec = ThresholdRuleSpec | ProbeFailuresRuleSpec | BurnRateRuleSpec;

export interface AlertSpec {
  name: string;
  severity: AlertSeverity;
  rule: AlertRuleSpec;
}
