// The worker's contract, in Node: the same comlink calls the page makes, over a MessageChannel.
import { proxy, wrap, expose, type Remote } from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/engine/index.ts';
import { parseScenario, parseScenarioText } from '../../src/scenario/index.ts';
import { createSimulationHost, type SimulationHost } from '../../workers/simulation-host.ts';

/** DESIGN.md §3's example: M/M/1 at 80%, shortened. */
function mm1(duration: string) {
  return {
    format: 'faultline.scenario/v1',
    name: 'M/M/1 at 80%',
    seed: 1,
    duration,
    nodes: [
      { id: 'users', kind: 'client', rate: 8, arrival: 'poisson', target: 'api', timeout: '30s', retry: { attempts: 1 } },
      { id: 'api', kind: 'service', workers: 1, queue: { capacity: null, discipline: 'fifo' },
        serviceTime: { dist: 'exponential', mean: '100ms' } },
    ],
    links: [{ id: 'users-api', from: 'users', to: 'api', latency: 0 }],
  };
}

const channels: MessageChannel[] = [];
function connectedHost(): Remote<SimulationHost> {
  const channel = new MessageChannel();
  channels.push(channel);
  expose(createSimulationHost(), channel.port1);
  return wrap<SimulationHost>(channel.port2);
}
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

describe('the simulation worker host', () => {
  it('runs a scenario text to the same report as the engine in Node, wall time aside', async () => {
    const text = JSON.stringify(mm1('2m'));
    const outcome = await connectedHost().run(text);
    const parsed = parseScenario(JSON.parse(text));
    if (!parsed.ok || outcome.status !== 'done') throw new Error(`expected a finished run, got ${outcome.status}`);
    const expected = runToEnd(parsed.spec);
    expect(outcome.report.nodes.api.completed).toBeGreaterThan(700); // ~8/s for 120 s
    expect({ ...outcome.report, wallMs: 0 }).toEqual({ ...expected, wallMs: 0 });
  });

  it('returns the validator’s errors for a bad file, paths included', async () => {
    const text = JSON.stringify({ ...mm1('2m'), duration: 'soon' });
    const outcome = await connectedHost().run(text);
    const expected = parseScenarioText(text);
    if (expected.ok) throw new Error('the validator accepted duration "soon"');
    expect(outcome).toEqual({ status: 'invalid', errors: expected.errors });
    expect(expected.errors.some((e) => e.path.includes('duration'))).toBe(true);
  });

  it('reports monotone progress and stops a long run on cancel', async () => {
    const host = connectedHost();
    const seen: number[] = [];
    let cancelled = false;
    const outcome = await host.run(
      JSON.stringify(mm1('24h')), // ~700,000 requests: far longer than the first progress report
      proxy((simulatedMs: number) => {
        seen.push(simulatedMs);
        if (!cancelled) {
          cancelled = true;
          void host.cancel();
        }
      }),
    );
    expect(outcome.status).toBe('cancelled');
    if (outcome.status !== 'cancelled') return;
    expect(outcome.simulatedMs).toBeGreaterThan(0);
    expect(outcome.simulatedMs).toBeLessThan(24 * 3600_000);
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });
});
