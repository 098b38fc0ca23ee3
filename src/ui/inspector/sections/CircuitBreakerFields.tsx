/**
 * A circuit breaker (docs/format.md § circuit breaker) on a node (for each of its calls) or on
 * one call. Every field is optional once it exists: `{}` is a breaker with the defaults.
 */
import type { FieldPath } from '../../../store/graph/field-path.ts';
import type { FieldBinding } from '../fields/binding.ts';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';

export function CircuitBreakerFields({ binding, path, label }: { binding: FieldBinding; path: FieldPath; label: string }) {
  const breaker = [...path, 'circuitBreaker'];
  const value = binding.get(breaker);
  const on = typeof value === 'object' && value !== null;
  const id = `${binding.key}-${breaker.join('-')}-on`.replace(/[^A-Za-z0-9_-]/g, '_');
  return (
    <fieldset className="fl-group">
      <legend>{label}</legend>
      <div className="fl-field fl-field--check">
        <input id={id} type="checkbox" checked={on} onChange={(e) => binding.set(breaker, e.target.checked ? {} : undefined)} />
        <label htmlFor={id}>Circuit breaker</label>
      </div>
      {on && (
        <>
          <TextField binding={binding} path={[...breaker, 'failureRatio']} label="Opens at failure share (0–1)" kind="probability" />
          <TextField binding={binding} path={[...breaker, 'minAttempts']} label="…after at least (attempts)" kind="number" />
          <TextField binding={binding} path={[...breaker, 'window']} label="Counted over" kind="duration" />
          <TextField binding={binding} path={[...breaker, 'openFor']} label="Stays open for" kind="duration" />
          <TextField binding={binding} path={[...breaker, 'halfOpenProbes']} label="Half-open probes" kind="number" />
          <TextField binding={binding} path={[...breaker, 'fallback']} label="Fallback node while open" kind="id" absent="none" />
        </>
      )}
      <FieldMessages id={`${id}-messages`} issues={binding.issues(breaker)} />
    </fieldset>
  );
}
