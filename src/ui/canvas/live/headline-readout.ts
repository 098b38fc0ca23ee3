/**
 * A card's one most telling number (semantic zoom, ../legibility.ts): what the smallest tier shows
 * beside the state word, so a card the size of a thumbnail still says what is wrong — "K1 · 100%"
 * on a validator that rejects tokens, "queue 4.0k" on a service with thousands waiting (dropping
 * or not), "37 drop/s" on an overloaded one, "queue 12" on a filling one, "again 30/s" on a client whose users sign in again; otherwise the rate it takes in.
 */
import { formatCount, formatRate, formatShare } from './format-live.ts';
import { keysIn } from './identity-readouts.ts';
import type { LiveRecord, NodeField } from './live-reader.ts';

type NodeRecord = LiveRecord<NodeField>;

export interface Headline {
  text: string;
  /** 'token' | 'true' (overload), as the readouts' data-alarm; null when nothing is wrong. */
  alarm: 'token' | 'true' | null;
}

const NONE: Headline = { text: '', alarm: null };

/** From this many waiting, the queue's length says more than the drops per second. */
const LONG_QUEUE = 1000;

/** `health`: the card's state (node-readouts.ts nodeHealth), passed in so this file needs nothing of that one. */
export function headline(record: NodeRecord | null, health: string): Headline {
  if (record === null) return NONE;
  if (health === 'down') return NONE; // "down" says it all
  if (health === 'token') {
    const share = record.get('rejectingShare');
    if (share >= 0) {
      const keys = keysIn(record.get('rejectingKeys'), record.keyNames) ?? [];
      const what = share > 0 ? (share < 0.001 ? '<0.1%' : formatShare(share)) : `${formatRate(record.get('authRejectedPerSec'))}/s`;
      return { text: `${keys.length > 0 ? `${keys.join(' ')} · ` : ''}${what}`, alarm: 'token' };
    }
    const missing = keysIn(record.get('missingKeys'), record.keyNames);
    if (missing !== null && missing.length > 0) return { text: missing.map((k) => `✕${k}`).join(' '), alarm: 'token' };
    const reauth = record.get('reauthPerSec');
    if (reauth > 0) return { text: `again ${formatRate(reauth)}/s`, alarm: 'token' };
  }
  const queued = record.get('queued');
  // A queue of thousands is the story even while it drops (MFA's 4.0k behind 50 workers): the
  // state word already says "dropping".
  if (queued >= LONG_QUEUE) return { text: `queue ${formatCount(queued)}`, alarm: health === 'failing' ? 'true' : null };
  const overloadPerSec = record.get('droppedPerSec') - Math.max(0, record.get('authRejectedPerSec') || 0);
  if (health === 'failing' && overloadPerSec > 0) return { text: `${formatRate(overloadPerSec)} drop/s`, alarm: 'true' };
  if (health === 'strained' || queued >= 1) return { text: `queue ${formatCount(queued)}`, alarm: null };
  return { text: `${formatRate(record.get('arrivedPerSec'))}/s`, alarm: null };
}
