import type { RunReport } from '../../src/engine/report-types';

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * DESIGN.md §2's conservation invariant, plus the same for links. Returns the violations
 * (empty when everything balances) so a failing test says which entity leaked.
 */
export function conservationViolations(report: RunReport): string[] {
  const problems: string[] = [];
  for (const [id, c] of Object.entries(report.clients)) {
    const accounted = c.succeeded + sum(c.failed) + c.inFlight;
    if (c.generated !== accounted) problems.push(`client ${id}: generated ${c.generated} ≠ succeeded ${c.succeeded} + failed ${sum(c.failed)} + in flight ${c.inFlight}`);
    if (c.inFlight < 0) problems.push(`client ${id}: negative in flight ${c.inFlight}`);
  }
  for (const [id, n] of Object.entries(report.nodes)) {
    const accounted = n.completed + sum(n.dropped) + n.queued + n.inService;
    if (n.arrived !== accounted) problems.push(`node ${id}: arrived ${n.arrived} ≠ completed ${n.completed} + dropped ${sum(n.dropped)} + queued ${n.queued} + in service ${n.inService}`);
    if (n.queued < 0 || n.inService < 0) problems.push(`node ${id}: negative queue ${n.queued} or in service ${n.inService}`);
  }
  for (const [id, l] of Object.entries(report.links)) {
    for (const [name, d] of [['forward', l.forward], ['back', l.back]] as const) {
      const accounted = d.delivered + sum(d.dropped) + d.inTransit;
      if (d.sent !== accounted) problems.push(`link ${id} ${name}: sent ${d.sent} ≠ delivered ${d.delivered} + dropped ${sum(d.dropped)} + in transit ${d.inTransit}`);
    }
  }
  return problems;
}
