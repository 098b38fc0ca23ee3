import { describe, expect, it } from 'vitest';
import { runToEnd, type RunReport } from '../../src/engine';
import { parseScenario } from '../../src/scenario';

function run(doc: Record<string, unknown>): RunReport {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return runToEnd(parsed.spec);
}

/** A client at a constant 10/s through `api` to `db`; a probe checks `db` from beside `api`. */
function system(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'faultline.scenario/v1',
    name: 'probe system',
    duration: '120s',
    sampleEvery: '1s',
    nodes: [
      { id: 'users', kind: 'client', rate: 10, arrival: 'constant', target: 'api', timeout: '1s' },
      { id: 'api', kind: 'service', workers: 'unbounded', serviceTime: '5ms', calls: [{ to: 'db', timeout: '500ms' }] },
      { id: 'db', kind: 'database', workers: 'unbounded', serviceTime: '5ms' },
    ],
    links: [
      { id: 'users-api', from: 'users', to: 'api', latency: '1ms' },
      { id: 'api-db', from: 'api', to: 'db', latency: '1ms' },
    ],
    ...extra,
  };
}

describe('a threshold alert on a deterministic metric', () => {
  it('fires at exactly the sample where the metric crossed, held for `for`, and clears at the sample it fell back', () => {
    const report = run(
      system({
        faults: [{ at: '30s', for: '20s', target: 'users', action: 'setRate', rate: 30 }],
        alerts: [{ name: 'busy', severity: 'info', target: 'users', metric: 'generated', above: 15, for: '5s' }],
      }),
    );
    const generated = report.series.clients.users.generated;
    const t = report.series.t;
    const crossing = generated.findIndex((g) => g > 15);
    const back = generated.findIndex((g, i) => i > crossing && g <= 15);
    // constant arrivals: 10 per second, then 30 from the setRate at 30 s until it reverts at 50 s
    expect(t[crossing]).toBe(31_000);
    expect(t[back]).toBe(51_000);
    // held for 5 s: the interval 30–31 s is the first above, so 5 s are complete at 35 s
    expect(report.alerts).toEqual([{ name: 'busy', severity: 'info', firings: [{ firedAtMs: t[crossing] + 4000, clearedAtMs: t[back] }] }]);
    const firing = report.series.alerts?.busy.firing ?? [];
    expect(firing.filter((f) => f === 1).length).toBe((t[back] - (t[crossing] + 4000)) / 1000);
  });
});

describe('probes', () => {
  it('are recorded apart: the users see the same run with and without one, and the target counts the probes on top', () => {
    const without = run(system());
    const probeDoc = { probes: [{ id: 'db-probe', target: 'db', via: 'api', every: '10s', timeout: '2s' }] };
    const withProbe = run(system(probeDoc));
    expect(withProbe.clients).toEqual(without.clients);
    expect(withProbe.series.clients).toEqual(without.series.clients);
    const probe = withProbe.probes?.['db-probe'];
    expect(probe?.sent).toBe(12); // every 10 s over 120 s, the first within [0, 10 s)
    expect(probe?.succeeded).toBe(12);
    expect(withProbe.nodes.db.arrived).toBe(without.nodes.db.arrived + 12);
    expect(without.probes).toBeUndefined();
    expect(without.alerts).toBeUndefined();
    expect(without.detection).toBeUndefined();
    expect(Object.keys(without.series)).toEqual(['intervalMs', 't', 'nodes', 'clients', 'links']);
  });

  it('detect a down link within [0, interval + timeout + one sample] over many seeds, half an interval late on average', () => {
    const everyMs = 60_000;
    const timeoutMs = 5_000;
    const sampleMs = 1000;
    const faultAtMs = 600_000;
    const delays: number[] = [];
    for (let seed = 1; seed <= 120; seed++) {
      const report = run({
        format: 'faultline.scenario/v1',
        name: 'probe delay',
        seed,
        duration: '15m',
        sampleEvery: '1s',
        nodes: [
          { id: 'edge', kind: 'service', workers: 'unbounded', serviceTime: 0 },
          { id: 'origin', kind: 'service', workers: 'unbounded', serviceTime: '1ms' },
        ],
        links: [{ id: 'edge-origin', from: 'edge', to: 'origin', latency: '5ms' }],
        faults: [{ at: '10m', target: 'edge-origin', action: 'down' }],
        probes: [{ id: 'ping', target: 'origin', via: 'edge', every: '1m', timeout: '5s' }],
        alerts: [{ name: 'origin unreachable', target: 'ping', failures: 1 }],
      });
      const firings = report.alerts?.[0].firings ?? [];
      expect(firings).toHaveLength(1);
      delays.push(firings[0].firedAtMs - faultAtMs);
    }
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(everyMs + timeoutMs + sampleMs);
    }
    // the uniform phase: the next probe after the cut comes on average half an interval later
    // (a probe into a link seen down fails at once; the alert waits for the sample's end: + ½ s)
    const mean = delays.reduce((a, b) => a + b, 0) / delays.length;
    const expected = everyMs / 2 + sampleMs / 2;
    const standardError = everyMs / Math.sqrt(12) / Math.sqrt(delays.length);
    expect(Math.abs(mean - expected)).toBeLessThan(3 * standardError);
    // and spread over the interval, not stuck at one phase
    expect(Math.max(...delays) - Math.min(...delays)).toBeGreaterThan(everyMs * 0.8);
  });
});

describe('time to detect', () => {
  it('names, per fault, when users were first hurt, the first alert, and the difference', () => {
    const report = run(
      system({
        duration: '10m',
        faults: [{ at: '3m', for: '3m', target: 'api-db', action: 'down' }],
        probes: [{ id: 'db-probe', target: 'db', via: 'api', every: '1m', timeout: '5s' }],
        alerts: [
          { name: 'db probe', target: 'db-probe', failures: 1 },
          { name: 'users SLO', target: 'users', slo: { objective: 0.999, windows: [{ long: '1h', short: '5m', factor: 14.4 }] } },
        ],
      }),
    );
    const [d] = report.detection ?? [];
    // constant 10/s: each interval holds 10 outcomes; the first failures time out 1 s after the cut
    const t = report.series.t;
    const good = report.series.clients.users.goodput;
    const outcomes = t.map((_, i) => report.series.clients.users.succeeded[i] + report.series.clients.users.failed[i]);
    const firstBad = t.findIndex((time, i) => time > 180_000 && outcomes[i] > 0 && good[i] / outcomes[i] < 0.999);
    expect(d.impactStartMs).toBe(t[firstBad]);
    const first = [...(report.alerts ?? [])].map((a) => ({ name: a.name, at: a.firings[0]?.firedAtMs ?? Infinity })).sort((a, b) => a.at - b.at)[0];
    expect(d.firstAlert).toBe(first.name);
    expect(d.firstAlertAtMs).toBe(first.at);
    expect(d.detectMs).toBe(first.at - t[firstBad]);
    expect(d.label).toBe('api-db down at 3m');
  });
});
