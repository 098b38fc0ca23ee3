import type { LinkRuntime } from './link.ts';
import type { EngineState } from './engine-state.ts';
import type { FaultApply, KindContext, Revert } from './kind-context.ts';
import type { NodeRuntime } from './kinds/node-runtime.ts';
import { EV_FAULT } from './events.ts';
import { faultTargets } from './fault-targets.ts';
import type { FaultSpec, LinkDirectionSpec } from './spec.ts';


/**
 * Timed and live faults. Applying a fault returns how to undo it; a fault with a finite `forMs`
 * is undone that long after it was applied, restoring what was there before.
 */
export class FaultRunner {
  private readonly faults: FaultSpec[] = [];
  private readonly reverts: (Revert[] | null)[] = [];

  constructor(private readonly sim: EngineState) {}

  scheduleAll(faults: FaultSpec[]): void {
    for (const fault of faults) {
      const index = this.add(fault);
      if (fault.atMs < this.sim.endMs) this.sim.queue.push(fault.atMs, EV_FAULT, index, 0);
    }
  }

  injectNow(fault: FaultSpec): void {
    this.fire(this.add(fault), false);
  }

  fire(index: number, revert: boolean): void {
    if (revert) {
      for (const undo of this.reverts[index] ?? []) undo();
      this.reverts[index] = null;
      return;
    }
    const fault = this.faults[index];
    this.reverts[index] = this.targets(fault).map((apply) => apply());
    if (fault.forMs !== Infinity) this.sim.queue.push(this.sim.nowMs + fault.forMs, EV_FAULT, index, 1);
  }

  private add(fault: FaultSpec): number {
    this.faults.push(fault);
    this.reverts.push(null);
    return this.faults.length - 1;
  }

  /** One "apply" per affected node or link; "*" means every one the action fits. */
  private targets(fault: FaultSpec): FaultApply[] {
    const sim = this.sim;
    const out: FaultApply[] = [];
    const linkIdx = sim.linkIndex.get(fault.target);
    const nodeIdx = sim.nodeIndex.get(fault.target);
    const links = fault.target === '*' ? sim.links : linkIdx !== undefined ? [sim.links[linkIdx]] : [];
    const nodes = fault.target === '*' ? sim.nodes : nodeIdx !== undefined ? [sim.nodes[nodeIdx]] : [];
    for (const link of links) {
      const apply = linkAction(sim, link, fault);
      if (apply) out.push(apply);
    }
    for (const node of nodes) {
      const apply = nodeFault(sim, node, fault);
      if (apply) out.push(apply);
    }
    return out;
  }
}

/**
 * What `fault` does to `node`, or null: which kinds an action targets is the one table's
 * (fault-targets.ts, the format checks files by it too); what the action does is the kind's own.
 */
export function nodeFault(sim: KindContext, node: NodeRuntime, fault: FaultSpec): FaultApply | null {
  return faultTargets(fault.action, node.kind) ? node.faultAction(sim, fault) : null;
}

function linkAction(sim: EngineState, link: LinkRuntime, fault: FaultSpec): FaultApply | null {
  switch (fault.action) {
    case 'down':
    case 'up': {
      const up = fault.action === 'up';
      return () => {
        const before = link.up;
        link.setUp(up, sim.nowMs);
        return () => link.setUp(before, sim.nowMs);
      };
    }
    case 'degrade':
      return () => {
        const before = { forward: { ...link.spec.forward }, back: { ...link.spec.back } };
        const degrade = (d: LinkDirectionSpec): LinkDirectionSpec => ({
          latency: fault.params.latency ?? d.latency,
          loss: fault.params.loss ?? d.loss,
          capacityPerSec: fault.params.capacityPerSec ?? d.capacityPerSec,
          buffer: d.buffer,
        });
        link.spec.forward = degrade(before.forward);
        link.spec.back = degrade(before.back);
        link.forward.configure(link.spec.forward);
        link.back.configure(link.spec.back);
        return () => {
          link.spec.forward = before.forward;
          link.spec.back = before.back;
          link.forward.configure(before.forward);
          link.back.configure(before.back);
        };
      };
    default:
      return null;
  }
}
