/**
 * "Download CSV": the series the worker has recorded so far, every node, client and link, in
 * the CLI's columns (src/share/series-csv.ts): `t_ms`, then `<group>.<id>.<metric>`.
 */
import { seriesToCsv } from '../../share/series-csv.ts';
import { useGraphStore } from '../../store/graph-store.ts';
import { simulationHost } from '../../store/simulation-worker.ts';
import { downloadText, fileStem } from './download.ts';

export async function downloadMetricsCsv(): Promise<void> {
  const notify = (text: string) => useGraphStore.setState({ notice: { tone: 'error', text } });
  try {
    const report = await simulationHost().getReport();
    if (!report) return notify('No metrics to download: the scenario has not loaded into the simulator (see its problems).');
    downloadText(`${fileStem(useGraphStore.getState().document.name)}-metrics.csv`, seriesToCsv(report.series), 'text/csv');
  } catch (error) {
    notify(`The metrics could not be exported: ${String(error)}.`);
  }
}
