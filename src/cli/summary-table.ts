import type { ReasonCounts, RunReport } from '../engine/index.ts';
import { formatGrouped, formatPercent, formatTableLatencyMs } from '../format/numbers.ts';

/** The run as readable tables: the numbers a person checks first. */
export function formatSummary(report: RunReport, options: { timing: boolean } = { timing: true }): string {
  const out: string[] = [];
  const seconds = (report.simulatedMs / 1000).toFixed(1);
  const wall = options.timing ? ` in ${report.wallMs.toFixed(0)} ms` : '';
  out.push(`${report.scenario} — seed ${report.seed}, ${seconds} s simulated, ${report.events.toLocaleString('en-US')} events${wall}`);
  if (report.warmupMs > 0) out.push(`(means and percentiles after a ${(report.warmupMs / 1000).toFixed(0)} s warm-up)`);

  const clients = Object.entries(report.clients);
  if (clients.length > 0) {
    out.push('', 'Clients');
    out.push(
      table(
        ['client', 'generated', 'succeeded', 'goodput', 'failed', 'in flight', 'attempts/req', 'mean', 'p50', 'p99'],
        clients.map(([id, c]) => [id, count(c.generated), count(c.succeeded), count(c.goodput), failures(c.failed), count(c.inFlight), c.retryAmplification.toFixed(2), ms(c.latencyMs.mean), ms(c.latencyMs.p50), ms(c.latencyMs.p99)]),
      ),
    );
  }
  const nodes = Object.entries(report.nodes);
  if (nodes.length > 0) {
    out.push('', 'Nodes');
    out.push(
      table(
        ['node', 'kind', 'arrived', 'completed', 'dropped', 'util', 'mean queue', 'mean', 'p50', 'p99'],
        nodes.map(([id, n]) => [id, n.kind, count(n.arrived), count(n.completed), failures(n.dropped), n.utilization === null ? '—' : `${(n.utilization * 100).toFixed(1)}%`, n.meanQueueLength.toFixed(2), ms(n.latencyMs.mean), ms(n.latencyMs.p50), ms(n.latencyMs.p99)]),
      ),
    );
  }
  const resilience = resilienceRows(report);
  if (resilience.length > 0) {
    out.push('', 'Retries, breakers and wasted work');
    out.push(table(['caller', 'retries sent', 'refused (budget)', 'refused (breaker)', 'circuits', 'shed', 'wasted work'], resilience));
  }
  const validators = Object.entries(report.nodes).filter(([, n]) => n.auth !== undefined);
  if (validators.length > 0) {
    out.push('', 'Tokens and keys');
    out.push(
      table(
        ['validator', 'replicas', 'trusted by all', 'rejecting now', 'ever rejecting', 'accepted', 'rejected', 'key-set fetches'],
        validators.map(([id, n]) => {
          const a = n.auth!;
          const rejected = a.rejectedUntrustedKey + a.rejectedExpired + a.rejectedNoToken;
          return [id, count(a.replicas), a.trustedByAllReplicas.join(' ') || '(none)', percent(a.rejectingShare), percent(a.everRejectingShare), count(a.accepted), count(rejected), count(a.keysetFetches)];
        }),
      ),
    );
  }
  const caches = Object.entries(report.nodes).filter(([, n]) => n.cache !== undefined);
  if (caches.length > 0) {
    out.push('', 'Caches');
    out.push(
      table(
        ['cache', 'hit ratio', 'hits', 'stale', 'misses', 'coalesced', 'negative hits', 'backend fetches', 'evictions'],
        caches.map(([id, n]) => {
          const c = n.cache!;
          return [id, percent(c.hitRatio), count(c.hits), count(c.stale), count(c.misses), count(c.coalesced), count(c.negativeHits), count(c.fetches), count(c.evictions)];
        }),
      ),
    );
  }
  const links = Object.entries(report.links);
  if (links.length > 0) {
    out.push('', 'Links');
    out.push(
      table(
        ['link', 'sent', 'delivered', 'dropped', 'util', 'delay →'],
        links.map(([id, l]) => [id, count(l.sent), count(l.delivered), failures(l.dropped), `${(l.utilization * 100).toFixed(1)}%`, ms(l.forward.meanDelayMs)]),
      ),
    );
  }
  out.push(...monitoringTables(report));
  return out.join('\n');
}

/** Probes, alerts and, per fault, user impact start, first alert and time to detect (issue 13). */
function monitoringTables(report: RunReport): string[] {
  const out: string[] = [];
  const probes = Object.entries(report.probes ?? {});
  if (probes.length > 0) {
    out.push('', 'Probes');
    out.push(
      table(
        ['probe', 'target', 'via', 'every', 'sent', 'succeeded', 'failed', 'mean'],
        probes.map(([id, p]) => [id, p.target, p.via, clock(p.everyMs), count(p.sent), count(p.succeeded), failures(p.failed), ms(p.latencyMs.mean)]),
      ),
    );
  }
  if (report.alerts !== undefined) {
    out.push('', 'Alerts');
    out.push(
      table(
        ['alert', 'severity', 'fired', 'first fired', 'firing at the end'],
        report.alerts.map((a) => [a.name, a.severity, `${a.firings.length}×`, a.firings.length > 0 ? `at ${clock(a.firings[0].firedAtMs)}` : 'never', a.firings.at(-1)?.clearedAtMs === null ? 'yes' : 'no']),
      ),
    );
  }
  if (report.detection !== undefined && report.detection.length > 0) {
    out.push('', 'Time to detect');
    out.push(
      table(
        ['fault', 'user impact from', 'first alert', 'at', 'time to detect'],
        report.detection.map((d) => [
          d.label,
          d.impactStartMs === null ? 'no impact' : clock(d.impactStartMs),
          d.firstAlert ?? 'not detected',
          d.firstAlertAtMs === null ? '—' : clock(d.firstAlertAtMs),
          d.detectMs === null ? (d.firstAlert === null ? 'not detected' : '—') : d.detectMs < 0 ? `${clock(-d.detectMs)} before impact` : clock(d.detectMs),
        ]),
      ),
    );
  }
  return out;
}

/** A simulated time as "1h 02m 05s", "3m 20s", "45s" (sub-second times as "250 ms"). */
function clock(timeMs: number): string {
  if (timeMs < 1000 && timeMs !== 0) return `${Math.round(timeMs)} ms`;
  const total = Math.round(timeMs / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n: number): string => String(n).padStart(2, '0');
  if (h > 0) return `${h}h ${two(m)}m ${two(s)}s`;
  if (m > 0) return `${m}m ${two(s)}s`;
  return `${s}s`;
}

/** Rows only for callers and nodes where a mechanism did something. */
function resilienceRows(report: RunReport): string[][] {
  const rows: string[][] = [];
  for (const [id, c] of Object.entries(report.clients)) {
    const r = c.retries;
    if (r.sent + r.refusedByBudget + r.refusedByBreaker > 0) rows.push([id, count(r.sent), count(r.refusedByBudget), count(r.refusedByBreaker), '—', '—', '—']);
  }
  for (const [id, n] of Object.entries(report.nodes)) {
    const r = n.retries;
    const circuits = Object.entries(n.circuits).map(([to, c]) => `→${to} ${c.state}, opened ${c.opened}×`);
    const wasted = n.wastedShare ?? 0;
    const shed = n.dropped.shed ?? 0;
    if (r.sent + r.refusedByBudget + r.refusedByBreaker + circuits.length + shed + wasted === 0) continue;
    rows.push([id, count(r.sent), count(r.refusedByBudget), count(r.refusedByBreaker), circuits.join('; ') || '—', count(shed), `${(wasted * 100).toFixed(1)}%`]);
  }
  return rows;
}

function failures(counts: ReasonCounts): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([reason, n]) => `${count(n)} ${reason}`);
  return parts.length === 0 ? '0' : parts.join(', ');
}

const percent = (share: number) => formatPercent(share);
const count = formatGrouped;
const ms = formatTableLatencyMs;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}
