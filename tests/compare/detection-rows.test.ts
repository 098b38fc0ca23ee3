import { describe, expect, it } from 'vitest';
import { compareReports } from '../../src/compare';
import { runToEnd, type ScenarioSpec } from '../../src/engine';
import { parseScenario } from '../../src/scenario';

function spec(probeEvery: string): ScenarioSpec {
  const parsed = parseScenario({
    format: 'faultline.scenario/v1',
    name: 'detect',
    duration: '6m',
    nodes: [
      { id: 'users', kind: 'client', rate: 20, target: 'api', timeout: '1s' },
      { id: 'api', kind: 'service', workers: 'unbounded', serviceTime: '5ms', calls: [{ to: 'db', timeout: '500ms' }] },
      { id: 'db', kind: 'database', workers: 'unbounded', serviceTime: '5ms' },
    ],
    links: [
      { id: 'users-api', from: 'users', to: 'api' },
      { id: 'api-db', from: 'api', to: 'db' },
    ],
    faults: [{ at: '2m', for: '3m', target: 'api-db', action: 'down' }],
    probes: [{ id: 'ping', target: 'db', via: 'api', every: probeEvery, timeout: '2s' }],
    alerts: [{ name: 'db unreachable', target: 'ping', failures: 1 }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.spec;
}

describe('compare: time to detect, A beside B', () => {
  it('shows each fault\'s time to detect and each alert\'s first firing from both reports', () => {
    const a = runToEnd(spec('2m'));
    const b = runToEnd(spec('5s'));
    const rows = compareReports(a, b, spec('2m').faults).rows;
    const detect = rows.find((r) => r.label === 'api-db down at 2m: time to detect');
    const [da] = a.detection ?? [];
    const [db] = b.detection ?? [];
    expect(da.detectMs).not.toBeNull();
    expect(detect).toEqual({ label: 'api-db down at 2m: time to detect', unit: 'seconds', better: 'lower', a: (da.detectMs as number) / 1000, b: (db.detectMs as number) / 1000 });
    // a probe every 5 s finds the dead link within 5 s (+ the 1 s sample); one every 2 min may take up to 2 min
    expect(detect!.b).toBeLessThanOrEqual(6);
    const fired = rows.find((r) => r.label === 'alert "db unreachable": first fired at');
    expect(fired?.a).toBe((a.alerts?.[0].firings[0].firedAtMs as number) / 1000);
    expect(fired?.b).toBe((b.alerts?.[0].firings[0].firedAtMs as number) / 1000);
  });

  it('adds no rows for scenarios without alerts', () => {
    const plain = { ...spec('1m'), alerts: undefined, probes: undefined };
    const report = runToEnd(plain);
    expect(compareReports(report, report, plain.faults).rows.some((r) => r.label.includes('time to detect'))).toBe(false);
  });
});

describe('compare: alert firings for the charts', () => {
  it("each run's firings as spans in order, the same instants the report gives; none for a scenario without alerts", () => {
    const a = runToEnd(spec('2m'));
    const b = runToEnd(spec('5s'));
    const { alerts } = compareReports(a, b, spec('2m').faults);
    const asSpans = (r: typeof a) => (r.alerts ?? []).flatMap((al) => al.firings.map((f) => ({ name: al.name, fromSec: f.firedAtMs / 1000, toSec: f.clearedAtMs === null ? null : f.clearedAtMs / 1000 })));
    expect(alerts).not.toBeNull();
    expect(alerts!.a).toEqual(asSpans(a));
    expect(alerts!.b).toEqual(asSpans(b));
    // the fault is 2m–5m: B's 5 s probe fires within seconds of it and clears after it
    expect(alerts!.b[0].fromSec).toBeGreaterThanOrEqual(120);
    expect(alerts!.b[0].fromSec).toBeLessThanOrEqual(126);
    expect(alerts!.b[0].toSec).toBeGreaterThan(300);
    const plain = { ...spec('1m'), alerts: undefined, probes: undefined };
    const report = runToEnd(plain);
    expect(compareReports(report, report, plain.faults).alerts).toBeNull();
  });
});
