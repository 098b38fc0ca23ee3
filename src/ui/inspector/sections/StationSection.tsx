/**
 * Inspector fields of kinds "service", "database" and "external" (docs/format.md), and the
 * station fields of "identity" and "keyset": one set of fields, with each kind's defaults as
 * placeholders. Token validation (`auth`) only where the format allows it. Bulkheads are edited
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

export interface StationDefaults {
  workers: string;
  serviceTime: string;
}

export const STATION_DEFAULT_TEXT: Record<string, StationDefaults> = {
  service: { workers: '1', serviceTime: 'exponential, mean 10ms' },
  database: { workers: '10', serviceTime: 'exponential, mean 5ms' },
  external: { workers: 'unbounded', serviceTime: 'constant 50ms' },
  identity: { workers: '1', serviceTime: 'exponential, mean 10ms' },
  keyset: { workers: 'unbounded', serviceTime: 'constant 5ms' },
};

/** Kinds that may validate tokens; `auth` on an identity or a key set is an error. */
const VALIDATING = new Set(['service', 'database', 'external']);

export function StationSection({ node, document, binding }: SectionProps) {
  const defaults = STATION_DEFAULT_TEXT[node.kind] ?? STATION_DEFAULT_TEXT.service;
  return (
    <>
      <TextField binding={binding} path={['workers']} label="Workers (jobs at once)" kind="workers" placeholder={defaults.workers} hint='A whole number, or "unbounded".' />
      <DistributionField binding={binding} path={['serviceTime']} label="Service time" defaultText={defaults.serviceTime} />
      <fieldset className="fl-group">
        <legend>Queue</legend>
        <TextField binding={binding} path={['queue', 'capacity']} label="Capacity (jobs waiting)" kind="countOrNull" placeholder="unbounded" />
        <ChoiceField binding={binding} path={['queue', 'discipline']} label="Discipline" options={['fifo', 'lifo']} defaultValue="fifo" />
        <TextField binding={binding} path={['queue', 'maxWait']} label="Max wait" kind="duration" placeholder="no limit" />
        <FieldMessages id={`${binding.key}-queue-messages`} issues={binding.issues(['queue'])} />
      </fieldset>
      <TextField binding={binding} path={['errorRate']} label="Error rate (0–1 or %)" kind="probability" placeholder="0" />
      <TextField binding={binding} path={['slowdownPerInFlight']} label="Slowdown per job in service" kind="duration" placeholder="0" />
      <TextField binding={binding} path={['replicas']} label="Replicas (independent instances)" kind="number" placeholder="1" hint="Each with its own workers, queue and key-set cache." />
      <CheckField binding={binding} path={['propagateDeadline']} label="Pass deadlines on to calls" defaultValue={false} />
      <CheckField binding={binding} path={['cancelOnCallerGiveUp']} label="Stop work when the caller gives up" defaultValue={false} />
      <CallsFields node={node} document={document} binding={binding} />
      <CircuitBreakerFields binding={binding} path={[]} label="Circuit breaker on every call" />
      {VALIDATING.has(node.kind) && <ValidatorFields node={node} document={document} binding={binding} />}
    </>
  );
}
