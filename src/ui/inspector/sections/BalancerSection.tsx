/** Inspector fields of kind "balancer" (docs/format.md § balancer). */
import type { SectionProps } from './ClientSection.tsx';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';
import { RetryFields } from './RetryFields.tsx';

const POLICIES = ['roundRobin', 'random', 'leastOutstanding', 'powerOfTwo'] as const;

export function BalancerSection({ node, document, binding }: SectionProps) {
  const targets = Array.isArray(node.targets) ? (node.targets as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  const linked = [...new Set(document.links.filter((l) => l.from === node.id).map((l) => l.to))];
  const all = [...linked, ...targets.filter((t) => !linked.includes(t))];
  const toggle = (to: string, on: boolean) => binding.set(['targets'], on ? [...targets, to] : targets.filter((t) => t !== to));
  return (
    <>
      <ChoiceField binding={binding} path={['policy']} label="Policy" options={POLICIES} />
      <fieldset className="fl-group">
        <legend>Targets</legend>
        {all.length === 0 && <p className="fl-field__hint">Connect the balancer to the nodes behind it.</p>}
        {all.map((to) => (
          <div className="fl-field fl-field--check" key={to}>
            <input id={`${binding.key}-target-${to}`} type="checkbox" checked={targets.includes(to)} onChange={(e) => toggle(to, e.target.checked)} />
            <label htmlFor={`${binding.key}-target-${to}`}>{to}{linked.includes(to) ? '' : ' (no link)'}</label>
          </div>
        ))}
        <FieldMessages id={`${binding.key}-targets-messages`} issues={binding.issuesUnder(['targets'])} />
      </fieldset>
      <TextField binding={binding} path={['detectAfter']} label="Notices a crash after" kind="duration" />
      <TextField binding={binding} path={['timeout']} label="Timeout per attempt" kind="duration" absent="none" />
      <RetryFields binding={binding} path={[]} />
    </>
  );
}
