/** The parser's problems with a node or link, as a count with the messages in its title. */
import type { FieldIssue } from '../../../store/graph/validation-index.ts';

export function IssueBadge({ issues }: { issues: readonly FieldIssue[] | undefined }) {
  if (!issues || issues.length === 0) return null;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const text = issues.map((i) => (i.field ? `${i.field}: ${i.message}` : i.message)).join('\n');
  const what = errors > 0 ? `${errors} problem${errors === 1 ? '' : 's'}` : `${issues.length} warning${issues.length === 1 ? '' : 's'}`;
  return (
    <span className="fl-node__issues" data-severity={errors > 0 ? 'error' : 'warning'} title={text} aria-label={what}>
      {errors > 0 ? '!' : '?'} {errors || issues.length}
    </span>
  );
}
