/** One probe of the selected node: its id, route, interval and timeout, and the alerts on it. */
import type { ReactNode } from 'react';
import { graphActions, type ScenarioDocument } from '../../../store/graph-store.ts';
import { probeRoutes } from '../../../store/graph/monitoring-edits.ts';
import type { FieldIssue } from '../../../store/graph/validation-index.ts';
import { inputId } from '../fields/binding.ts';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';
import { monitoringBinding } from './monitoring-binding.ts';

export function ProbeFields({ probe, index, document, issues, children }: { probe: Record<string, unknown>; index: number; document: ScenarioDocument; issues: readonly FieldIssue[]; children?: ReactNode }) {
  const binding = monitoringBinding('probes', index, probe, issues);
  const target = typeof probe.target === 'string' ? probe.target : '';
  const id = typeof probe.id === 'string' ? probe.id : '';
  return (
    <fieldset className="fl-group fl-monitoring__item" aria-label={`Probe ${id}`}>
      <legend>Probe</legend>
      <FieldMessages id={`${inputId(binding, [])}-messages`} issues={binding.issues([])} />
      <TextField binding={binding} path={['id']} label="Id" kind="id" onCommit={(text) => graphActions.renameProbe(index, text.trim())} hint="Unique among nodes, links and probes; its alerts follow a rename." />
      <ChoiceField binding={binding} path={['via']} label="Via" options={probeRoutes(document, target)} hint="Sent from beside this node, over its links: the route real traffic takes." />
      <TextField binding={binding} path={['every']} label="Every" kind="duration" />
      <TextField binding={binding} path={['timeout']} label="Timeout" kind="duration" hint="No answer by then is a failure; no retries." />
      {children}
      <div className="fl-actions">
        <button type="button" className="fl-button fl-button--danger" onClick={() => graphActions.removeProbe(index)}>
          Remove probe
        </button>
      </div>
    </fieldset>
  );
}
