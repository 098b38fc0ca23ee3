/**
 * When the run guard stops a run: which node or link holds what grew, and what to change there.
 * Runs once per stopped run, so it may look at every node and link.
 */
import type { LinkRuntime } from './link.ts';
import { REASONS } from './reasons.ts';
import type { EngineState } from './engine-state.ts';

export interface Culprit {
  type: 'node' | 'link';
  id: string;
  /** What it holds: requests waiting at a client, queued or in service at a node, messages on a link. */
  holds: 'waiting' | 'queued' | 'inService' | 'inTransit' | 'timers';
  count: number;
  /** The sentence naming it, with the advice. */
  message: string;
}

const count = (n: number): string => {
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} M`;
  return Math.round(n).toLocaleString('en-US');
};

interface Holder {
  type: 'node' | 'link';
  id: string;
  holds: Culprit['holds'];
  count: number;
  index: number;
}

/** The holder of most of what grew; null when nothing stands out (e.g. the heap of a huge graph). */
export function diagnose(sim: EngineState, kind: string): Culprit | null {
  if (kind === 'pendingTimers') return timersCulprit(sim);
  let client: Holder | null = null;
  let other: Holder | null = null;
  const consider = (h: Holder) => {
    if (h.count <= 0) return;
    if (h.holds === 'waiting') {
      if (client === null || h.count > client.count) client = h;
    } else if (other === null || h.count > other.count) other = h;
  };
  sim.nodes.forEach((node, index) => {
    for (const { holds, count } of node.holdings()) consider({ type: 'node', id: node.id, holds, count, index });
  });
  sim.links.forEach((link, index) => consider({ type: 'link', id: link.spec.id, holds: 'inTransit', count: link.forward.inTransit + link.back.inTransit, index }));
  // A client waits for every request its callees hold: name the callee when it holds most of them.
  const c = client as Holder | null;
  const o = other as Holder | null;
  const top = o !== null && (c === null || o.count * 2 >= c.count) ? o : c;
  if (top === null) return null;
  return { type: top.type, id: top.id, holds: top.holds, count: top.count, message: advice(sim, top) };
}

function advice(sim: EngineState, h: Holder): string {
  if (h.type === 'link') {
    const link = sim.links[h.index];
    const dir = link.forward;
    const buffer = dir.buffer === Infinity ? 'no buffer limit' : `a buffer of ${dir.buffer}`;
    return `Link \`${h.id}\` holds ${count(h.count)} messages in transit (${buffer}): give it a \`buffer\` so it drops what it cannot carry, more capacity, or less traffic.`;
  }
  const node = sim.nodes[h.index];
  if (h.holds === 'waiting') {
    const lossy = lossiestLink(sim);
    const lost =
      lossy === null
        ? ''
        : ` Link \`${lossy.link.spec.id}\` lost ${count(lossy.dropped)} messages (${lossy.reason}), and a lost message is never answered: only a timeout ends the wait.`;
    return `Client \`${h.id}\` is waiting for ${count(h.count)} requests with no answer.${lost} Give the client (and its callers' calls) a \`timeout\`, or lower its rate.`;
  }
  if (h.holds === 'queued') {
    const unlimited = node.hasUnboundedQueue();
    return `Node \`${h.id}\` holds ${count(h.count)} queued requests${unlimited ? ' (its queue has no capacity)' : ''}: add a queue capacity (\`queue.capacity\`) so it refuses what it cannot serve, more workers, or less traffic — a timeout alone does not empty a queue.`;
  }
  return `Node \`${h.id}\` holds ${count(h.count)} requests in service, each waiting for a downstream answer: give its calls a \`timeout\`, or it a worker limit (\`workers\`).`;
}

/** The link that dropped the most messages (loss, a full buffer, down), if any did. */
function lossiestLink(sim: EngineState): { link: LinkRuntime; dropped: number; reason: string } | null {
  let best: { link: LinkRuntime; dropped: number; reason: string } | null = null;
  for (const link of sim.links) {
    const dropped = link.forward.droppedTotal + link.back.droppedTotal;
    if (dropped > 0 && (best === null || dropped > best.dropped)) {
      let worst = 0;
      for (let r = 0; r < REASONS.length; r++) if (link.forward.dropped[r] + link.back.dropped[r] > link.forward.dropped[worst] + link.back.dropped[worst]) worst = r;
      best = { link, dropped, reason: REASONS[worst].replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`) };
    }
  }
  return best;
}

function timersCulprit(sim: EngineState): Culprit | null {
  const lane = sim.timers.longestLane();
  if (lane === null) return null;
  const delay = lane.delayMs >= 1000 ? `${lane.delayMs / 1000} s` : `${lane.delayMs} ms`;
  const owner = sim.nodes.find((node) => node.ownsTimerOf(lane.delayMs));
  const id = owner?.id ?? '(several)';
  return {
    type: 'node',
    id,
    holds: 'timers',
    count: lane.length,
    message: `${count(lane.length)} timers of ${delay}${owner ? ` (a timeout or deadline of node \`${id}\`)` : ''} were pending: each request keeps its timer until it is due, answered or not. Shorten that timeout or lower the rate.`,
  };
}
