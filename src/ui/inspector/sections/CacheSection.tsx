/** Inspector fields of kind "cache" (docs/format.md § cache). */
import type { SectionProps } from './ClientSection.tsx';
import { inputId } from '../fields/binding.ts';
import { CheckField } from '../fields/CheckField.tsx';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';
import { RetryFields } from './RetryFields.tsx';

export function CacheSection({ node, document, binding }: SectionProps) {
  const linked = [...new Set(document.links.filter((l) => l.from === node.id).map((l) => l.to))];
  const backend = typeof node.backend === 'string' ? node.backend : '';
  const choices = backend && !linked.includes(backend) ? [...linked, backend] : linked;
  const id = inputId(binding, ['backend']);
  const issues = binding.issues(['backend']);
  return (
    <>
      <div className="fl-field">
        <label htmlFor={id} className="fl-field__label">Backend (read on a miss)</label>
        <select id={id} value={backend} aria-invalid={issues.length > 0 || undefined} aria-describedby={issues.length ? `${id}-messages` : undefined} onChange={(e) => binding.set(['backend'], e.target.value || undefined)}>
          <option value="">{choices.length ? '— choose —' : '— connect a link first —'}</option>
          {choices.map((to) => (
            <option key={to} value={to}>{to}{linked.includes(to) ? '' : ' (no link)'}</option>
          ))}
        </select>
        <FieldMessages id={`${id}-messages`} issues={issues} />
      </div>
      <TextField binding={binding} path={['ttl']} label="TTL (fresh for)" kind="duration" />
      <TextField binding={binding} path={['ttlJitter']} label="TTL jitter (± share, 0–1)" kind="number" />
      <TextField binding={binding} path={['keys']} label="Keys (distinct)" kind="number" />
      <TextField binding={binding} path={['popularity', 'zipf']} label="Popularity (Zipf exponent)" kind="number" hint="0 = every key equally likely; larger = more skewed." />
      <TextField binding={binding} path={['capacity']} label="Capacity (entries)" kind="countOrNull" />
      <TextField binding={binding} path={['hitTime']} label="Hit time" kind="duration" />
      <TextField binding={binding} path={['negativeTtl']} label="Negative TTL (failures kept)" kind="duration" />
      <TextField binding={binding} path={['staleWhileRevalidate']} label="Serve stale while revalidating" kind="duration" />
      <CheckField binding={binding} path={['coalesce']} label="Coalesce misses (single flight)" />
      <CheckField binding={binding} path={['warm']} label="Start warm" />
      <TextField binding={binding} path={['timeout']} label="Backend timeout per attempt" kind="duration" absent="none" />
      <RetryFields binding={binding} path={[]} />
    </>
  );
}
