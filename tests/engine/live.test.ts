import { describe, expect, it } from 'vitest';
import { linkFieldOffset, nodeFieldOffset, Simulation } from '../../src/engine';
import { client, exp, link, queue, scenario, service } from '../support/spec-builder';

const overloaded = () =>
  scenario({
    nodes: [client('users', 'api', { ratePerSec: 50 }), service('api', { workers: 2, queue: queue({ capacity: 40 }), serviceTime: exp(100) })],
    links: [link('users', 'api', {}, { capacityPerSec: 1000, buffer: 10 })],
    durationMs: 120_000,
  });

function runUntil(sim: Simulation, ms: number): void {
  while (sim.queue.peekTimeMs() < ms) sim.advance(1);
}

describe('live state', () => {
  it('reports queue, workers and per-second rates where the layout says', () => {
    const sim = new Simulation(overloaded());
    const layout = sim.liveLayout();
    expect(layout.nodeIds).toEqual(['users', 'api']);
    const out = new Float64Array(layout.length);
    runUntil(sim, 30_000);
    sim.writeLive(out);
    const api = 1;
    expect(out[0]).toBe(sim.nowMs);
    expect(out[nodeFieldOffset(api, 'queued')]).toBe(sim.report().nodes.api.queued);
    expect(out[nodeFieldOffset(api, 'queued')]).toBeGreaterThan(30); // 50/s into 20/s
    expect(out[nodeFieldOffset(api, 'workers')]).toBe(2);
    expect(out[nodeFieldOffset(api, 'queueCapacity')]).toBe(40);
    // rates are the last complete 1 s interval of the series
    const series = sim.report().series;
    expect(out[nodeFieldOffset(api, 'completedPerSec')]).toBe(series.nodes.api.completed.at(-1));
    expect(out[nodeFieldOffset(api, 'droppedPerSec')]).toBe(series.nodes.api.dropped.at(-1));
    expect(out[nodeFieldOffset(0, 'arrivedPerSec')]).toBe(series.clients.users.generated.at(-1));
    expect(out[nodeFieldOffset(0, 'attemptsPerSec')]).toBe(series.clients.users.attempts.at(-1));
    expect(out[nodeFieldOffset(api, 'latencyP99Ms')]).toBe(series.nodes.api.latencyP99Ms.at(-1));
    expect(series.nodes.api.dropped.at(-1)).toBeGreaterThan(10); // ~30/s rejected
    expect(out[linkFieldOffset(2, 0, 'up')]).toBe(1);
    expect(out[linkFieldOffset(2, 0, 'bufferCapacity')]).toBe(10);
  });
});

describe('live patches', () => {
  it('more workers drain the queue; a lower rate lowers arrivals', () => {
    const sim = new Simulation(overloaded());
    runUntil(sim, 30_000);
    const queued = sim.report().nodes.api.queued;
    expect(sim.patchNode('api', { workers: 10 })).toEqual([]);
    expect(sim.report().nodes.api.queued).toBe(queued - 8); // eight new workers took eight jobs at once
    expect(sim.patchNode('users', { ratePerSec: 5 })).toEqual([]);
    const before = sim.report().clients.users.generated;
    runUntil(sim, 90_000);
    const arrivals = sim.report().clients.users.generated - before;
    expect(arrivals).toBeGreaterThan(200); // 5/s × 60 s
    expect(arrivals).toBeLessThan(400);
    expect(sim.report().nodes.api.dropped.queueFull).toBeGreaterThan(0);
  });

  it('a link taken down by a patch loses what it carries; fields a kind lacks are reported back', () => {
    const sim = new Simulation(overloaded());
    runUntil(sim, 10_000);
    sim.patchLink('users-api', { up: false });
    const out = new Float64Array(sim.liveLayout().length);
    sim.writeLive(out);
    expect(out[linkFieldOffset(2, 0, 'up')]).toBe(0);
    runUntil(sim, 20_000);
    expect(sim.report().clients.users.failed.linkDown).toBeGreaterThan(300);
    expect(sim.patchNode('users', { workers: 3 })).toEqual(['workers']);
    expect(sim.patchNode('nobody', { workers: 3 })).toEqual(['workers']);
  });
});
