/**
 * "Break something" for controls=full: one menu of the faults that fit the scenario's nodes and
 * links (the editor's INJECT_BUTTONS, without the ones that need a key or a validator check),
 * and one button. A menu rather than buttons per node: it fits a 360 px frame.
 */
import { useMemo, useState } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import { INJECT_BUTTONS } from '../timeline/fault-actions.ts';

interface FaultChoice {
  key: string;
  label: string;
  fault: Record<string, unknown>;
}

function faultChoices(targets: { id: string; kind: string }[]): FaultChoice[] {
  const simple = INJECT_BUTTONS.filter((b) => !b.perKey && !b.validatorsOnly);
  return targets.flatMap(({ id, kind }) =>
    simple.filter((b) => b.targets.includes(kind)).map((b) => ({ key: `${id}:${b.id}`, label: `${b.label}: ${id}`, fault: { target: id, ...b.fault } })),
  );
}

export function EmbedInject({ live, onInject }: { live: boolean; onInject: (fault: Record<string, unknown>) => void }) {
  const document = useGraphStore((s) => s.document);
  const choices = useMemo(
    () => faultChoices([...document.nodes.map((n) => ({ id: n.id, kind: n.kind })), ...document.links.map((l) => ({ id: l.id, kind: 'link' }))]),
    [document],
  );
  const [picked, setPicked] = useState('');
  const choice = choices.find((c) => c.key === picked) ?? choices[0];
  if (!choice) return null;
  return (
    <div className="fl-embed-inject">
      <label className="fl-visually-hidden" htmlFor="fl-embed-fault">
        Fault to inject
      </label>
      <select id="fl-embed-fault" value={choice.key} onChange={(e) => setPicked(e.target.value)}>
        {choices.map((c) => (
          <option key={c.key} value={c.key}>
            {c.label}
          </option>
        ))}
      </select>
      <button type="button" disabled={!live} onClick={() => onInject(choice.fault)}>
        Inject
      </button>
    </div>
  );
}
