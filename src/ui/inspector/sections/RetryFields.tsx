/** A retry policy (clients, calls, balancers): attempts, backoff and jitter, all optional. */
import type { FieldPath } from '../../../store/graph/field-path.ts';
import type { FieldBinding } from '../fields/binding.ts';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';

const JITTERS = ['none', 'full', 'equal', 'decorrelated'] as const;

export function RetryFields({ binding, path }: { binding: FieldBinding; path: FieldPath }) {
  const retry = [...path, 'retry'];
  const backoff = [...retry, 'backoff'];
  return (
    <fieldset className="fl-group">
      <legend>Retry</legend>
      <TextField binding={binding} path={[...retry, 'attempts']} label="Attempts (first included)" kind="number" defaultNote="no retry" />
      <TextField binding={binding} path={[...backoff, 'base']} label="Backoff base" kind="duration" />
      <TextField binding={binding} path={[...backoff, 'cap']} label="Backoff cap" kind="duration" absent="no cap" />
      <TextField binding={binding} path={[...backoff, 'multiplier']} label="Backoff multiplier (×)" kind="number" />
      <ChoiceField binding={binding} path={[...retry, 'jitter']} label="Jitter" options={JITTERS} />
      <FieldMessages id={`${binding.key}-retry-messages`} issues={[...binding.issues(retry), ...binding.issues(backoff)]} />
    </fieldset>
  );
}
