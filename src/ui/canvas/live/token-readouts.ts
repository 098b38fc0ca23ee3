/**
 * The token badge of a validator (a service, database or external with `auth`), painted per
 * frame from the live fields `trustedKeys` (a bit mask over the layout's `keyNames`),
 * `rejectingShare`, `authRejectedPerSec` and `nextRefreshInMs` (src/engine/live.ts).
 *
 * Every state is said in words or marks as well as colour: an untrusted key is struck through
 * and marked ✕, "rejecting 17%" says what red means. The card reserves one line per readout, so
 * no number changing here moves anything else (nowrap, tabular digits, fixed key slots).
 */
import type { DomWriter } from './dom-writer.ts';
import { formatRate, formatShare } from './format-live.ts';
import { formatReplicaShare, keysIn } from './identity-readouts.ts';
import type { LiveRecord, NodeField } from './live-reader.ts';

type NodeRecord = LiveRecord<NodeField>;
type Readout = (write: DomWriter, index: number, record: NodeRecord | null) => void;

/** Key slots on a badge; more keys than this show as "+N" (a scenario may use up to 31). */
export const TOKEN_KEY_SLOTS = 6;

export interface KeyTrust {
  key: string;
  trusted: boolean;
}

/** Each key of the run with whether every replica trusts it; null when the node is no validator (or nothing runs). */
export function keyTrust(mask: number, keyNames: readonly string[]): KeyTrust[] | null {
  if (!(mask >= 0)) return null; // -1: not a validator; NaN: the engine does not send the field
  return keyNames.map((key, bit) => ({ key, trusted: bit < 31 && (mask & (1 << bit)) !== 0 }));
}

/** "K1 K2 ✕K3" — the same in plain text (titles, tests, screen-reader labels). */
export function describeKeyTrust(keys: readonly KeyTrust[] | null): string {
  if (keys === null) return '–';
  if (keys.length === 0) return 'no keys';
  return keys.map((k) => (k.trusted ? k.key : `✕${k.key}`)).join(' ');
}

/** "rejecting 17%": the share of replicas that distrust a key live tokens are signed with. */
export function formatRejecting(share: number): string {
  if (!(share >= 0)) return '–';
  if (share === 0) return 'rejecting 0%';
  return `rejecting ${share < 0.001 ? '<0.1%' : formatShare(share)}`;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "refresh in 4m 10s" — two units at most, the smaller padded so the width holds still. */
export function formatRefreshIn(ms: number): string {
  if (!(ms >= 0)) return '–';
  if (ms === Infinity) return 'no refresh due';
  const totalSec = Math.floor(ms / 1000);
  if (totalSec < 1) return 'refresh in <1s';
  if (totalSec < 60) return `refresh in ${totalSec}s`;
  const totalMin = Math.floor(totalSec / 60);
  if (totalMin < 60) return `refresh in ${totalMin}m ${pad2(totalSec % 60)}s`;
  const totalHours = Math.floor(totalMin / 60);
  if (totalHours < 24) return `refresh in ${totalHours}h ${pad2(totalMin % 60)}m`;
  return `refresh in ${Math.floor(totalHours / 24)}d ${pad2(totalHours % 24)}h`;
}

/**
 * idle | ok | rejecting — the badge's own state (colour plus the words above). Rejecting: some
 * replica distrusts a key live tokens use, or tokens were rejected in the last interval.
 */
export function tokenState(record: NodeRecord | null): 'idle' | 'ok' | 'rejecting' {
  if (record === null) return 'idle';
  const share = record.get('rejectingShare');
  if (!(share >= 0)) return 'idle';
  return share > 0 || record.get('authRejectedPerSec') > 0 ? 'rejecting' : 'ok';
}

/** The badge's state in words: its own, never the overload word. */
export const TOKEN_STATE_WORDS = { idle: '–', ok: 'accepting tokens', rejecting: 'REJECTING TOKENS' } as const;

/** "K1 · 31% of replicas" — which key is rejected, and where; "no replica rejects" when none. */
export function describeRejecting(share: number, rejectingKeys: readonly string[] | null): string {
  if (!(share >= 0)) return '–';
  if (share === 0) return 'no replica rejects';
  return `${rejectingKeys && rejectingKeys.length > 0 ? `${rejectingKeys.join(' ')} · ` : ''}${formatReplicaShare(share)}`;
}

const trustOf = (record: NodeRecord | null): KeyTrust[] | null => (record ? keyTrust(record.get('trustedKeys'), record.keyNames) : null);

function keySlot(slot: number): Readout {
  return (write, i, record) => {
    const keys = trustOf(record);
    const key = keys?.[slot];
    if (key === undefined) {
      write.text(i, '');
      write.attr(i, 'data-trusted', null);
      write.attr(i, 'title', null);
      return;
    }
    write.text(i, key.key);
    write.attr(i, 'data-trusted', key.trusted ? 'true' : 'false');
    write.attr(i, 'title', key.trusted ? `${key.key}: trusted by every replica` : `${key.key}: not trusted by every replica`);
  };
}

export const TOKEN_READOUTS: Record<string, Readout> = {
  /** The badge itself: its state as an attribute (a coloured edge, also in the zoomed-out overview) and in its label. */
  token: (write, i, record) => {
    const state = tokenState(record);
    write.attr(i, 'data-state', state);
    const keys = trustOf(record);
    write.attr(
      i,
      'aria-label',
      state === 'idle'
        ? 'Token validation: not running'
        : `Token validation: ${TOKEN_STATE_WORDS[state].toLowerCase()}; keys ${describeKeyTrust(keys)}; ${formatRejecting(record!.get('rejectingShare'))}; ${formatRefreshIn(record!.get('nextRefreshInMs'))}`,
    );
  },
  /** Its state in its own words (and, by CSS, its own colour and icon). */
  'token-state': (write, i, record) => {
    const state = tokenState(record);
    write.attr(i, 'data-state', state);
    write.text(i, TOKEN_STATE_WORDS[state]);
  },
  ...Object.fromEntries(Array.from({ length: TOKEN_KEY_SLOTS }, (_, slot) => [`token-key-${slot}`, keySlot(slot)])),
  /** "–" before a run, "none" for a run without keys, "+N" for keys beyond the slots. */
  'token-keys-note': (write, i, record) => {
    const keys = trustOf(record);
    const more = keys !== null && keys.length > TOKEN_KEY_SLOTS ? `+${keys.length - TOKEN_KEY_SLOTS}` : '';
    write.text(i, keys === null ? '–' : keys.length === 0 ? 'none' : more);
    write.attr(i, 'title', more ? describeKeyTrust(keys) : null);
  },
  'token-rejecting': (write, i, record) => {
    const share = record ? record.get('rejectingShare') : NaN;
    const text = describeRejecting(share, record ? keysIn(record.get('rejectingKeys'), record.keyNames) : null);
    write.text(i, text);
    write.attr(i, 'title', share > 0 ? `Rejecting tokens signed with ${text.replace(' · ', ' on ')}` : null);
    write.attr(i, 'data-alarm', share > 0 ? 'true' : null);
  },
  'token-fetch-rate': (write, i, record) => {
    const perSec = record ? record.get('keysetFetchesPerSec') : NaN;
    write.text(i, perSec >= 0 ? formatRate(perSec) : '–');
  },
  'token-rejected-rate': (write, i, record) => {
    const perSec = record ? record.get('authRejectedPerSec') : NaN;
    write.text(i, record && perSec >= 0 ? formatRate(perSec) : '–');
    write.attr(i, 'data-alarm', perSec > 0 ? 'true' : null);
  },
  'token-refresh': (write, i, record) => write.text(i, formatRefreshIn(record ? record.get('nextRefreshInMs') : NaN)),
};

export const OVERVIEW_TOKEN_READOUTS: readonly string[] = ['token'];
