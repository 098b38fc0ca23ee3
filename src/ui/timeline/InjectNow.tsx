/** "Inject now" buttons for each selected node and link, from INJECT_BUTTONS. */
import type { LiveLayout } from '../../engine/index.ts';
import { liveMetrics } from '../../store/live-metrics.ts';
import { runActions, useRunStore } from '../../store/run-store.ts';
import { INJECT_BUTTONS, type InjectButton } from './fault-actions.ts';
import { kindOf, useLiveLayout } from './use-live-layout.ts';

/** A validator reports which keys it trusts; every other node reports -1 (src/engine/live.ts). */
function isValidator(layout: LiveLayout, id: string): boolean {
  const node = layout.nodeIds.indexOf(id);
  const field = layout.nodeFields.indexOf('trustedKeys');
  const values = liveMetrics.get().values;
  if (node < 0 || field < 0 || values === null) return false;
  return values[2 + node * layout.nodeFields.length + field] !== -1;
}

interface Injection {
  key: string;
  label: string;
  fault: Record<string, unknown>;
}

function injectionsFor(layout: LiveLayout | null, id: string, kind: string): Injection[] {
  const fits = (b: InjectButton) => b.targets.includes(kind) && (!b.validatorsOnly || (layout !== null && isValidator(layout, id)));
  return INJECT_BUTTONS.filter(fits).flatMap((b) =>
    b.perKey
      ? (layout?.keyNames ?? []).map((key) => ({ key: `${b.id}-${key}`, label: `${b.label} ${key}`, fault: { target: id, ...b.fault, key } }))
      : [{ key: b.id, label: b.label, fault: { target: id, ...b.fault } }],
  );
}

export function InjectNow({ ids }: { ids: string[] }) {
  const layout = useLiveLayout();
  const status = useRunStore((s) => s.status);
  const live = status === 'paused' || status === 'running';
  if (ids.length === 0) return <p className="fl-timeline-hint">Select a node or link on the canvas to inject a fault now.</p>;
  return (
    <ul className="fl-inject" aria-label="Inject a fault now">
      {ids.map((id) => {
        const kind = kindOf(layout, id);
        return (
          <li key={id}>
            <span className="fl-inject-target">{id}</span>
            {kind === null && <span className="fl-timeline-hint"> not in the running scenario yet</span>}
            {kind !== null &&
              injectionsFor(layout, id, kind).map((b) => (
                <button key={b.key} type="button" disabled={!live} aria-label={`${b.label} ${id} now`} onClick={() => void runActions.inject(b.fault)}>
                  {b.label}
                </button>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
