import type { Call } from '../call.ts';
import { NodeStats } from '../node-stats.ts';
import { streamFor, type RandomStream } from '../random.ts';
import type { ClientReport, NodeReport, ProbeReport } from '../report-types.ts';
import type { SeriesRecorder } from '../series.ts';
import type { FaultApply, KindContext } from '../kind-context.ts';
import type { AnyLiveEdit, NodePatch, NodePatchField } from '../live-edits.ts';
import type { LiveNodeRow } from '../live-fields.ts';
import type { FaultSpec, NodeSpec } from '../spec.ts';
import type { StepPlan } from '../steps.ts';

/** Where a node's headline series live (column indices); -1 where a kind has no such series. */
export interface HeadlineColumns {
  arrived: number;
  completed: number;
  dropped: number;
  p50: number;
  p99: number;
  attempts: number;
  authRejected: number;
}

/** What a kind needs from the compiler to build its step plans. */
export interface PlanContext {
  nodeIndex(id: string): number;
  routeBetween(fromId: string, toId: string): import('../link.ts').Route | null;
  classIndex(name: string): number;
  readonly classCount: number;
  /** The class of background jobs (key-set fetches); counted in classCount. */
  readonly internalClass: number;
  /** Index of a key id (0…30) across the scenario. */
  keyIndex(name: string): number;
  /** The keys a key-set node publishes at the start, as a bitmask. */
  initialKeyMask(keysetId: string): number;
}

/** Where a node's report and series go: clients under `clients`, probes under `probes`, every other kind under `nodes`. */
export type ReportGroup = 'nodes' | 'clients' | 'probes';

/** What a node holds that could pile up (the run guard names the biggest holder). */
export interface Holding {
  holds: 'waiting' | 'queued' | 'inService';
  count: number;
}

/**
 * The engine side of one component kind. The simulation moves calls between nodes and runs the
 * shared step logic (attempts, timeouts, retries); a kind decides what happens when a call
 * arrives, when its job is finished, and what it reports.
 */
export abstract class NodeRuntime {
  readonly index: number;
  readonly id: string;
  /** The kind as the scenario says it (runtimes shared by several kinds keep the original). */
  kind: string;
  readonly stats = new NodeStats();
  /** Steps for each request class (global class index). */
  plansByClass: StepPlan[][] = [];
  down = false;
  changedAtMs = -Infinity;
  /** Retry attempts this node sent (attempts after a step's first). */
  retriesSent = 0;
  /** Calls made by this node carry its job's deadline (see ServiceSpec.propagateDeadline). */
  propagatesDeadline = false;
  /** Told that a caller gave up, it stops the job (ServiceSpec.cancelOnCallerGiveUp). */
  cancelsOnGiveUp = false;
  readonly retryRng: RandomStream;
  protected readonly seed: number;

  constructor(index: number, spec: Pick<NodeSpec, 'id'> & { kind: string }, seed: number) {
    this.seed = seed;
    this.index = index;
    this.id = spec.id;
    this.kind = spec.kind;
    this.retryRng = streamFor(seed, spec.id, 'retry');
  }

  /** Clients report (and record series) under `clients`. */
  readonly reportGroup: ReportGroup = 'nodes';

  abstract plan(ctx: PlanContext): void;
  /** After every node has planned: a kind that forwards to nodes (a balancer) keeps them. */
  bind(_nodes: readonly NodeRuntime[]): void {}
  /** A request arrived over a link. */
  abstract receive(sim: KindContext, call: Call): void;
  /** The job's steps are done (result OK) or one failed for good (a reason code). */
  abstract finishJob(sim: KindContext, job: Call, result: number): void;
  abstract registerSeries(series: SeriesRecorder): void;
  abstract writeSample(series: SeriesRecorder, sim: KindContext): void;
  abstract summarize(sim: KindContext): NodeReport | ClientReport | ProbeReport;
  /** Valid after `registerSeries`. */
  abstract get seriesColumns(): HeadlineColumns;

  /**
   * Stop a job that is working here (its deadline passed, or its caller gave up and this node
   * honours cancellation): drop what it waits on and answer with `reason`. Kinds with queues
   * override it; a queued job is dropped when it reaches a worker instead.
   */
  abortJob(sim: KindContext, job: Call, reason: number): void {
    sim.abandonAttempt(job);
    sim.invalidateCall(job);
    this.finishJob(sim, job, reason);
  }

  /** A timer this kind set on one of its jobs (EV_NODE_TIMER, scheduled with the job's token) is due. */
  onJobTimer(_sim: KindContext, _job: Call): void {}

  /**
   * Set by kinds that override `skipsStep`/`interceptResult` (clients with tokens), so the hot path
   * asks only the nodes that care.
   */
  hasStepHooks = false;

  /** Before a step runs: true to skip it (a client that already holds a valid token skips sign-in). */
  skipsStep(_sim: KindContext, _job: Call): boolean {
    return false;
  }

  /** Sees an attempt's result first; true means the kind has taken over (e.g. sign in again on a rejected token). */
  interceptResult(_sim: KindContext, _job: Call, _result: number): boolean {
    return false;
  }

  /** A timer the kind set for one of its replicas (a validator's scheduled key-set refresh). */
  onReplicaTimer(_sim: KindContext, _replica: number): void {}

  /** Called when the simulation starts (clients schedule their first arrivals). */
  start(_sim: KindContext): void {}
  /** The node picks the target of a step whose plan has toNode = -1. */
  pickTarget(_sim: KindContext, _job: Call): number {
    return -1;
  }
  routeTo(_target: number): import('../link.ts').Route | null {
    return null;
  }
  /** A downstream attempt sent by `job` to `target` has ended (any outcome). */
  attemptEnded(_job: Call, _target: number): void {}
  /** A downstream attempt is about to be sent to `target`. */
  attemptStarted(_job: Call, _target: number): void {}

  /** The parameters this kind takes live, declared next to their code in the kind's file. */
  get liveEdits(): readonly AnyLiveEdit[] {
    return [];
  }

  /** Applies one live-edited parameter; false when this kind (or this node) cannot take it. */
  applyPatch<F extends NodePatchField>(sim: KindContext, field: F, value: NodePatch[F]): boolean {
    const edit = this.liveEdits.find((e) => e.patch === field);
    return edit !== undefined && edit.apply(this as never, sim, value as never);
  }

  /** What `fault` does to this node, as an apply-returns-undo; null when the action does not fit the kind. */
  faultAction(_sim: KindContext, _fault: FaultSpec): FaultApply | null {
    return null;
  }

  /**
   * Fills this kind's own live fields (the row starts at "not this kind" for each, and the
   * headline numbers every node has: live.ts).
   */
  writeLive(_row: LiveNodeRow): void {}

  /** Keys this node's token holders have tokens of (clients with auth). */
  keysInUse(): number {
    return 0;
  }

  /** Keys this node signs new tokens with now (identity providers). */
  signingKeys(): number {
    return 0;
  }

  /** Keys that some replica of this node distrusts, among `all` (validators). */
  keysDistrusted(_all: number): number {
    return 0;
  }

  /** What this node holds now, for the run guard's diagnosis. */
  holdings(): Holding[] {
    return [
      { holds: 'queued', count: this.stats.queued },
      { holds: 'inService', count: this.stats.inService },
    ];
  }

  /** A queue without a capacity here (the run guard's advice for a node that piles up queued jobs). */
  hasUnboundedQueue(): boolean {
    return false;
  }

  /** True when one of this node's timers (timeouts, deadlines) has this delay: the run guard names it. */
  ownsTimerOf(delayMs: number): boolean {
    return this.plansByClass.some((plans) => plans.some((p) => p.timeoutMs === delayMs));
  }

  /** What callers believe: a crash or recovery is noticed `detectAfterMs` after it happens. */
  seenDown(nowMs: number, detectAfterMs: number): boolean {
    return nowMs - this.changedAtMs >= detectAfterMs ? this.down : !this.down;
  }
}
