/** Inspector fields of kind "client" (docs/format.md § client). */
import type { DocumentNode, ScenarioDocument } from '../../../store/graph-store.ts';
import { graphActions } from '../../../store/graph-store.ts';
import type { FieldBinding } from '../fields/binding.ts';
import { CheckField } from '../fields/CheckField.tsx';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { DistributionField } from '../fields/DistributionField.tsx';
import { TextField } from '../fields/TextField.tsx';
import { ClassesFields } from './ClassesFields.tsx';
import { RetryFields } from './RetryFields.tsx';
import { TargetField } from './TargetField.tsx';
import { ClientAuthFields } from './TokenFields.tsx';

export interface SectionProps {
  node: DocumentNode;
  document: ScenarioDocument;
  binding: FieldBinding;
}

export function ClientSection({ node, document, binding }: SectionProps) {
  const closed = node.users !== undefined && node.rate === undefined;
  const setLoop = (loop: string) => {
    // One edit: the two loops' fields exclude each other (the parser says so otherwise).
    const { rate: _rate, arrival: _arrival, users: _users, think: _think, ...rest } = node;
    const next = loop === 'closed' ? { ...rest, users: 10 } : { ...rest, rate: 10, arrival: 'poisson' };
    graphActions.setNodeField(node.id, [], next);
  };
  return (
    <>
      <div className="fl-field">
        <label htmlFor={`${binding.key}-loop`} className="fl-field__label">Load</label>
        <select id={`${binding.key}-loop`} value={closed ? 'closed' : 'open'} onChange={(e) => setLoop(e.target.value)}>
          <option value="open">open loop: a rate of requests</option>
          <option value="closed">closed loop: users who wait, then think</option>
        </select>
      </div>
      {closed ? (
        <>
          <TextField binding={binding} path={['users']} label="Users" kind="number" />
          <DistributionField binding={binding} path={['think']} label="Think time" />
        </>
      ) : (
        <>
          <TextField binding={binding} path={['rate']} label="Rate (requests/s)" kind="number" />
          <ChoiceField binding={binding} path={['arrival']} label="Arrivals" options={['poisson', 'constant']} />
        </>
      )}
      <TargetField node={node} document={document} binding={binding} />
      <TextField binding={binding} path={['timeout']} label="Timeout per attempt" kind="duration" absent="none" />
      <TextField binding={binding} path={['deadline']} label="Deadline per request" kind="duration" absent="none" hint="Retries included." />
      <CheckField binding={binding} path={['propagateDeadline']} label="Send the deadline with each request" />
      <RetryFields binding={binding} path={[]} />
      <ClassesFields node={node} binding={binding} />
      <ClientAuthFields node={node} document={document} binding={binding} />
    </>
  );
}
