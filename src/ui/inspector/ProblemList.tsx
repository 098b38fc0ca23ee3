/** Every problem in the document, each a button that selects the node or link it is about. */
import { useGraphStore } from '../../store/graph-store.ts';
import { selectionActions } from '../../store/selection-store.ts';

export function ProblemList() {
  const validation = useGraphStore((s) => s.validation);
  const empty = useGraphStore((s) => s.document.nodes.length === 0);
  if (empty) return <p className="fl-field__hint">The canvas is empty: drag a component onto it from the left (or press one) to begin.</p>;
  const faultCount = [...validation.faults.values()].reduce((n, list) => n + list.length, 0);
  if (validation.errorCount + validation.warningCount === 0) return <p className="fl-status-ok">No problems: the scenario runs.</p>;
  const rows: { key: string; where: string; text: string; severity: string; select?: () => void }[] = [];
  for (const [id, issues] of validation.nodes) {
    for (const [i, issue] of issues.entries()) rows.push({ key: `n${id}${i}`, where: id, text: `${issue.field ? `${issue.field}: ` : ''}${issue.message}`, severity: issue.severity, select: () => selectionActions.select([id]) });
  }
  for (const [id, issues] of validation.links) {
    for (const [i, issue] of issues.entries()) rows.push({ key: `l${id}${i}`, where: id, text: `${issue.field ? `${issue.field}: ` : ''}${issue.message}`, severity: issue.severity, select: () => selectionActions.select([], [id]) });
  }
  return (
    <section aria-labelledby="fl-problems-title" className="fl-problems">
      <h3 id="fl-problems-title">
        {validation.errorCount > 0 ? `${validation.errorCount} problem${validation.errorCount === 1 ? '' : 's'}: the scenario cannot run` : `${validation.warningCount} warning${validation.warningCount === 1 ? '' : 's'}`}
      </h3>
      <ul>
        {rows.map((row) => (
          <li key={row.key} data-severity={row.severity}>
            <button type="button" className="fl-link-button" onClick={row.select}>{row.where}</button> {row.text}
          </li>
        ))}
        {faultCount > 0 && <li data-severity="error">{faultCount} in the fault timeline</li>}
      </ul>
    </section>
  );
}
