/**
 * Identity state on the canvas, painted from the engine's live fields (src/engine/live.ts): the
 * keys a key set publishes now (`publishedKeys`) and those it lacks (`missingKeys`), the key an
 * identity provider signs with (`signingKey`), which key a validator rejects (`rejectingKeys`) on
 * what share of its replicas, and users who sign in again (`reauthPerSec`).
 *
 * A node in identity trouble has a health state of its own, "token" (reddish purple, a key with a
 * slash, a double left border), told apart from overload ("dropping", vermillion, a triangle) and
 * a crash ("down", grey, hatched) in colour, icon and words. Key masks are over the layout's
 * `keyNames`; a field is -1 on kinds that do not have it, NaN when the engine does not send it.
 */
import type { DomWriter } from './dom-writer.ts';
import { formatRate, formatShare } from './format-live.ts';
import type { LiveRecord, NodeField } from './live-reader.ts';

type NodeRecord = LiveRecord<NodeField>;
type Readout = (write: DomWriter, index: number, record: NodeRecord | null) => void;

/** Key slots on a key-set card; more keys than this show as "+N". */
export const KEYSET_KEY_SLOTS = 6;

/** The key ids in a mask, in key order; null when the mask is absent (-1 or NaN). */
export function keysIn(mask: number, keyNames: readonly string[]): string[] | null {
  if (!(mask >= 0)) return null;
  return keyNames.filter((_, bit) => bit < 31 && (mask & (1 << bit)) !== 0);
}

/** How a node in identity trouble says so: the short word beside its name and one line for the overlay. */
export interface IdentityTrouble {
  /** Beside the node's name, in place of "ok" (the head has room for one short word). */
  word: string;
  /** One line, e.g. "REJECTING TOKENS K1 · 31% of replicas" — the overlay draws it above the card. */
  line: string;
}

const keyList = (keys: string[] | null): string => (keys === null || keys.length === 0 ? '' : keys.join(' '));

/** "31% of replicas", never a misleading 0% for a small share. */
export function formatReplicaShare(share: number): string {
  return `${share > 0 && share < 0.001 ? '<0.1%' : formatShare(share)} of replicas`;
}

/**
 * The node's identity trouble now, or null: a validator rejecting tokens (some replica distrusts
 * a key live tokens use, or it rejected tokens in the last interval), a key set that lacks a key
 * tokens are signed with, a client whose users are signing in again after a rejected token.
 */
/** A key set's state word, the longest of the state words (fit-label.ts stateWordsFit measures it). */
export const KEY_MISSING_WORD = 'key missing';

export function identityTrouble(record: NodeRecord | null): IdentityTrouble | null {
  if (record === null) return null;
  const share = record.get('rejectingShare');
  if (share >= 0) {
    if (!(share > 0) && !(record.get('authRejectedPerSec') > 0)) return null;
    const keys = keyList(keysIn(record.get('rejectingKeys'), record.keyNames));
    const what = share > 0 ? `${keys ? `${keys} · ` : ''}${formatReplicaShare(share)}` : `${formatRate(record.get('authRejectedPerSec'))}/s`;
    return { word: 'rejecting', line: `REJECTING TOKENS ${what}` };
  }
  const missing = keysIn(record.get('missingKeys'), record.keyNames);
  if (missing !== null && missing.length > 0) return { word: KEY_MISSING_WORD, line: `KEY MISSING ${missing.join(' ')}` };
  const reauth = record.get('reauthPerSec');
  if (reauth > 0) return { word: 'rejected', line: `SIGNING IN AGAIN ${formatRate(reauth)}/s` };
  return null;
}

/** One key slot of a key-set card: the key, marked unpublished (struck, ✕) when the set lacks it now. */
function publishedSlot(slot: number): Readout {
  return (write, i, record) => {
    const published = record ? keysIn(record.get('publishedKeys'), record.keyNames) : null;
    const key = published === null ? undefined : record!.keyNames[slot];
    if (key === undefined) {
      write.text(i, '');
      write.attr(i, 'data-published', null);
      write.attr(i, 'title', null);
      return;
    }
    const now = published!.includes(key);
    write.text(i, key);
    write.attr(i, 'data-published', now ? 'true' : 'false');
    write.attr(i, 'title', now ? `${key}: published now` : `${key}: not published now — validators that fetch the key set stop trusting it`);
  };
}

export const IDENTITY_READOUTS: Record<string, Readout> = {
  /** A key-set card's key line: "live" once the run sends its keys (the file's keys show until then). */
  published: (write, i, record) => {
    const published = record ? keysIn(record.get('publishedKeys'), record.keyNames) : null;
    write.attr(i, 'data-state', published === null ? 'idle' : 'live');
    const missing = record ? keysIn(record.get('missingKeys'), record.keyNames) : null;
    write.attr(
      i,
      'aria-label',
      published === null ? null : `Publishes now: ${published.length === 0 ? 'no keys' : published.join(' ')}${missing && missing.length > 0 ? `; missing ${missing.join(' ')}, which tokens are signed with` : ''}`,
    );
  },
  ...Object.fromEntries(Array.from({ length: KEYSET_KEY_SLOTS }, (_, slot) => [`published-key-${slot}`, publishedSlot(slot)])),
  'published-note': (write, i, record) => {
    const count = record && record.get('publishedKeys') >= 0 ? record.keyNames.length : 0;
    write.text(i, count > KEYSET_KEY_SLOTS ? `+${count - KEYSET_KEY_SLOTS}` : '');
  },
  /** An identity card's signing key now (a "sign with key" fault changes it). */
  signing: (write, i, record) => {
    const index = record ? record.get('signingKey') : NaN;
    const key = index >= 0 ? record!.keyNames[index] : undefined;
    write.attr(i, 'data-state', key === undefined ? 'idle' : 'live');
  },
  'signing-key': (write, i, record) => {
    const index = record ? record.get('signingKey') : NaN;
    write.text(i, index >= 0 ? (record!.keyNames[index] ?? '?') : '');
  },
  /** Clients with auth: users signing in again after a rejected token, per second. */
  'reauth-rate': (write, i, record) => {
    const perSec = record ? record.get('reauthPerSec') : NaN;
    write.text(i, perSec >= 0 ? formatRate(perSec) : '–');
    write.attr(i, 'data-alarm', perSec > 0 ? 'true' : null);
  },
};

export const OVERVIEW_IDENTITY_READOUTS: readonly string[] = [];
