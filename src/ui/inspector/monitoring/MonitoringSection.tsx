/**
 * "Would anyone have known?" in the inspector (issue 13): the probes that check the selected
 * node and the alerts on it (or on the selected link), edited in place, with buttons that add a
 * probe or an alert that runs as it is. Reads the document's lists itself, so the node's and the
 * link's panels only say what is selected.
 */
import { kindFacts } from '../../../engine/kind-facts.ts';
import { graphActions, useGraphStore } from '../../../store/graph-store.ts';
import { probeRoutes, type AlertSubject } from '../../../store/graph/monitoring-edits.ts';
import { AlertFields } from './AlertFields.tsx';
import { ProbeFields } from './ProbeFields.tsx';
import './monitoring.css';

type Item = { value: Record<string, unknown>; index: number };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function indexed(list: unknown): Item[] {
  return Array.isArray(list) ? list.flatMap((value, index) => (isRecord(value) ? [{ value, index }] : [])) : [];
}

/** What a new alert on this thing watches, and whether it can be probed. */
export function monitoringSubject(selected: { kind: 'link' } | { kind: 'node'; nodeKind: string }): { subject: AlertSubject; probed: boolean } {
  if (selected.kind === 'link') return { subject: 'link', probed: false };
  const role = kindFacts(selected.nodeKind)?.role;
  return role === 'client' ? { subject: 'client', probed: false } : { subject: 'server', probed: true };
}

export function MonitoringSection({ id, subject, probed }: { id: string; subject: AlertSubject; probed: boolean }) {
  const document = useGraphStore((s) => s.document);
  const issues = useGraphStore((s) => s.validation.scenario);
  const probes = indexed(document.probes).filter((p) => p.value.target === id);
  const alerts = indexed(document.alerts);
  const alertsOn = (target: unknown) => alerts.filter((a) => a.value.target === target);
  const own = alertsOn(id);
  const routes = probed ? probeRoutes(document, id) : [];
  return (
    <section className="fl-group fl-monitoring" aria-labelledby={`fl-monitoring-${id}`}>
      <h3 id={`fl-monitoring-${id}`} className="fl-monitoring__title">Monitoring</h3>
      <p className="fl-field__hint">
        Would anyone have known? {probed ? 'A probe checks this node over the route real traffic takes; an' : 'An'} alert
        rings a bell here when its rule holds, and the report says how long it took to notice.
      </p>
      {probes.map((p) => (
        <ProbeFields key={`probe-${p.index}-${String(p.value.id)}`} probe={p.value} index={p.index} document={document} issues={issues}>
          {alertsOn(p.value.id).map((a) => (
            <AlertFields key={`alert-${a.index}`} alert={a.value} index={a.index} issues={issues} />
          ))}
        </ProbeFields>
      ))}
      {own.map((a) => (
        <AlertFields key={`alert-${a.index}`} alert={a.value} index={a.index} issues={issues} />
      ))}
      <div className="fl-actions">
        {probed && (
          <button type="button" className="fl-button" disabled={routes.length === 0} title={routes.length === 0 ? 'Link a node to this one first: a probe goes the way real traffic goes.' : undefined} onClick={() => graphActions.addProbe(id)}>
            Add a probe
          </button>
        )}
        <button type="button" className="fl-button" onClick={() => graphActions.addAlert(subject, id)}>
          Add an alert
        </button>
      </div>
    </section>
  );
}
