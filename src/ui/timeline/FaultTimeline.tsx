/**
 * The scenario's faults on a time axis (add, move, delete — each a new `faults` list through
 * `onChange`, which the editor stores; the run reloads from it). "Inject now", which changes only
 * the running simulation, is on the selected node's or link's inspector (InjectNow.tsx).
 */
import { useRunStore } from '../../store/run-store.ts';
import { AddFaultForm } from './AddFaultForm.tsx';
import { FaultTrack, withAt, type V1Fault } from './FaultTrack.tsx';
import { useAlertFirings } from './use-alert-firings.ts';
import './timeline.css';

export interface FaultTimelineProps {
  /** The document's v1 fault objects. */
  faults: unknown[];
  onChange(faults: unknown[]): void;
  selectedNodeIds: string[];
  selectedLinkIds: string[];
}

const asFault = (value: unknown): V1Fault => (typeof value === 'object' && value !== null ? (value as V1Fault) : {});

export function FaultTimeline({ faults, onChange, selectedNodeIds, selectedLinkIds }: FaultTimelineProps) {
  const durationMs = useRunStore((s) => s.durationMs);
  const faultLog = useRunStore((s) => s.faultLog);
  const alertFirings = useAlertFirings();
  const list = faults.map(asFault);
  const selected = [...selectedNodeIds, ...selectedLinkIds];

  return (
    <section className="fl-timeline" aria-label="Fault timeline">
      <h2 className="fl-timeline-heading">Faults</h2>
      <FaultTrack
        faults={list}
        durationMs={durationMs}
        faultLog={faultLog}
        alertFirings={alertFirings}
        onMove={(index, atMs) => onChange(list.map((f, i) => (i === index ? withAt(f, atMs) : f)))}
        onDelete={(index) => onChange(list.filter((_, i) => i !== index))}
      />
      <AddFaultForm defaultTarget={selected[0]} onAdd={(fault) => onChange([...list, fault])} />
    </section>
  );
}
