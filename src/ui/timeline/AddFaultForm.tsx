/** Adds a fault to the document: target, action (those that fit the target), its argument, when, for how long. */
import { useId, useState, type FormEvent } from 'react';
import { parseDuration } from '../../scenario/facts.ts';
import { actionsFor } from './fault-actions.ts';
import type { V1Fault } from './FaultTrack.tsx';
import { kindOf, useLiveLayout } from './use-live-layout.ts';

export function AddFaultForm({ defaultTarget, onAdd }: { defaultTarget: string | undefined; onAdd(fault: V1Fault): void }) {
  const layout = useLiveLayout();
  const id = useId();
  const targets = layout ? [...layout.nodeIds, ...layout.linkIds] : [];
  const keyNames = layout?.keyNames ?? [];
  const [chosenTarget, setTarget] = useState('');
  const target = targets.includes(chosenTarget) ? chosenTarget : defaultTarget && targets.includes(defaultTarget) ? defaultTarget : (targets[0] ?? '');
  const actions = actionsFor(kindOf(layout, target) ?? '');
  const [chosenAction, setAction] = useState('');
  const action = actions.find((a) => a.action === chosenAction) ?? actions[0];
  const [argument, setArgument] = useState('');
  const [at, setAt] = useState('30s');
  const [lasts, setLasts] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  /** A new target or action makes the typed argument meaningless. */
  const choose = (setter: (value: string) => void, value: string) => {
    setter(value);
    setArgument('');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!action) return;
    if (parseDuration(at) === null) return setProblem(`"At" needs a duration like 30s, 2m or 1500ms`);
    if (lasts !== '' && !(Number(parseDuration(lasts)) > 0)) return setProblem(`"For" needs a duration above 0, or nothing for a permanent fault`);
    const fault: V1Fault = { at, target, action: action.action };
    if (lasts !== '') fault.for = lasts;
    const arg = action.argument;
    if (arg?.type === 'number') fault[arg.name] = argument === '' ? arg.defaultValue : Number(argument);
    if (arg?.type === 'key') fault[arg.name] = argument || keyNames[0] || '';
    setProblem(null);
    onAdd(fault);
  };

  return (
    <form className="fl-add-fault" onSubmit={submit} aria-label="Add a fault to the scenario">
      <label>
        Target
        <select value={target} onChange={(e) => choose(setTarget, e.target.value)} disabled={targets.length === 0}>
          {targets.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <label>
        Action
        <select value={action?.action ?? ''} onChange={(e) => choose(setAction, e.target.value)} disabled={actions.length === 0}>
          {actions.map((a) => <option key={a.action} value={a.action}>{a.label}</option>)}
        </select>
      </label>
      {action?.argument?.type === 'number' && (
        <label>
          {action.argument.label}
          <input type="number" value={argument} placeholder={String(action.argument.defaultValue)} min={action.argument.min} max={action.argument.max} step={action.argument.step} onChange={(e) => setArgument(e.target.value)} />
        </label>
      )}
      {action?.argument?.type === 'key' && (
        <label>
          {action.argument.label}
          <input value={argument} placeholder={keyNames[0] ?? 'key id'} list={`${id}-keys`} onChange={(e) => setArgument(e.target.value)} size={8} />
          <datalist id={`${id}-keys`}>
            {keyNames.map((k) => <option key={k} value={k} />)}
          </datalist>
        </label>
      )}
      <label>
        At
        <input value={at} onChange={(e) => setAt(e.target.value)} size={6} aria-describedby={`${id}-problem`} />
      </label>
      <label>
        For
        <input value={lasts} onChange={(e) => setLasts(e.target.value)} size={6} placeholder="always" />
      </label>
      <button type="submit" disabled={!action}>Add fault</button>
      <span id={`${id}-problem`} role="alert" className="fl-add-fault-problem">{problem}</span>
    </form>
  );
}
