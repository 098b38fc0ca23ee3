/** Opens a built-in scenario in place of the current graph (undoable: nothing is lost). */
import { useState } from 'react';
import { graphActions } from '../../store/graph-store.ts';
import { builtinScenarios } from '../../scenarios/index.ts';

export function ScenarioPicker() {
  const [chosen, setChosen] = useState('');
  return (
    <div className="fl-toolbar__group">
      <label htmlFor="fl-scenario-picker" className="fl-visually-hidden">Open a built-in scenario</label>
      <select
        id="fl-scenario-picker"
        value={chosen}
        onChange={(e) => {
          const builtin = builtinScenarios.find((s) => s.id === e.target.value);
          if (builtin) graphActions.load(builtin.scenario);
          setChosen('');
        }}
      >
        <option value="">Open a built-in scenario…</option>
        {builtinScenarios.map((s) => (
          <option key={s.id} value={s.id} title={s.summary}>{s.title}</option>
        ))}
      </select>
    </div>
  );
}
