import type { Call } from '../call.ts';
import type { Route } from '../link.ts';
import { streamFor, type RandomStream } from '../random.ts';
import { R_NODE_DOWN } from '../reasons.ts';
import type { KindContext } from '../kind-context.ts';
import type { BalancerSpec } from '../spec.ts';
import type { NodeRuntime, PlanContext } from './node-runtime.ts';
import { ServerRuntime } from './server-runtime.ts';
import { stepPlan } from '../steps.ts';

/**
 * A load balancer: forwards each request to one target by its policy, skipping targets it believes
 * are down (it notices a crash `detectAfterMs` late). No workers or queue of its own; a forwarded
 * request is "in service" at the balancer until its answer comes back.
 */
export class BalancerRuntime extends ServerRuntime {
  readonly spec: BalancerSpec;
  private targets: NodeRuntime[] = [];
  private targetIndices: number[] = [];
  private routes: (Route | null)[] = [];
  /** Outstanding attempts per target slot. */
  private outstanding: number[] = [];
  private slotOfNode = new Map<number, number>();
  private cursor = 0;
  private readonly pickRng: RandomStream;

  constructor(index: number, spec: BalancerSpec, seed: number) {
    super(index, spec, seed);
    this.spec = spec;
    this.pickRng = streamFor(seed, spec.id, 'pick');
    this.propagatesDeadline = true; // a proxy passes on the deadline it was given
  }

  plan(ctx: PlanContext): void {
    this.targetIndices = this.spec.targets.map((id) => ctx.nodeIndex(id));
    this.routes = this.spec.targets.map((id) => ctx.routeBetween(this.spec.id, id));
    this.outstanding = this.spec.targets.map(() => 0);
    this.targetIndices.forEach((node, slot) => this.slotOfNode.set(node, slot));
    const plan = stepPlan(-1, null, this.spec.timeoutMs, this.spec.retry);
    this.plansByClass = Array.from({ length: ctx.classCount }, () => [plan]);
  }

  override bind(nodes: readonly NodeRuntime[]): void {
    this.targets = this.targetIndices.map((i) => nodes[i]);
  }

  receive(sim: KindContext, call: Call): void {
    if (!this.acceptArrival(sim, call)) return;
    this.stats.inService++;
    call.step = 0;
    call.stepAttempts = 0;
    sim.runSteps(call);
  }

  finishJob(sim: KindContext, call: Call, result: number): void {
    this.stats.touch(sim.nowMs, sim.warmupMs);
    this.stats.inService--;
    this.recordDeparture(sim, call, result);
    sim.respond(call, result);
  }

  override pickTarget(sim: KindContext, _job: Call): number {
    const slot = this.pickSlot(sim.nowMs);
    return slot < 0 ? -1 : this.targetIndices[slot];
  }

  override routeTo(target: number): Route | null {
    const slot = this.slotOfNode.get(target);
    return slot === undefined ? null : this.routes[slot];
  }

  override attemptStarted(_job: Call, target: number): void {
    const slot = this.slotOfNode.get(target);
    if (slot !== undefined) this.outstanding[slot]++;
  }

  override attemptEnded(_job: Call, target: number): void {
    const slot = this.slotOfNode.get(target);
    if (slot !== undefined) this.outstanding[slot]--;
  }

  override crash(sim: KindContext): void {
    if (this.down) return;
    const active = this.goDown(sim); // a balancer's jobs only ever wait on their forwarded attempt
    this.stats.inService -= active.length;
    for (const call of active) {
      sim.abandonAttempt(call);
      this.recordDeparture(sim, call, R_NODE_DOWN);
    }
    for (const call of active) sim.respond(call, R_NODE_DOWN);
  }

  private usable(slot: number, nowMs: number): boolean {
    return !this.targets[slot].seenDown(nowMs, this.spec.detectAfterMs);
  }

  private pickSlot(nowMs: number): number {
    const n = this.targets.length;
    switch (this.spec.policy) {
      case 'roundRobin':
        for (let i = 0; i < n; i++) {
          const slot = (this.cursor + i) % n;
          if (this.usable(slot, nowMs)) {
            this.cursor = (slot + 1) % n;
            return slot;
          }
        }
        return -1;
      case 'random':
        return this.randomUsable(nowMs, -1);
      case 'leastOutstanding': {
        let best = -1;
        for (let slot = 0; slot < n; slot++) {
          if (this.usable(slot, nowMs) && (best < 0 || this.outstanding[slot] < this.outstanding[best])) best = slot;
        }
        return best;
      }
      case 'powerOfTwo': {
        const first = this.randomUsable(nowMs, -1);
        if (first < 0) return -1;
        const second = this.randomUsable(nowMs, first);
        if (second < 0) return first;
        return this.outstanding[second] < this.outstanding[first] ? second : first;
      }
    }
  }

  /** A uniformly chosen usable slot other than `except`, or -1. */
  private randomUsable(nowMs: number, except: number): number {
    let count = 0;
    for (let slot = 0; slot < this.targets.length; slot++) if (slot !== except && this.usable(slot, nowMs)) count++;
    if (count === 0) return -1;
    let k = this.pickRng.below(count);
    for (let slot = 0; slot < this.targets.length; slot++) {
      if (slot === except || !this.usable(slot, nowMs)) continue;
      if (k-- === 0) return slot;
    }
    return -1;
  }
}
