import { CallPool, PHASE_FREE, PHASE_TO_CALLER, PHASE_TO_NODE, PHASE_WAITING, type Call } from './call.ts';
import type { CompiledGraph } from './compile.ts';
import { EventQueue } from './event-queue.ts';
import { EV_DELIVER, EV_TIMEOUT, EV_TIMER_LANE } from './events.ts';
import type { KindContext } from './kind-context.ts';
import type { NodeRuntime } from './kinds/node-runtime.ts';
import type { LinkRuntime } from './link.ts';
import { R_BUFFER_FULL, R_LINK_DOWN, R_LINK_LOSS } from './reasons.ts';
import type { ScenarioSpec } from './spec.ts';
import { TimerLanes } from './timer-lanes.ts';

/**
 * The bottom layer of the simulation: the graph, the clock, the event queue and call pool, and
 * transport — messages over links (delay, bandwidth, loss, a link going down) to a node or back
 * to the caller. `CallerSteps` builds the caller side on it; `Simulation` the event loop.
 */
export abstract class CallTransport implements KindContext {
  readonly spec: ScenarioSpec;
  readonly endMs: number;
  readonly warmupMs: number;
  nowMs = 0;
  readonly queue = new EventQueue();
  readonly pool = new CallPool();
  readonly timers: TimerLanes;
  readonly nodes: NodeRuntime[];
  readonly links: LinkRuntime[];
  readonly nodeIndex: Map<string, number>;
  readonly linkIndex: Map<string, number>;
  /** Key ids by index (bit positions in key-set masks). */
  readonly keyNames: string[];
  private tokenCounter = 0;

  constructor(spec: ScenarioSpec, graph: CompiledGraph) {
    this.spec = spec;
    this.endMs = spec.durationMs;
    this.warmupMs = spec.warmupMs;
    this.timers = new TimerLanes(this.queue, EV_TIMER_LANE, (code, a, b) => this.isStaleTimer(code, a, b));
    this.nodes = graph.nodes;
    this.links = graph.links;
    this.nodeIndex = graph.nodeIndex;
    this.linkIndex = graph.linkIndex;
    this.keyNames = graph.keyNames;
  }

  abstract runSteps(job: Call): void;
  abstract abandonAttempt(job: Call): void;
  /** The current attempt of `job` ended with `result` (OK or a reason). */
  protected abstract onAttemptResult(job: Call, result: number): void;
  abstract keysInUseMask(): number;
  abstract keysDistrustedAnywhere(): number;

  keyIndex(name: string): number {
    return this.keyNames.indexOf(name);
  }

  /** Key ids in a bitmask, in index order. */
  keysOf(mask: number): string[] {
    return this.keyNames.filter((_, k) => (mask & (1 << k)) !== 0);
  }

  nodeId(index: number): string {
    return this.nodes[index].id;
  }

  /** The job answers its caller over the link it came in on. */
  respond(job: Call, result: number): void {
    job.result = result;
    this.transmit(job, this.links[job.link], true);
  }

  protected transmit(call: Call, link: LinkRuntime, back: boolean): void {
    const dir = back ? link.back : link.forward;
    call.phase = back ? PHASE_TO_CALLER : PHASE_TO_NODE;
    dir.sent++;
    if (!link.up) {
      dir.drop(R_LINK_DOWN);
      this.lose(call);
      return;
    }
    let departMs = this.nowMs;
    if (dir.limited) {
      departMs = dir.enqueue(this.nowMs, this.nowMs >= this.warmupMs);
      if (departMs < 0) {
        dir.drop(R_BUFFER_FULL);
        this.lose(call);
        return;
      }
    }
    if (dir.loss > 0 && dir.lossRng.next() < dir.loss) {
      dir.drop(R_LINK_LOSS);
      this.lose(call);
      return;
    }
    const arriveMs = dir.latencyIsZero ? departMs : departMs + dir.latency.sample(dir.latencyRng);
    if (arriveMs === this.nowMs) {
      // Nothing to wait for: deliver inline rather than through the event queue.
      dir.delivered++;
      if (this.nowMs >= this.warmupMs) dir.deliveredMeasured++;
      this.arrive(call, back);
      return;
    }
    dir.inTransit++;
    call.linkEpoch = link.epoch;
    call.sentMs = this.nowMs;
    this.scheduleCall(call, arriveMs, EV_DELIVER);
  }

  /** EV_DELIVER: a message reaches the end of its link (unless the link went down meanwhile). */
  protected deliver(call: Call, token: number): void {
    if (call.token !== token) return;
    const link = this.links[call.link];
    const back = call.phase === PHASE_TO_CALLER;
    const dir = back ? link.back : link.forward;
    dir.inTransit--;
    if (call.linkEpoch !== link.epoch) {
      dir.drop(R_LINK_DOWN);
      this.lose(call);
      return;
    }
    dir.delivered++;
    if (this.nowMs >= this.warmupMs) {
      dir.deliveredMeasured++;
      dir.delayMeasuredMs += this.nowMs - call.sentMs;
    }
    this.arrive(call, back);
  }

  private arrive(call: Call, back: boolean): void {
    if (!back) {
      this.nodes[call.node].receive(this, call);
      return;
    }
    const parent = call.parent;
    const result = call.result;
    const stale = call.parentGaveUp || parent === null;
    if (!stale) {
      parent.child = null;
      parent.answer = call.payload;
      parent.answer2 = call.payload2;
      this.nodes[parent.node].attemptEnded(parent, parent.childTarget);
      parent.childTarget = -1;
    }
    this.releaseCall(call);
    if (!stale) this.onAttemptResult(parent, result);
  }

  /**
   * A message vanished (loss, full buffer, dead link). Nobody is told: a caller still waiting finds
   * out by its timeout — or waits forever, as a caller without a timeout does.
   */
  private lose(call: Call): void {
    const parent = call.parent;
    if (!call.parentGaveUp && parent !== null && parent.child === call) parent.child = null;
    this.releaseCall(call);
  }

  scheduleCall(call: Call, atMs: number, code: number): void {
    this.tokenCounter = (this.tokenCounter + 1) | 0;
    call.token = this.tokenCounter;
    this.queue.push(atMs, code, call.id, call.token);
  }

  protected invalidate(call: Call): void {
    this.tokenCounter = (this.tokenCounter + 1) | 0;
    call.token = this.tokenCounter;
  }

  invalidateCall(call: Call): void {
    this.invalidate(call);
  }

  releaseCall(call: Call): void {
    this.invalidate(call);
    this.pool.release(call);
  }

  /** Live jobs at a node whose phase passes `keep` (crash handling; rare, so a scan is fine). */
  jobsAt(node: number, keep: (phase: number) => boolean): Call[] {
    const out: Call[] = [];
    for (const call of this.pool.calls) {
      if (call.node === node && call.phase !== PHASE_FREE && keep(call.phase)) out.push(call);
    }
    for (const call of out) this.invalidate(call);
    return out;
  }

  private isStaleTimer(code: number, a: number, b: number): boolean {
    const call = this.pool.calls[a];
    if (code === EV_TIMEOUT) return call.token !== b || call.phase !== PHASE_WAITING;
    return call.gen !== b || call.phase === PHASE_FREE;
  }
}
