/** A station's downstream calls, made in order after its own service time. */
import type { DocumentNode, ScenarioDocument } from '../../../store/graph-store.ts';
import type { FieldBinding } from '../fields/binding.ts';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';
import { CallTargetField } from './CallTargetField.tsx';
import { CircuitBreakerFields } from './CircuitBreakerFields.tsx';
import { RetryFields } from './RetryFields.tsx';

export function CallsFields({ node, document, binding }: { node: DocumentNode; document: ScenarioDocument; binding: FieldBinding }) {
  const calls = Array.isArray(node.calls) ? (node.calls as unknown[]) : [];
  const linked = [...new Set(document.links.filter((l) => l.from === node.id).map((l) => l.to))];
  const remove = (index: number) => binding.set(['calls'], calls.filter((_, i) => i !== index));
  const move = (index: number, by: number) => {
    const next = [...calls];
    const [call] = next.splice(index, 1);
    next.splice(index + by, 0, call);
    binding.set(['calls'], next);
  };
  const add = () => binding.set(['calls'], [...calls, { to: linked.find((to) => !calls.some((c) => (c as { to?: unknown }).to === to)) ?? linked[0] ?? '' }]);
  return (
    <fieldset className="fl-group">
      <legend>Calls ({calls.length})</legend>
      {calls.length === 0 && <p className="fl-field__hint">No downstream calls. Drag from this node's right handle to another node to add one.</p>}
      {calls.map((_, index) => (
        <details className="fl-call" key={index} open={calls.length <= 2}>
          <summary>
            Call {index + 1}: {String((calls[index] as { to?: unknown }).to ?? '?')}
          </summary>
          <CallTargetField binding={binding} index={index} linked={linked} />
          <TextField binding={binding} path={['calls', index, 'when']} label="Only for classes" kind="names" absent="every class" hint="Class names, separated by commas." />
          <TextField binding={binding} path={['calls', index, 'timeout']} label="Timeout per attempt" kind="duration" absent="none" />
          <RetryFields binding={binding} path={['calls', index]} />
          <CircuitBreakerFields binding={binding} path={['calls', index]} label="This call's own breaker" />
          <div className="fl-actions">
            <button type="button" className="fl-button fl-button--small" disabled={index === 0} onClick={() => move(index, -1)}>Earlier</button>
            <button type="button" className="fl-button fl-button--small" disabled={index === calls.length - 1} onClick={() => move(index, 1)}>Later</button>
            <button type="button" className="fl-button fl-button--small" onClick={() => remove(index)}>Remove call</button>
          </div>
        </details>
      ))}
      <button type="button" className="fl-button fl-button--small" onClick={add} disabled={linked.length === 0}>Add call</button>
      <FieldMessages id={`${binding.key}-calls-messages`} issues={binding.issues(['calls'])} />
    </fieldset>
  );
}
