import { ClientRuntime } from './kinds/client';
import { BalancerRuntime } from './kinds/balancer';
import { CacheRuntime } from './kinds/cache';
import { IdentityRuntime } from './kinds/identity';
import { KeysetRuntime } from './kinds/keyset';
import { StationRuntime } from './kinds/station';
import type { LinkRuntime } from './link';
import type { Simulation } from './simulation';
import { EV_FAULT } from './simulation';
import type { FaultSpec, LinkDirectionSpec } from './spec';

type Revert = () => void;

/**
 * Timed and live faults. Applying a fault returns how to undo it; a fault with a finite `forMs`
 * is undone that long after it was applied, restoring what was there before.
 */
export class FaultRunner {
  private readonly faults: FaultSpec[] = [];
  private readonly reverts: (Revert[] | null)[] = [];

  constructor(private readonly sim: Simulation) {}

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
  private targets(fault: FaultSpec): (() => Revert)[] {
    const sim = this.sim;
    const out: (() => Revert)[] = [];
    const linkIdx = sim.linkIndex.get(fault.target);
    const nodeIdx = sim.nodeIndex.get(fault.target);
    const links = fault.target === '*' ? sim.links : linkIdx !== undefined ? [sim.links[linkIdx]] : [];
    const nodes = fault.target === '*' ? sim.nodes : nodeIdx !== undefined ? [sim.nodes[nodeIdx]] : [];
    for (const link of links) {
      const apply = linkAction(sim, link, fault);
      if (apply) out.push(apply);
    }
    for (const node of nodes) {
      const apply = nodeAction(sim, node, fault);
      if (apply) out.push(apply);
    }
    return out;
  }
}

function linkAction(sim: Simulation, link: LinkRuntime, fault: FaultSpec): (() => Revert) | null {
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

function nodeAction(sim: Simulation, node: Simulation['nodes'][number], fault: FaultSpec): (() => Revert) | null {
  const p = fault.params;
  if (node instanceof ClientRuntime) {
    if (fault.action !== 'setRate' || p.ratePerSec === undefined) return null;
    const rate = p.ratePerSec;
    return () => {
      const before = node.ratePerSec;
      node.setRate(sim, rate);
      return () => node.setRate(sim, before);
    };
  }
  const server = node instanceof StationRuntime || node instanceof BalancerRuntime || node instanceof CacheRuntime ? node : null;
  if (server === null) return null;
  switch (fault.action) {
    case 'crash':
    case 'recover': {
      const crash = fault.action === 'crash';
      return () => {
        const wasDown = server.down;
        if (crash) server.crash(sim);
        else server.recover(sim);
        return () => (wasDown ? server.crash(sim) : server.recover(sim));
      };
    }
    default:
      break;
  }
  if (node instanceof CacheRuntime) {
    if (fault.action !== 'flush') return null;
    return () => {
      node.flush();
      return () => {}; // what was flushed stays flushed: `for` has nothing to undo
    };
  }
  if (!(node instanceof StationRuntime)) return null;
  const keyAction = keyFault(sim, node, fault);
  if (keyAction !== undefined) return keyAction;
  switch (fault.action) {
    case 'slow':
      return () => {
        const before = node.slowFactor;
        node.slowFactor = p.factor ?? 1;
        return () => (node.slowFactor = before);
      };
    case 'error':
      return () => {
        const before = node.errorRate;
        node.errorRate = p.errorRate ?? 0;
        return () => (node.errorRate = before);
      };
    case 'setWorkers':
      return () => {
        const before = node.workers;
        node.setWorkers(sim, p.workers ?? before);
        return () => node.setWorkers(sim, before);
      };
    default:
      return null;
  }
}

/**
 * Faults on signing keys: a key set removes, adds or restores keys; an identity provider signs
 * with another key; validators re-fetch the key set at once. `undefined`: not a key fault.
 */
function keyFault(sim: Simulation, node: StationRuntime, fault: FaultSpec): (() => Revert) | null | undefined {
  const key = fault.params.key === undefined ? -1 : sim.keyIndex(fault.params.key);
  switch (fault.action) {
    case 'removeKey':
    case 'addKey':
    case 'restore':
      if (!(node instanceof KeysetRuntime)) return null;
      return () => {
        const before = node.publishedMask;
        if (fault.action === 'restore') node.restore();
        else if (key >= 0 && fault.action === 'removeKey') node.removeKey(key);
        else if (key >= 0) node.addKey(key);
        return () => (node.publishedMask = before);
      };
    case 'setSigningKey':
      if (!(node instanceof IdentityRuntime) || key < 0) return null;
      return () => {
        const before = node.signingKey;
        node.signingKey = key;
        return () => (node.signingKey = before);
      };
    case 'forceRefresh':
      if (node.validator === null) return null;
      return () => {
        node.forceRefresh(sim);
        return () => {}; // a refresh cannot be undone; `for` has nothing to revert
      };
    default:
      return undefined;
  }
}
