import { Sampler } from './distributions';
import { ClientRuntime } from './kinds/client';
import { StationRuntime } from './kinds/station';
import type { Simulation } from './simulation';
import type { DistributionSpec, LinkDirectionSpec } from './spec';

/**
 * Parameters that can change while a run goes on (the editor's "edit while running"). Anything
 * else changes the graph's structure or a node's state machine; hosts apply it by reloading.
 */
export interface NodePatch {
  ratePerSec?: number; // open-loop clients
  timeoutMs?: number; // clients: per attempt
  workers?: number; // stations (Infinity = unbounded)
  serviceTime?: DistributionSpec; // stations
  errorRate?: number; // stations
  queueCapacity?: number; // stations (Infinity = unbounded); a smaller queue keeps what it holds
}

export interface LinkPatch {
  up?: boolean;
  latency?: DistributionSpec;
  capacityPerSec?: number;
  buffer?: number;
  loss?: number;
}

export const PATCHABLE_NODE_FIELDS: readonly (keyof NodePatch)[] = ['ratePerSec', 'timeoutMs', 'workers', 'serviceTime', 'errorRate', 'queueCapacity'];
export const PATCHABLE_LINK_FIELDS: readonly (keyof LinkPatch)[] = ['up', 'latency', 'capacityPerSec', 'buffer', 'loss'];

/** Applies what fits the node's kind; returns the fields it could not apply. */
export function patchNode(sim: Simulation, id: string, patch: NodePatch): string[] {
  const index = sim.nodeIndex.get(id);
  if (index === undefined) return Object.keys(patch);
  const node = sim.nodes[index];
  const rejected: string[] = [];
  for (const [field, value] of Object.entries(patch) as [keyof NodePatch, never][]) {
    if (node instanceof ClientRuntime && field === 'ratePerSec' && node.spec.loop === 'open') node.setRate(sim, value);
    else if (node instanceof ClientRuntime && field === 'timeoutMs') for (const plans of node.plansByClass) for (const p of plans) Object.assign(p, { timeoutMs: value, timeoutLane: -1 });
    else if (node instanceof StationRuntime && field === 'workers') node.setWorkers(sim, value);
    else if (node instanceof StationRuntime && field === 'serviceTime') node.serviceTime = new Sampler(value);
    else if (node instanceof StationRuntime && field === 'errorRate') node.errorRate = value;
    else if (node instanceof StationRuntime && field === 'queueCapacity') node.pools[0].queueSpec.capacity = value;
    else rejected.push(field);
  }
  return rejected;
}

export function patchLink(sim: Simulation, id: string, patch: LinkPatch): string[] {
  const index = sim.linkIndex.get(id);
  if (index === undefined) return Object.keys(patch);
  const link = sim.links[index];
  const { up, ...direction } = patch;
  if (up !== undefined) link.setUp(up, sim.nowMs);
  const apply = (current: LinkDirectionSpec): LinkDirectionSpec => ({
    latency: direction.latency ?? current.latency,
    capacityPerSec: direction.capacityPerSec ?? current.capacityPerSec,
    buffer: direction.buffer ?? current.buffer,
    loss: direction.loss ?? current.loss,
  });
  if (Object.keys(direction).length > 0) {
    link.spec.forward = apply(link.spec.forward);
    link.spec.back = apply(link.spec.back);
    link.forward.configure(link.spec.forward);
    link.back.configure(link.spec.back);
  }
  return [];
}
