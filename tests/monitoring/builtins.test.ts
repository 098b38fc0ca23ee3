import { describe, expect, it } from 'vitest';
import { runToEnd, type RunReport } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { findBuiltin } from '../../src/scenarios';

function runBuiltin(id: string): RunReport {
  const parsed = parseScenario(structuredClone(findBuiltin(id)?.scenario));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return runToEnd(parsed.spec);
}

describe('the monitoring built-ins tell the story their guides tell', () => {
  it('redundant-links: a 70% utilisation alert fires long before the cut; both buildings then drop calls', () => {
    const report = runBuiltin('redundant-links');
    const cutAtMs = 45 * 60_000;
    const utilisation = (report.alerts ?? []).filter((a) => a.name.endsWith('above 70%'));
    expect(utilisation).toHaveLength(2);
    const firstUtilisation = Math.min(...utilisation.map((a) => a.firings[0]?.firedAtMs ?? Infinity));
    expect(firstUtilisation).toBe(22 * 60_000 + 40_000); // the guide says 22m40s
    expect(cutAtMs - firstUtilisation).toBeGreaterThan(20 * 60_000);
    const cut = report.detection?.find((d) => d.label === 'cable-1 down at 45m');
    expect(cut?.impactStartMs).toBe(cutAtMs + 10_000);
    expect(cut?.detectMs).toBe(-14 * 60_000); // warned 14 minutes before users were hurt
    for (const building of ['building-a', 'building-b']) expect(report.clients[building].failed.timeout).toBeGreaterThan(10_000);
  });

  it('mfa-outage-2019-monitoring: the queue alert first, 10 s after impact; the probe only at 56 min', () => {
    const report = runBuiltin('mfa-outage-2019-monitoring');
    expect(report.detection).toEqual([
      { fault: 0, label: 'route-to-apns degrade at 10m', atMs: 600_000, impactStartMs: 630_000, firstAlert: 'MFA queue above 100', firstAlertAtMs: 640_000, detectMs: 10_000 },
    ]);
    const firstFiring = (name: string) => report.alerts?.find((a) => a.name === name)?.firings[0]?.firedAtMs;
    expect(firstFiring('Sign-in SLO burn')).toBe(670_000);
    expect(firstFiring('APNs probe failing')).toBe(56 * 60_000);
    expect(report.probes?.['apns-probe'].sent).toBe(21);
  });
});
