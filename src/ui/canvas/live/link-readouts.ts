/**
 * How a canvas link's live readouts are painted (see node-readouts.ts for the scheme). The
 * edge's group carries state attributes the theme colours; the flow path's width and dash speed
 * follow the rate (the dash only moves when motion is welcome: theme.css).
 */
import type { DomWriter } from './dom-writer.ts';
import { formatCount, formatRate, formatShare } from './format-live.ts';
import type { LinkField, LiveRecord } from './live-reader.ts';
import { paintBell } from './alert-bell.ts';

type LinkRecord = LiveRecord<LinkField>;
export type LinkReadout = (write: DomWriter, index: number, record: LinkRecord | null) => void;

/** Stroke width in px: logarithmic in messages per second, 1.5 px idle to 7 px at ~30k/s. */
export function flowWidthPx(sentPerSec: number): number {
  return Math.min(7, 1.5 + 1.2 * Math.log10(1 + Math.max(0, sentPerSec)));
}

/** Seconds per dash cycle, in 0.05 s steps so the animation is not restarted at every frame. */
export function flowCycleSec(sentPerSec: number): number {
  const seconds = 1.6 / (1 + Math.log10(1 + Math.max(0, sentPerSec)));
  return Math.max(0.2, Math.round(seconds * 20) / 20);
}

export function linkLoad(utilization: number): string {
  return utilization >= 0.8 ? 'high' : utilization >= 0.5 ? 'mid' : 'low';
}

export const LINK_READOUTS: Record<string, LinkReadout> = {
  /** The edge's group: state the theme turns into colour and pattern. */
  state: (write, i, record) => {
    if (!record) {
      write.attr(i, 'data-health', 'idle');
      write.attr(i, 'data-load', null);
      write.attr(i, 'data-lossy', null);
      write.attr(i, 'data-dropping', null);
      return;
    }
    write.attr(i, 'data-health', record.get('up') > 0 ? 'ok' : 'down');
    write.attr(i, 'data-load', linkLoad(record.get('utilization')));
    write.attr(i, 'data-lossy', record.get('loss') > 0 ? 'true' : null);
    write.attr(i, 'data-dropping', record.get('droppedPerSec') > 0 ? 'true' : null);
  },
  flow: (write, i, record) => {
    const sent = record ? record.get('sentPerSec') : 0;
    write.style(i, 'stroke-width', `${flowWidthPx(sent).toFixed(1)}px`);
    write.style(i, '--fl-flow-cycle', `${flowCycleSec(sent)}s`);
    write.attr(i, 'data-flowing', sent > 0 && (record?.get('up') ?? 0) > 0 ? 'true' : null);
  },
  /** Above the link: "buf 12/50 · 3.1 drop/s", only what is worth a look, empty otherwise. */
  stats: (write, i, record) => {
    if (!record) return write.text(i, '');
    const parts: string[] = [];
    const capacity = record.get('bufferCapacity');
    const depth = record.get('bufferDepth');
    if (capacity !== 0 && (depth > 0 || capacity > 0)) parts.push(`buf ${formatCount(depth)}/${capacity > 0 ? formatCount(capacity) : '∞'}`);
    const dropped = record.get('droppedPerSec');
    if (dropped > 0) parts.push(`${formatRate(dropped)} drop/s`);
    write.text(i, parts.join(' · '));
  },
  /** Below the link: its condition in words — "DOWN", "loss 5%" — so no state is told by colour alone. */
  condition: (write, i, record) => {
    if (!record) return write.text(i, '');
    if (record.get('up') <= 0) return write.text(i, 'DOWN');
    const loss = record.get('loss');
    write.text(i, loss > 0 ? `loss ${formatShare(loss)}` : '');
  },
  /** A bell while an alert on this link fires (issue 13). */
  'alert-bell': (write, i, record) => paintBell(write, i, record ? record.get('alertsFiring') : 0),
  'sent-rate': (write, i, record) => write.text(i, record ? `${formatRate(record.get('sentPerSec'))}/s` : ''),
};

/** What stays painted when zoomed out: the state colours and the flow's width (no text). */
export const OVERVIEW_LINK_READOUTS: ReadonlySet<string> = new Set(['state', 'flow', 'alert-bell']);
