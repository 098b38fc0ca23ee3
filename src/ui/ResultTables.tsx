// A run's totals as three plain tables (nodes, clients, links) until the canvas and charts exist.
import type { RunReport } from '../engine/report-types.ts';
import { formatCount, formatMs, formatRatio, formatShare, sumCounts } from './format.ts';

/** "timeout 12, queueFull 3": the non-zero reasons behind a total, shown on hover. */
function reasons(counts: Record<string, number>): string | undefined {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) => `${reason} ${formatCount(n)}`);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function ResultTables({ report }: { report: RunReport }) {
  const nodes = Object.entries(report.nodes).filter(([, node]) => node.kind !== 'client');
  const clients = Object.entries(report.clients);
  const links = Object.entries(report.links);
  return (
    <section className="results" aria-label="Results">
      <p className="run-summary">
        <strong>{report.scenario}</strong> — seed {report.seed}, {formatMs(report.simulatedMs)} simulated
        {report.warmupMs > 0 ? ` (first ${formatMs(report.warmupMs)} warm-up, not counted)` : ''},{' '}
        {formatCount(report.events)} events in {formatMs(report.wallMs)}
      </p>

      <table>
        <caption>Nodes</caption>
        <thead>
          <tr>
            <th scope="col">node</th><th scope="col" className="text">kind</th><th scope="col">arrived</th>
            <th scope="col">completed</th><th scope="col">dropped</th><th scope="col">mean</th>
            <th scope="col">p50</th><th scope="col">p99</th><th scope="col">utilization</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map(([id, node]) => (
            <tr key={id}>
              <th scope="row">{id}</th>
              <td className="text">{node.kind}</td>
              <td>{formatCount(node.arrived)}</td>
              <td>{formatCount(node.completed)}</td>
              <td title={reasons(node.dropped)}>{formatCount(sumCounts(node.dropped))}</td>
              <td>{formatMs(node.latencyMs.mean)}</td>
              <td>{formatMs(node.latencyMs.p50)}</td>
              <td>{formatMs(node.latencyMs.p99)}</td>
              <td>{formatShare(node.utilization)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <table>
        <caption>Clients</caption>
        <thead>
          <tr>
            <th scope="col">client</th><th scope="col">generated</th><th scope="col">succeeded</th>
            <th scope="col">failed</th><th scope="col">retry amplification</th>
          </tr>
        </thead>
        <tbody>
          {clients.map(([id, client]) => (
            <tr key={id}>
              <th scope="row">{id}</th>
              <td>{formatCount(client.generated)}</td>
              <td>{formatCount(client.succeeded)}</td>
              <td title={reasons(client.failed)}>{formatCount(sumCounts(client.failed))}</td>
              <td>{formatRatio(client.retryAmplification)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {links.length > 0 && (
        <table>
          <caption>Links</caption>
          <thead>
            <tr>
              <th scope="col">link</th><th scope="col">sent</th><th scope="col">delivered</th>
              <th scope="col">drops</th>
            </tr>
          </thead>
          <tbody>
            {links.map(([id, link]) => (
              <tr key={id}>
                <th scope="row">{id}</th>
                <td>{formatCount(link.sent)}</td>
                <td>{formatCount(link.delivered)}</td>
                <td title={reasons(link.dropped)}>{formatCount(sumCounts(link.dropped))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
