/** A client's `target`: one of the nodes it has a link to (others are listed, marked unlinked). */
import type { DocumentNode, ScenarioDocument } from '../../../store/graph-store.ts';
import { inputId, type FieldBinding } from '../fields/binding.ts';
import { FieldMessages } from '../fields/FieldMessages.tsx';

export function TargetField({ node, document, binding }: { node: DocumentNode; document: ScenarioDocument; binding: FieldBinding }) {
  const id = inputId(binding, ['target']);
  const linked = new Set(document.links.filter((l) => l.from === node.id).map((l) => l.to));
  const current = typeof node.target === 'string' ? node.target : '';
  const choices = [...linked];
  if (current && !linked.has(current)) choices.push(current);
  const issues = binding.issues(['target']);
  return (
    <div className="fl-field">
      <label htmlFor={id} className="fl-field__label">Target</label>
      <select id={id} value={current} aria-invalid={issues.length > 0 || undefined} aria-describedby={issues.length ? `${id}-messages` : undefined} onChange={(e) => binding.set(['target'], e.target.value || undefined)}>
        <option value="">{choices.length ? '— choose —' : '— connect a link first —'}</option>
        {choices.map((to) => (
          <option key={to} value={to}>{to}{linked.has(to) ? '' : ' (no link)'}</option>
        ))}
      </select>
      <FieldMessages id={`${id}-messages`} issues={issues} />
    </div>
  );
}
