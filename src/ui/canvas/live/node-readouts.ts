/**
 * How each live readout of a canvas node is painted. A node component marks an element with
 * `data-live="<readout>"`; the painter finds it once, then calls the readout's paint every
 * frame the numbers change. A kind shows the readouts that make sense for it — a new readout is
 * one entry here. `record` is null when nothing runs (or the run does not know this node yet).
 */
import type { DomWriter } from './dom-writer.ts';
import { formatCount, formatLatencyMs, formatRate, formatShare } from './format-live.ts';
import type { LiveRecord, NodeField } from './live-reader.ts';
import { IDENTITY_READOUTS, identityTrouble, OVERVIEW_IDENTITY_READOUTS } from './identity-readouts.ts';
import { OVERVIEW_TOKEN_READOUTS, TOKEN_READOUTS } from './token-readouts.ts';
import { headline } from './headline-readout.ts';
import { paintBell } from './alert-bell.ts';

type NodeRecord = LiveRecord<NodeField>;
export type Readout = (write: DomWriter, index: number, record: NodeRecord | null) => void;

/** Against what an unbounded queue's bar is drawn: full means "long", the text says how long. */
function queueScale(record: NodeRecord): number {
  const capacity = record.get('queueCapacity');
  if (capacity >= 0) return capacity;
  const workers = record.get('workers');
  return Math.max(20, workers > 0 ? workers * 4 : 20);
}

export function queueFillShare(record: NodeRecord): number {
  const scale = queueScale(record);
  const queued = record.get('queued');
  return scale <= 0 ? (queued > 0 ? 1 : 0) : Math.min(1, queued / scale);
}

/**
 * idle | ok | strained | failing | token | down — the colour of the node's border (and a word and
 * an icon, for those who cannot see it). "failing" is overload and errors: drops other than
 * rejected tokens. "token" is identity trouble (identity-readouts.ts): it never says "dropping".
 */
export function nodeHealth(record: NodeRecord | null): string {
  if (record === null) return 'idle';
  if (record.get('down') > 0) return 'down';
  const tokenDropsPerSec = Math.max(0, record.get('authRejectedPerSec') || 0);
  // Both rates are counts of one interval times the same factor: equal counts subtract to 0 exactly.
  if (record.get('droppedPerSec') - tokenDropsPerSec > 0) return 'failing';
  if (identityTrouble(record) !== null) return 'token';
  const workers = record.get('workers');
  const saturated = workers > 0 && record.get('inService') >= workers && record.get('queued') >= workers;
  return queueFillShare(record) >= 0.5 || saturated ? 'strained' : 'ok';
}

const HEALTH_WORDS: Record<string, string> = { idle: '', ok: 'ok', strained: 'strained', failing: 'dropping', down: 'down' };

/** The word beside the node's name: "dropping" is overload only; identity trouble has its own words. */
export function healthWord(health: string, record: NodeRecord | null): string {
  return health === 'token' ? (identityTrouble(record)?.word ?? '') : (HEALTH_WORDS[health] ?? '');
}

export const NODE_READOUTS: Record<string, Readout> = {
  /** On the card itself: colours its border. */
  health: (write, i, record) => write.attr(i, 'data-health', nodeHealth(record)),
  /** The same state in words, for whoever cannot tell the colours apart. */
  'health-word': (write, i, record) => {
    const health = nodeHealth(record);
    write.attr(i, 'data-health', health);
    write.text(i, healthWord(health, record));
  },
  /**
   * The same word's last word, shown instead where the whole word is wider than a small card
   * ("missing" after the key-with-slash icon, over the keys with K1 struck: fit-label.ts
   * stateWordsFit); the whole word is its title.
   */
  'health-word-last': (write, i, record) => {
    const health = nodeHealth(record);
    const word = healthWord(health, record);
    write.attr(i, 'data-health', health);
    write.text(i, word.slice(word.lastIndexOf(' ') + 1));
    write.attr(i, 'title', word.includes(' ') ? word : null);
  },
  'queue-fill': (write, i, record) => {
    const share = record ? queueFillShare(record) : 0;
    // A custom property read by the bar's gradient: a repaint of this one element, no layout and
    // no transform (a changing transform makes Chromium re-layerize the whole page every frame).
    write.style(i, '--fl-fill', `${(share * 100).toFixed(1)}%`);
    write.attr(i, 'data-level', share >= 0.9 ? 'full' : share >= 0.5 ? 'high' : 'low');
  },
  'queue-text': (write, i, record) => {
    if (!record) return write.text(i, '–');
    const capacity = record.get('queueCapacity');
    const queued = formatCount(record.get('queued'));
    write.text(i, capacity >= 0 ? `${queued}/${formatCount(capacity)}` : `${queued}/∞`);
  },
  'busy-text': (write, i, record) => {
    if (!record) return write.text(i, '–');
    const workers = record.get('workers');
    const busy = formatCount(record.get('inService'));
    write.text(i, workers >= 0 ? `${busy}/${formatCount(workers)}` : busy);
  },
  'in-flight': (write, i, record) => write.text(i, record ? formatCount(record.get('inService')) : '–'),
  'arrived-rate': (write, i, record) => write.text(i, record ? formatRate(record.get('arrivedPerSec')) : '–'),
  'completed-rate': (write, i, record) => write.text(i, record ? formatRate(record.get('completedPerSec')) : '–'),
  'dropped-rate': (write, i, record) => {
    const perSec = record ? record.get('droppedPerSec') : 0;
    write.text(i, record ? formatRate(perSec) : '–');
    // Drops that are all rejected tokens take the token colour, not the overload one.
    const tokensOnly = record !== null && record.get('authRejectedPerSec') >= perSec;
    write.attr(i, 'data-alarm', perSec > 0 ? (tokensOnly ? 'token' : 'true') : null);
  },
  'latency-p99': (write, i, record) => write.text(i, record ? formatLatencyMs(record.get('latencyP99Ms')) : '–'),
  /** Caches: share of lookups answered from the cache in the last interval. */
  'hit-ratio': (write, i, record) => {
    const ratio = record ? record.get('hitRatio') : NaN;
    write.text(i, ratio >= 0 ? formatShare(ratio) : '–');
  },
  /** The node's worst circuit breaker, in words; empty when it has none or all are closed. */
  circuit: (write, i, record) => {
    const state = record ? record.get('circuitState') : -1;
    const word = state >= 1 ? 'circuit open' : state >= 0.5 ? 'circuit half-open' : '';
    write.text(i, word);
    write.attr(i, 'data-state', word === '' ? null : state >= 1 ? 'open' : 'half-open');
  },
  'attempts-ratio': (write, i, record) => {
    const generated = record ? record.get('arrivedPerSec') : 0;
    write.text(i, record && generated > 0 ? `${(record.get('attemptsPerSec') / generated).toFixed(2)}×` : '–');
  },
  /** A bell while an alert on this node fires (issue 13); empty otherwise. */
  'alert-bell': (write, i, record) => paintBell(write, i, record ? record.get('alertsFiring') : 0),
  /** Validators: the token badge (token-readouts.ts). */
  ...TOKEN_READOUTS,
  /** Key sets, identity providers, clients with auth: identity-readouts.ts. */
  ...IDENTITY_READOUTS,
  /** The one number the smallest cards show beside the state word (headline-readout.ts). */
  headline: (write, i, record) => {
    const { text, alarm } = headline(record, nodeHealth(record));
    write.text(i, text);
    write.attr(i, 'data-alarm', alarm);
  },
};

/** What stays painted when the canvas is zoomed out too far to read text: colour and the bar. */
export const OVERVIEW_NODE_READOUTS: ReadonlySet<string> = new Set(['health', 'queue-fill', 'alert-bell', ...OVERVIEW_TOKEN_READOUTS, ...OVERVIEW_IDENTITY_READOUTS]);
