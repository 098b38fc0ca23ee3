/** A call's `to`: one of the nodes this station has a link to. */
import { inputId, type FieldBinding } from '../fields/binding.ts';
import { FieldMessages } from '../fields/FieldMessages.tsx';

export function CallTargetField({ binding, index, linked }: { binding: FieldBinding; index: number; linked: readonly string[] }) {
  const path = ['calls', index, 'to'];
  const id = inputId(binding, path);
  const value = binding.get(path);
  const current = typeof value === 'string' ? value : '';
  const choices = current && !linked.includes(current) ? [...linked, current] : linked;
  const issues = binding.issues(path);
  return (
    <div className="fl-field">
      <label htmlFor={id} className="fl-field__label">Calls node</label>
      <select id={id} value={current} aria-invalid={issues.length > 0 || undefined} aria-describedby={issues.length ? `${id}-messages` : undefined} onChange={(e) => binding.set(path, e.target.value)}>
        {current === '' && <option value="">— choose —</option>}
        {choices.map((to) => (
          <option key={to} value={to}>{to}{linked.includes(to) ? '' : ' (no link)'}</option>
        ))}
      </select>
      <FieldMessages id={`${id}-messages`} issues={issues} />
    </div>
  );
}
