import type { LinkDirection } from './link.ts';
import { reasonCounts, REASON_COUNT } from './reasons.ts';
import type { ClientReport, LinkDirectionReport, NodeReport, ProbeReport, RunReport } from './report-types.ts';
import type { EngineState } from './engine-state.ts';

/** The run's results in the public shape of `faultline run --json` (DESIGN.md §4). */
export function buildReport(sim: EngineState, wallMs: number): RunReport {
  const nodes: Record<string, NodeReport> = {};
  const clients: Record<string, ClientReport> = {};
  const probes: Record<string, ProbeReport> = {};
  for (const node of sim.nodes) {
    if (node.reportGroup === 'clients') clients[node.id] = node.summarize(sim) as ClientReport;
    else if (node.reportGroup === 'probes') probes[node.id] = node.summarize(sim) as ProbeReport;
    else nodes[node.id] = node.summarize(sim) as NodeReport;
  }
  const windowMs = Math.max(0, sim.nowMs - sim.warmupMs);
  const links: RunReport['links'] = {};
  for (const link of sim.links) {
    const forward = directionReport(link.forward, windowMs);
    const back = directionReport(link.back, windowMs);
    const dropped = new Float64Array(REASON_COUNT);
    for (let i = 0; i < REASON_COUNT; i++) dropped[i] = link.forward.dropped[i] + link.back.dropped[i];
    links[link.spec.id] = {
      sent: forward.sent + back.sent,
      delivered: forward.delivered + back.delivered,
      dropped: reasonCounts(dropped),
      utilization: Math.max(forward.utilization, back.utilization),
      forward,
      back,
    };
  }
  return {
    scenario: sim.spec.name,
    keys: [...sim.keyNames],
    seed: sim.spec.seed,
    simulatedMs: sim.nowMs,
    warmupMs: sim.warmupMs,
    events: sim.eventCount,
    wallMs,
    nodes,
    clients,
    links,
    series: sim.series.toReport(),
    // only in scenarios that have them: every older report stays as it was
    ...(Object.keys(probes).length > 0 ? { probes } : {}),
    ...(sim.alerts === null ? {} : { alerts: sim.alerts.alertsReport(), detection: sim.alerts.detectionReport() }),
  };
}

function directionReport(d: LinkDirection, windowMs: number): LinkDirectionReport {
  return {
    sent: d.sent,
    delivered: d.delivered,
    dropped: reasonCounts(d.dropped),
    inTransit: d.inTransit,
    utilization: d.limited && windowMs > 0 ? Math.min(1, d.busyMeasuredMs / windowMs) : 0,
    meanDelayMs: d.deliveredMeasured > 0 ? d.delayMeasuredMs / d.deliveredMeasured : 0,
  };
}
