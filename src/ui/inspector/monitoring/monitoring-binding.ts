/**
 * A field binding for one item of the scenario's `probes` or `alerts` list: its values, the
 * parser's messages filed under `probes[0].every`, the format's defaults and a sweep path, as a
 * node's or link's binding gives them (fields/binding.ts), so the same fields serve.
 */
import { defaultOf } from '../../../scenario/facts.ts';
import { graphActions } from '../../../store/graph-store.ts';
import { formatFieldPath, getIn, type FieldPath } from '../../../store/graph/field-path.ts';
import type { MonitoringList } from '../../../store/graph/monitoring-edits.ts';
import { issuesAt, issuesUnder, type FieldIssue } from '../../../store/graph/validation-index.ts';
import type { FieldBinding } from '../fields/binding.ts';

export function monitoringBinding(list: MonitoringList, index: number, item: unknown, scenarioIssues: readonly FieldIssue[]): FieldBinding {
  const full = (path: FieldPath) => formatFieldPath([list, index, ...path]);
  return {
    key: `${list}-${index}`,
    get: (path) => getIn(item, path),
    set: (path, value) => graphActions.setMonitoringField(list, index, path, value),
    issues: (path) => issuesAt(scenarioIssues, full(path)),
    issuesUnder: (path) => issuesUnder(scenarioIssues, full(path)),
    // an experiment varies list items by index (`probes[0].every`: docs/format.md, Experiments)
    varyPath: (path) => full(path),
    defaultAt: (path) => defaultOf('scenario', [list, index, ...path]),
  };
}
