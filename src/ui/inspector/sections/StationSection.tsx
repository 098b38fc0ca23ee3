/**
 * Inspector fields of kinds "service", "database" and "external" (docs/format.md), and the
 * station fields of "identity" and "keyset": one set of fields, with each kind's defaults (read
 * from src/scenario through the binding) as placeholders. Token validation (`auth`) only where the format allows it. Bulkheads are edited
 * in the node's JSON below the form.
 */
import type { SectionProps } from './ClientSection.tsx';
import { CheckField } from '../fields/CheckField.tsx';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { DistributionField } from '../fields/DistributionField.tsx';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';
import { CallsFields } from './CallsFields.tsx';
import { CircuitBreakerFields } from './CircuitBreakerFields.tsx';
import { ValidatorFields } from './TokenFields.tsx';

/** Kinds that may validate tokens; `auth` on an identity or a key set is an error. */
const VALIDATING = new Set(['service', 'database', 'external']);

export function StationSection({ node, document, binding }: SectionProps) {
  return (
    <>
      <TextField binding={binding} path={['workers']} label="Workers (jobs at once)" kind="workers" hint='A whole number, or "unbounded".' />
      <DistributionField binding={binding} path={['serviceTime']} label="Service time" />
      <fieldset className="fl-group">
        <legend>Queue</legend>
        <TextField binding={binding} path={['queue', 'capacity']} label="Capacity (jobs waiting)" kind="countOrNull" />
        <ChoiceField binding={binding} path={['queue', 'discipline']} label="Discipline" options={['fifo', 'lifo']} />
        <TextField binding={binding} path={['queue', 'maxWait']} label="Max wait" kind="duration" absent="no limit" />
        <FieldMessages id={`${binding.key}-queue-messages`} issues={binding.issues(['queue'])} />
      </fieldset>
      <TextField binding={binding} path={['errorRate']} label="Error rate (0–1 or %)" kind="probability" />
      <TextField binding={binding} path={['slowdownPerInFlight']} label="Slowdown per job in service" kind="duration" />
      <TextField binding={binding} path={['replicas']} label="Replicas (independent instances)" kind="number" hint="Each with its own workers, queue and key-set cache." />
      <CheckField binding={binding} path={['propagateDeadline']} label="Pass deadlines on to calls" />
      <CheckField binding={binding} path={['cancelOnCallerGiveUp']} label="Stop work when the caller gives up" />
      <CallsFields node={node} document={document} binding={binding} />
      <CircuitBreakerFields binding={binding} path={[]} label="Circuit breaker on every call" />
      {VALIDATING.has(node.kind) && <ValidatorFields node={node} document={document} binding={binding} />}
    </>
  );
}
