/** The parser's messages for one field, under it; the input points at them with aria-describedby. */
import type { FieldIssue } from '../../../store/graph/validation-index.ts';

export function FieldMessages({ id, issues }: { id: string; issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul className="fl-field__messages" id={id}>
      {issues.map((issue, i) => (
        <li key={i} data-severity={issue.severity}>{issue.message}</li>
      ))}
    </ul>
  );
}
