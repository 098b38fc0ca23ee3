/**
 * One alert rule, edited in place: its name and severity, then the fields of its rule — a
 * threshold on a series metric, probe failures in a row, or an SLO burn rate (docs/format.md,
 * "Probes and alerts"). The rule is read from which fields the alert has, as the parser does.
 */
import { graphActions } from '../../../store/graph-store.ts';
import type { FieldIssue } from '../../../store/graph/validation-index.ts';
import { inputId } from '../fields/binding.ts';
import { ChoiceField } from '../fields/ChoiceField.tsx';
import { FieldMessages } from '../fields/FieldMessages.tsx';
import { TextField } from '../fields/TextField.tsx';
import { BurnWindowsField } from './BurnWindowsField.tsx';
import { monitoringBinding } from './monitoring-binding.ts';

const SEVERITIES = ['page', 'ticket', 'info'] as const;

type AlertRecord = Record<string, unknown>;

function ruleOf(alert: AlertRecord): 'threshold' | 'failures' | 'slo' {
  if (alert.failures !== undefined) return 'failures';
  if (alert.slo !== undefined) return 'slo';
  return 'threshold';
}

/** "above" or "below": switching moves the value to the other key, as one undo step. */
function DirectionField({ alert, index, id, direction }: { alert: AlertRecord; index: number; id: string; direction: 'above' | 'below' }) {
  const flip = (next: string) => {
    if (next === direction) return;
    const { [direction]: value, ...rest } = alert;
    graphActions.setMonitoringField('alerts', index, [], { ...rest, [next]: value ?? 0 });
  };
  return (
    <div className="fl-field">
      <label htmlFor={id} className="fl-field__label">Fires while the metric is</label>
      <select id={id} value={direction} onChange={(e) => flip(e.target.value)}>
        <option value="above">above</option>
        <option value="below">below</option>
      </select>
    </div>
  );
}

export function AlertFields({ alert, index, issues }: { alert: AlertRecord; index: number; issues: readonly FieldIssue[] }) {
  const binding = monitoringBinding('alerts', index, alert, issues);
  const rule = ruleOf(alert);
  const name = typeof alert.name === 'string' ? alert.name : '';
  const direction = alert.below !== undefined && alert.above === undefined ? 'below' : 'above';
  return (
    <fieldset className="fl-group fl-monitoring__item" aria-label={`Alert ${name}`}>
      <legend>Alert</legend>
      <FieldMessages id={`${inputId(binding, [])}-messages`} issues={binding.issues([])} />
      <TextField binding={binding} path={['name']} label="Name" kind="text" hint="Unique; the report's time to detect names it." />
      <ChoiceField binding={binding} path={['severity']} label="Severity" options={SEVERITIES} />
      {rule === 'threshold' && (
        <>
          <TextField binding={binding} path={['metric']} label="Metric" kind="text" hint="A series metric of the target, as in the report's series: queueDepth, utilization, failed… An unknown one is named with the target's list." />
          <DirectionField alert={alert} index={index} id={inputId(binding, ['direction'])} direction={direction} />
          <TextField binding={binding} path={[direction]} label="Threshold" kind="number" />
          <TextField binding={binding} path={['for']} label="For at least" kind="duration" absent="0 (the first interval)" hint="Counted in whole sample intervals." />
        </>
      )}
      {rule === 'failures' && <TextField binding={binding} path={['failures']} label="Failed probes in a row" kind="number" />}
      {rule === 'slo' && (
        <>
          <TextField binding={binding} path={['slo', 'objective']} label="Objective (share in time)" kind="number" hint="e.g. 0.999: 99.9% of requests succeed before their deadline." />
          <BurnWindowsField binding={binding} />
        </>
      )}
      <div className="fl-actions">
        <button type="button" className="fl-button fl-button--danger" onClick={() => graphActions.removeAlert(index)}>
          Remove alert
        </button>
      </div>
    </fieldset>
  );
}
