import type { Call } from './call.ts';
import { streamFor } from './random.ts';
import { OK } from './reasons.ts';
import { EV_REPLICA_TIMER } from './events.ts';
import type { KindContext } from './kind-context.ts';
import type { ValidatorSpec } from './spec.ts';

export const ACCEPT = 0;
export const REJECT = 1;
export const PARKED = 2;

/**
 * Token validation for one service, with one key-set cache per replica (typed arrays indexed by
 * replica; key sets as bitmasks of key indexes, at most 31 keys).
 *
 * A token is accepted when its key is in the replica's cached set and it has not expired. A token
 * with an unknown key may be remembered as untrusted (negative TTL), or may trigger a fetch of the
 * key set (throttled by `minRefreshIntervalMs`), during which the request waits ("parked"); when
 * the fetch answers, every parked request is checked again. Scheduled refreshes run every
 * `refreshEveryMs` per replica, starting at a random phase, so replicas change their minds at
 * different times — which is how a key incident spreads and heals.
 */
export class Validator {
  readonly spec: ValidatorSpec;
  readonly replicas: number;
  private readonly keyCount = 32;
  readonly trusted: Int32Array;
  readonly nextRefreshMs: Float64Array;
  private readonly lastFetchStartMs: Float64Array;
  private readonly fetchesInFlight: Int32Array;
  private readonly untrustedUntilMs: Float64Array;
  private readonly parked: Call[][];
  /** Replicas that have at some point distrusted a key live tokens used. */
  private readonly everRejecting: Uint8Array;
  accepted = 0;
  rejectedUntrusted = 0;
  rejectedExpired = 0;
  rejectedMissing = 0;
  negativeHits = 0;
  fetches = 0;
  fetchFailures = 0;
  fetchesAtSample = 0;
  acceptedAtSample = 0;

  constructor(
    spec: ValidatorSpec,
    replicas: number,
    initialKeys: number,
    private readonly nodeIndex: number,
    /** Starts a fetch job for a replica (the station owns the job machinery). */
    private readonly startFetchJob: (sim: KindContext, replica: number) => void,
  ) {
    this.spec = spec;
    this.replicas = replicas;
    this.trusted = new Int32Array(replicas).fill(initialKeys);
    this.nextRefreshMs = new Float64Array(replicas);
    this.lastFetchStartMs = new Float64Array(replicas).fill(-Infinity);
    this.fetchesInFlight = new Int32Array(replicas);
    this.untrustedUntilMs = new Float64Array(replicas * this.keyCount);
    this.parked = Array.from({ length: replicas }, () => []);
    this.everRejecting = new Uint8Array(replicas);
  }

  /** Marks replicas distrusting a key in use (called when trust changes and at every sample). */
  noteRejecting(inUseMask: number): void {
    for (let r = 0; r < this.replicas; r++) if ((inUseMask & ~this.trusted[r]) !== 0) this.everRejecting[r] = 1;
  }

  everRejectingShare(): number {
    let n = 0;
    for (let r = 0; r < this.replicas; r++) n += this.everRejecting[r];
    return n / this.replicas;
  }

  /**
   * Schedules each replica's first refresh at a random phase of its interval, stratified: replica
   * r refreshes at a random point of the r-th of `replicas` equal slots, so the replicas are
   * spread evenly (as a fleet deployed over time is) and shares of them are accurate to 1/replicas.
   */
  start(sim: KindContext, seed: number, nodeId: string): void {
    if (this.spec.refreshEveryMs === Infinity) return;
    const phases = streamFor(seed, nodeId, 'refresh-phase');
    for (let r = 0; r < this.replicas; r++) {
      this.nextRefreshMs[r] = ((r + phases.next()) / this.replicas) * this.spec.refreshEveryMs;
      sim.queue.push(this.nextRefreshMs[r], EV_REPLICA_TIMER, this.nodeIndex, r);
    }
  }

  check(sim: KindContext, call: Call, replica: number): number {
    const key = call.tokenKey;
    if (key < 0) {
      this.rejectedMissing++;
      return REJECT;
    }
    if (call.tokenExpiresMs <= sim.nowMs) {
      this.rejectedExpired++;
      return REJECT;
    }
    if ((this.trusted[replica] & (1 << key)) !== 0) {
      this.accepted++;
      return ACCEPT;
    }
    if (this.spec.negativeTtlMs > 0 && this.untrustedUntilMs[replica * this.keyCount + key] > sim.nowMs) {
      this.negativeHits++;
      this.rejectedUntrusted++;
      return REJECT;
    }
    if (this.spec.refreshOnUnknownKey) {
      if (sim.nowMs - this.lastFetchStartMs[replica] >= this.spec.minRefreshIntervalMs) this.fetch(sim, replica);
      if (this.fetchesInFlight[replica] > 0) {
        this.parked[replica].push(call);
        return PARKED;
      }
    }
    this.distrust(sim, replica, key);
    return REJECT;
  }

  /** The scheduled refresh of one replica is due. */
  onRefreshDue(sim: KindContext, replica: number): void {
    if (this.fetchesInFlight[replica] === 0) this.fetch(sim, replica);
    this.nextRefreshMs[replica] = sim.nowMs + this.spec.refreshEveryMs;
    sim.queue.push(this.nextRefreshMs[replica], EV_REPLICA_TIMER, this.nodeIndex, replica);
  }

  /** A fault: every replica fetches the key set now, throttle or not. */
  forceRefresh(sim: KindContext): void {
    for (let r = 0; r < this.replicas; r++) this.fetch(sim, r);
  }

  /**
   * A fetch answered (`result` OK with the key mask in `job.answer`) or failed. Returns the parked
   * calls of that replica with their verdicts, for the station to admit or reject.
   */
  onFetchDone(sim: KindContext, job: Call, result: number, out: { call: Call; verdict: number }[]): void {
    const r = job.replica;
    this.fetchesInFlight[r]--;
    if (result === OK) {
      const published = job.answer | 0;
      this.trusted[r] = this.spec.keepLastKnownGood ? this.trusted[r] | published : published;
      if ((sim.keysInUseMask() & ~this.trusted[r]) !== 0) this.everRejecting[r] = 1;
    } else this.fetchFailures++;
    const waiting = this.parked[r];
    if (waiting.length === 0) return;
    this.parked[r] = [];
    for (const call of waiting) {
      if ((this.trusted[r] & (1 << call.tokenKey)) !== 0) {
        this.accepted++;
        out.push({ call, verdict: ACCEPT });
      } else if (this.fetchesInFlight[r] > 0 && this.spec.minRefreshIntervalMs > 0) {
        this.parked[r].push(call); // a later fetch may still bring the key
      } else {
        this.distrust(sim, r, call.tokenKey);
        out.push({ call, verdict: REJECT });
      }
    }
  }

  /** Parked calls of every replica (a crash fails them). */
  drainParked(): Call[] {
    const all = this.parked.flat();
    for (let r = 0; r < this.replicas; r++) this.parked[r] = [];
    return all;
  }

  get parkedCount(): number {
    let n = 0;
    for (const list of this.parked) n += list.length;
    return n;
  }

  /** Replicas that currently distrust at least one key in `inUseMask`. */
  rejectingShare(inUseMask: number): number {
    if (inUseMask === 0) return 0;
    let rejecting = 0;
    for (let r = 0; r < this.replicas; r++) if ((inUseMask & ~this.trusted[r]) !== 0) rejecting++;
    return rejecting / this.replicas;
  }

  /** Keys distrusted by at least one replica. */
  distrustedAnywhere(allKeys: number): number {
    let mask = 0;
    for (let r = 0; r < this.replicas; r++) mask |= allKeys & ~this.trusted[r];
    return mask;
  }

  /** Keys trusted by every replica, and by at least one. */
  trustedByAll(): number {
    let mask = -1;
    for (let r = 0; r < this.replicas; r++) mask &= this.trusted[r];
    return mask;
  }

  trustedBySome(): number {
    let mask = 0;
    for (let r = 0; r < this.replicas; r++) mask |= this.trusted[r];
    return mask;
  }

  earliestRefreshMs(): number {
    let earliest = Infinity;
    for (let r = 0; r < this.replicas; r++) earliest = Math.min(earliest, this.nextRefreshMs[r]);
    return earliest;
  }

  private fetch(sim: KindContext, replica: number): void {
    this.lastFetchStartMs[replica] = sim.nowMs;
    this.fetchesInFlight[replica]++;
    this.fetches++;
    this.startFetchJob(sim, replica);
  }

  private distrust(sim: KindContext, replica: number, key: number): void {
    this.rejectedUntrusted++;
    if (this.spec.negativeTtlMs > 0) this.untrustedUntilMs[replica * this.keyCount + key] = sim.nowMs + this.spec.negativeTtlMs;
  }
}
