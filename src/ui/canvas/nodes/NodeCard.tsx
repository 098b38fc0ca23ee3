/**
 * The frame every canvas node shares: glyph, label, a one-line summary of its settings, the
 * parser's problems, handles to connect, and the kind's live readouts as children. The card's
 * root is registered with the live painter, which colours its border by health (data-health)
 * and fills every `[data-live]` readout inside — React renders this only when the document or
 * the selection changes. Semantic zoom (../legibility.ts) hides rows by the canvas's tier: small
 * cards show the name (cut so that names differ: distinct-labels.ts; no word broken across lines:
 * fit-label.ts), the state word and the headline number.
 */
import { Handle } from '@xyflow/react';
import { useRef, type ReactNode } from 'react';
import { FittedName } from './FittedName.tsx';
import { openBelowOf } from './room-below.ts';
import { useGraphStore, type DocumentNode } from '../../../store/graph-store.ts';
import type { FieldIssue } from '../../../store/graph/validation-index.ts';
import { cardFootprint } from '../../../store/graph/auto-layout.ts';
import { cardLabel, distinctLabelsOf } from './distinct-labels.ts';
import { IssueBadge } from './IssueBadge.tsx';
import { BellGlyph, PulseGlyph } from '../BellGlyph.tsx';
import { probeSentence, probesChecking } from './probe-marks.ts';
import { useLiveNode } from './use-live-node.ts';
import { handleSides, useFlowDirection } from '../flow-direction.ts';

export interface NodeCardProps {
  id: string;
  node: DocumentNode;
  issues: readonly FieldIssue[] | undefined;
  kindTitle: string;
  glyph: ReactNode;
  summary: string;
  /** Clients only send: no target handle. */
  acceptsIncoming?: boolean;
  children?: ReactNode;
}

export function NodeCard({ id, node, issues, kindTitle, glyph, summary, acceptsIncoming = true, children }: NodeCardProps) {
  const root = useRef<HTMLDivElement>(null);
  useLiveNode(id, root);
  const label = cardLabel({ id, label: node.label });
  const shortLabel = useGraphStore((s) => distinctLabelsOf(s.document.nodes).get(id)) ?? label;
  const roomy = cardFootprint(node);
  const open = useGraphStore((s) => openBelowOf(s.document.nodes).has(id));
  const hasError = issues?.some((i) => i.severity === 'error') ?? false;
  // a sentence, so the selector's result compares equal while the probes stay the same
  const probed = useGraphStore((s) => probeSentence(probesChecking(s.document.probes, id)));
  const sides = handleSides(useFlowDirection((s) => s.direction));
  return (
    <div
      ref={root}
      className="fl-node"
      data-kind={node.kind}
      data-live="health"
      data-health="idle"
      data-invalid={hasError || undefined}
      // a layout leaves a taller card's footprint (key line, token badge): room for a line more on a small card
      data-roomy={roomy === 'plain' ? undefined : roomy}
      data-open-below={open || undefined}
    >
      {acceptsIncoming && <Handle type="target" position={sides.target} className="fl-handle" />}
      <div className="fl-node__head">
        <span className="fl-node__glyph" aria-hidden="true">{glyph}</span>
        <span className="fl-node__label" data-cut={shortLabel !== label || undefined} title={label === id ? id : `${label} (${id})`}>
          <span className="fl-node__name">{label}</span>
          <FittedName text={shortLabel} />
        </span>
        <IssueBadge issues={issues} />
        {probed !== '' && (
          <span className="fl-node__probe" role="img" aria-label={probed} title={probed}>
            <PulseGlyph />
          </span>
        )}
        <span className="fl-node__bell" data-live="alert-bell" role="img">
          <BellGlyph />
        </span>
        <span className="fl-node__health" data-live="health-word" data-health="idle" />
        <span className="fl-node__health fl-node__health--last" data-live="health-word-last" data-health="idle" />
        <span className="fl-node__headline" data-live="headline" />
      </div>
      <div className="fl-node__summary">
        <span className="fl-node__kind">{kindTitle}</span> {summary}
      </div>
      {children}
      <Handle type="source" position={sides.source} className="fl-handle" />
    </div>
  );
}
