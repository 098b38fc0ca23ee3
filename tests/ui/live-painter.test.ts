// The canvas painter writes live numbers straight to registered elements, once per changed
// snapshot, and paints "idle" when nothing runs or the run does not know the node.
import { describe, expect, it } from 'vitest';
import { LIVE_HEADER, LIVE_LINK_FIELDS, LIVE_NODE_FIELDS } from '../../src/engine/index.ts';
import { usersApiLayout } from '../support/live-layout.ts';
import { createLivePainter } from '../../src/ui/canvas/live/live-painter.ts';
import type { LiveSnapshot } from '../../src/ui/canvas/live/live-source.ts';
import { flowCycleSec, flowWidthPx } from '../../src/ui/canvas/live/link-readouts.ts';
import { FakeElement } from '../support/fake-live-element.ts';


function nodeCard() {
  const root = new FakeElement('health');
  const parts = { word: new FakeElement('health-word'), fill: new FakeElement('queue-fill'), queue: new FakeElement('queue-text'), busy: new FakeElement('busy-text'), drops: new FakeElement('dropped-rate') };
  root.children = Object.values(parts);
  return { root, ...parts };
}

const layout = usersApiLayout;

function values(api: Partial<Record<(typeof LIVE_NODE_FIELDS)[number], number>>, link: Partial<Record<(typeof LIVE_LINK_FIELDS)[number], number>> = {}) {
  const out = new Float64Array(layout.length);
  for (const [field, value] of Object.entries(api)) out[LIVE_HEADER + LIVE_NODE_FIELDS.length + LIVE_NODE_FIELDS.indexOf(field as never)] = value;
  const linkBase = LIVE_HEADER + 2 * LIVE_NODE_FIELDS.length;
  for (const [field, value] of Object.entries(link)) out[linkBase + LIVE_LINK_FIELDS.indexOf(field as never)] = value;
  return out;
}

function source(initial: LiveSnapshot) {
  let snapshot = initial;
  return { get: () => snapshot, subscribe: () => () => {}, set: (next: Omit<LiveSnapshot, 'version'>) => { snapshot = { ...next, version: snapshot.version + 1 }; } };
}

describe('live painter', () => {
  it('paints a node idle before any run, then its queue, workers and drops from the stream', () => {
    const live = source({ layout: null, values: null, version: 0 });
    const painter = createLivePainter(live, null);
    const card = nodeCard();
    painter.registerNode('api', card.root as unknown as Element);
    painter.paint();
    expect(card.root.attrs.get('data-health')).toBe('idle');
    expect(card.queue.textContent).toBe('–');

    live.set({ layout, values: values({ queued: 75, queueCapacity: 100, inService: 4, workers: 4, droppedPerSec: 7.5 }) });
    painter.paint();
    expect(card.fill.styles.get('--fl-fill')).toBe('75.0%');
    expect(card.fill.attrs.get('data-level')).toBe('high');
    expect(card.queue.textContent).toBe('75/100');
    expect(card.busy.textContent).toBe('4/4');
    expect(card.drops.textContent).toBe('7.5');
    expect(card.drops.attrs.get('data-alarm')).toBe('true');
    expect(card.root.attrs.get('data-health')).toBe('failing');
  });

  it('writes nothing when the snapshot has not changed, and only what changed when it has', () => {
    const live = source({ layout, values: values({ queued: 3, queueCapacity: 100, workers: 4, inService: 2 }), version: 1 });
    const painter = createLivePainter(live, null);
    const card = nodeCard();
    painter.registerNode('api', card.root as unknown as Element);
    painter.paint();
    const writes = card.fill.writes + card.queue.writes + card.root.writes;
    painter.paint();
    live.set({ layout, values: values({ queued: 3, queueCapacity: 100, workers: 4, inService: 2 }) });
    painter.paint();
    expect(card.fill.writes + card.queue.writes + card.root.writes).toBe(writes);
  });

  it('a node added since the run was loaded is painted idle, not with another node’s numbers', () => {
    const live = source({ layout, values: values({ queued: 50, queueCapacity: 100 }), version: 1 });
    const painter = createLivePainter(live, null);
    const card = nodeCard();
    painter.registerNode('new-service', card.root as unknown as Element);
    painter.paint();
    expect(card.root.attrs.get('data-health')).toBe('idle');
    expect(card.fill.styles.get('--fl-fill')).toBe('0.0%');
  });

  it('marks a crashed node down, and an unregistered node is no longer painted', () => {
    const live = source({ layout: null, values: null, version: 0 });
    const painter = createLivePainter(live, null);
    const card = nodeCard();
    const unregister = painter.registerNode('api', card.root as unknown as Element);
    live.set({ layout, values: values({ down: 1, queueCapacity: -1, workers: 4 }) });
    painter.paint();
    expect(card.root.attrs.get('data-health')).toBe('down');
    expect(card.word.textContent).toBe('down');
    unregister();
    live.set({ layout, values: values({ droppedPerSec: 5 }) });
    painter.paint();
    expect(card.root.attrs.get('data-health')).toBe('down');
  });

  it('paints a link down and lossy, with its buffer and drops, and a width that grows with its rate', () => {
    const live = source({ layout, values: values({}, { up: 0, bufferDepth: 12, bufferCapacity: 50, droppedPerSec: 3.1, loss: 0.05, sentPerSec: 0 }), version: 1 });
    const painter = createLivePainter(live, null);
    const group = new FakeElement('state');
    const flow = new FakeElement('flow');
    const stats = new FakeElement('stats');
    const condition = new FakeElement('condition');
    group.children = [flow, stats, condition];
    painter.registerLink('users-api', group as unknown as Element);
    painter.paint();
    expect(group.attrs.get('data-health')).toBe('down');
    expect(group.attrs.get('data-lossy')).toBe('true');
    expect(stats.textContent).toBe('buf 12/50 · 3.1 drop/s');
    expect(condition.textContent).toBe('DOWN');
    expect(flow.attrs.has('data-flowing')).toBe(false);
    expect(flowWidthPx(0)).toBe(1.5);
    expect(flowWidthPx(1000)).toBeGreaterThan(flowWidthPx(10));
    expect(flowCycleSec(1000)).toBeLessThan(flowCycleSec(1));
  });

  it('zoomed out (overview), paints colours and bars but no text; back at full detail, the text catches up', () => {
    const live = source({ layout: null, values: null, version: 0 });
    const painter = createLivePainter(live, null);
    const card = nodeCard();
    painter.registerNode('api', card.root as unknown as Element);
    painter.paint();
    painter.setDetail('overview');
    live.set({ layout, values: values({ queued: 60, queueCapacity: 100, workers: 4, inService: 4, droppedPerSec: 2 }) });
    painter.paint();
    expect(card.root.attrs.get('data-health')).toBe('failing');
    expect(card.fill.styles.get('--fl-fill')).toBe('60.0%');
    expect(card.queue.textContent).toBe('–');
    painter.setDetail('full');
    painter.paint();
    expect(card.queue.textContent).toBe('60/100');
    expect(card.drops.textContent).toBe('2.0');
  });

  it('spreads a large update over frames, at most its budget per frame, every entity with the newest numbers', () => {
    const live = source({ layout: null, values: null, version: 0 });
    const painter = createLivePainter(live, null, { budgetPerFrame: 2 });
    const cards = ['users', 'api', 'api', 'api', 'api'].map((id) => {
      const card = nodeCard();
      painter.registerNode(id, card.root as unknown as Element);
      return card;
    });
    painter.paint(); // fresh registrations: all painted at once, idle
    expect(painter.lastPaintedCount).toBe(5);
    live.set({ layout, values: values({ queued: 10, queueCapacity: 100 }) });
    painter.paint();
    expect(painter.lastPaintedCount).toBe(2);
    live.set({ layout, values: values({ queued: 20, queueCapacity: 100 }) }); // arrives mid-pass
    painter.paint();
    painter.paint();
    expect(cards.slice(1).map((c) => c.queue.textContent)).toEqual(['10/100', '20/100', '20/100', '20/100']);
    painter.paint(); // the pass is done; the next starts for the newer version
    painter.paint();
    painter.paint();
    expect(cards.slice(1).map((c) => c.queue.textContent)).toEqual(['20/100', '20/100', '20/100', '20/100']);
    painter.paint();
    expect(painter.lastPaintedCount).toBe(0);
  });

  it('repaints a big graph less often than the stream, a small one at every update', () => {
    const live = source({ layout: null, values: null, version: 0 });
    const painter = createLivePainter(live, null, { intervalMs: (n) => (n > 1 ? 100 : 0) });
    const cards = [nodeCard(), nodeCard()];
    cards.forEach((c) => painter.registerNode('api', c.root as unknown as Element));
    painter.paint(0);
    live.set({ layout, values: values({ queued: 1, queueCapacity: 100 }) });
    painter.paint(1000);
    live.set({ layout, values: values({ queued: 2, queueCapacity: 100 }) });
    painter.paint(1050); // not due: 50 ms after the last pass
    expect(cards[0].queue.textContent).toBe('1/100');
    painter.paint(1100);
    expect(cards[0].queue.textContent).toBe('2/100');
  });
});
