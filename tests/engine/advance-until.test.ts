import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine';
import { client, exp, link, queue, scenario, service } from '../support/spec-builder';

/** `advanceUntil`: the engine runs the events before a time, as hosts did one `advance(1)` at a time. */
const spec = () =>
  scenario({
    nodes: [client('users', 'api', { ratePerSec: 80, timeoutMs: 300 }), service('api', { workers: 4, serviceTime: exp(40), queue: queue({ capacity: 20 }) })],
    links: [link('users', 'api')],
    durationMs: 20_000,
    sampleEveryMs: 500,
  });

/** The way the worker used to do it: one event at a time while the next is before the target. */
function oneByOne(sim: Simulation, targetMs: number): void {
  while (!sim.done && sim.queue.peekTimeMs() < targetMs) sim.advance(1);
  if (!sim.done && targetMs >= sim.endMs) sim.advance(1);
}

describe('advanceUntil', () => {
  it('stops before the first event at or after the target, exactly where one-by-one stepping stops', () => {
    const fast = new Simulation(spec());
    const slow = new Simulation(spec());
    for (const targetMs of [0, 1, 1234.5, 5000, 5000, 9999, 15_000]) {
      expect(fast.advanceUntil(targetMs, Infinity)).toBe(true);
      oneByOne(slow, targetMs);
      expect(fast.nowMs).toBe(slow.nowMs);
      expect(fast.eventCount).toBe(slow.eventCount);
      expect(fast.series.rows).toBe(slow.series.rows);
      expect(fast.queue.peekTimeMs()).toBeGreaterThanOrEqual(targetMs);
      expect(fast.nowMs).toBeLessThan(Math.max(targetMs, 1e-9));
    }
    expect(fast.eventCount).toBeGreaterThan(1000);
    expect(fast.done).toBe(false);
  });

  it('returns false while events before the target remain, and goes on where it stopped', () => {
    const sim = new Simulation(spec());
    expect(sim.advanceUntil(10_000, 100)).toBe(false);
    expect(sim.eventCount).toBe(100);
    let calls = 1;
    while (!sim.advanceUntil(10_000, 100)) calls++;
    const reference = new Simulation(spec());
    reference.advanceUntil(10_000, Infinity);
    expect(calls).toBeGreaterThan(5);
    expect(sim.eventCount).toBe(reference.eventCount);
  });

  it('a target at or after the end finishes the run with the same report as running to the end', () => {
    const stepped = new Simulation(spec());
    for (let t = 700; t < 20_000; t += 700) stepped.advanceUntil(t, Infinity);
    expect(stepped.advanceUntil(20_000, Infinity)).toBe(true);
    expect(stepped.done).toBe(true);
    const whole = new Simulation(spec()).runToEnd();
    expect(JSON.stringify(stepped.report())).toBe(JSON.stringify(whole.report()));
  });
});
