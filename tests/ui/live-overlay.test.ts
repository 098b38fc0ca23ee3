// Big graphs draw their live state on one canvas overlay: one queue bar per node filled to its
// share, drops/s where text can be read, nothing redrawn when nothing changed — and the DOM
// painter, switched to the overlay, leaves the node DOM idle while the stream runs.
import { describe, expect, it } from 'vitest';
import { LIVE_HEADER, LIVE_LINK_FIELDS, LIVE_NODE_FIELDS, type LiveLayout } from '../../src/engine/index.ts';
import { usersApiLayout } from '../support/live-layout.ts';
import { createLivePainter } from '../../src/ui/canvas/live/live-painter.ts';
import type { LiveSnapshot } from '../../src/ui/canvas/live/live-source.ts';
import { createOverlayPainter } from '../../src/ui/canvas/overlay/overlay-painter.ts';
import { QUEUE_BAR, type OverlayContext, type OverlayPalette, type OverlayScene } from '../../src/ui/canvas/overlay/overlay-types.ts';

type NodeField = (typeof LIVE_NODE_FIELDS)[number];

const layout = usersApiLayout;

function values(byNode: Record<string, Partial<Record<NodeField, number>>>): Float64Array {
  const out = new Float64Array(layout.length);
  layout.nodeIds.forEach((id, i) => {
    for (const [field, value] of Object.entries(byNode[id] ?? {})) out[LIVE_HEADER + i * LIVE_NODE_FIELDS.length + LIVE_NODE_FIELDS.indexOf(field as NodeField)] = value;
  });
  out[LIVE_HEADER + 2 * LIVE_NODE_FIELDS.length + LIVE_LINK_FIELDS.indexOf('up')] = 1;
  return out;
}

function source(initial: LiveSnapshot) {
  let snapshot = initial;
  return { get: () => snapshot, subscribe: () => () => {}, set: (next: Omit<LiveSnapshot, 'version'>) => { snapshot = { ...next, version: snapshot.version + 1 }; } };
}

/** Records every drawing call with the fill colour in effect. */
function fakeContext() {
  const calls: { op: string; args: unknown[]; fill: unknown; font: string }[] = [];
  const record = (op: string) => (...args: unknown[]) => void calls.push({ op, args, fill: context.fillStyle, font: context.font });
  const context: OverlayContext & { calls: typeof calls } = {
    calls, fillStyle: '', strokeStyle: '', lineWidth: 1, font: '', textAlign: 'start', textBaseline: 'alphabetic',
    setTransform: record('setTransform'), clearRect: record('clearRect'), fillRect: record('fillRect'), strokeRect: record('strokeRect'),
    setLineDash: record('setLineDash'), beginPath: record('beginPath'), moveTo: record('moveTo'), lineTo: record('lineTo'), stroke: record('stroke'), fillText: record('fillText'),
    measureText: (text: string) => ({ width: text.length * 7 }), arc: record('arc'),
  };
  return context;
}

const palette: OverlayPalette = { ok: 'ok', strained: 'strained', failing: 'failing', down: 'down', token: 'token', track: 'track', flow: 'flow' };
const boxes = new Map([['users', { x: 0, y: 0, widthPx: 190, heightPx: 100 }], ['api', { x: 300, y: 0, widthPx: 190, heightPx: 100 }]]);
const scene = (zoom = 1): OverlayScene => ({ nodes: boxes, links: [{ id: 'users-api', source: 'users', target: 'api' }], transform: [0, 0, zoom], widthPx: 800, heightPx: 600, pixelRatio: 2, geometryKey: boxes });
const bars = (context: ReturnType<typeof fakeContext>) => context.calls.filter((c) => c.op === 'fillRect' && c.args[3] === QUEUE_BAR.heightPx);

describe('live overlay', () => {
  it('draws a bell, in the alert colour, above a node and on a link whose alert fires — and none while none fires', () => {
    const quiet = values({ api: { queued: 1, queueCapacity: 100 } });
    const firing = Float64Array.from(quiet);
    firing[LIVE_HEADER + 1 * LIVE_NODE_FIELDS.length + LIVE_NODE_FIELDS.indexOf('alertsFiring')] = 1; // api
    firing[LIVE_HEADER + 2 * LIVE_NODE_FIELDS.length + LIVE_LINK_FIELDS.indexOf('alertsFiring')] = 2; // users-api
    const clappers = (context: ReturnType<typeof fakeContext>) => context.calls.filter((c) => c.op === 'arc' && c.args[3] === 0 && c.args[4] === 2 * Math.PI).map((c) => [c.args[0], c.args[1]]);
    const quietContext = fakeContext();
    createOverlayPainter(quietContext, source({ layout, values: quiet, version: 1 }), () => scene(), palette, { textMinZoom: 0.45, textPx: 11 }).draw();
    expect(clappers(quietContext)).toEqual([]);
    const context = fakeContext();
    createOverlayPainter(context, source({ layout, values: firing, version: 1 }), () => scene(0.3), palette, { textMinZoom: 0.45, textPx: 11 }).draw();
    const k = 11 / 0.3 / 12; // zoomed out past the text: the bell still grows to stay legible
    // one on the link's middle (190→300 at y 50), one above api's left end (x 300)
    expect(clappers(context)).toEqual([
      [245, 50 - 7 + 13 * k],
      [300 + 12, -16 + 13 * k],
    ]);
    expect(context.strokeStyle).toBe('strained');
  });

  it('draws one queue bar per node, filled to its queue share in the level colour', () => {
    const live = source({ layout, values: values({ users: { queueCapacity: -1, workers: -1 }, api: { queued: 75, queueCapacity: 100, workers: 8 } }), version: 1 });
    const context = fakeContext();
    createOverlayPainter(context, live, () => scene(), palette, { textMinZoom: 0.45, textPx: 11 }).draw();
    const trackPx = 190 - 2 * QUEUE_BAR.insetPx;
    const fills = bars(context).filter((c) => c.fill !== 'track');
    expect(bars(context).filter((c) => c.fill === 'track')).toHaveLength(2);
    expect(fills.map((c) => [c.args[0], c.args[2], c.fill])).toEqual([
      [QUEUE_BAR.insetPx, 0, 'ok'],
      [300 + QUEUE_BAR.insetPx, 0.75 * trackPx, 'strained'],
    ]);
  });

  it('redraws nothing while neither the numbers nor the viewport change', () => {
    const live = source({ layout, values: values({ api: { queued: 10, queueCapacity: 100 } }), version: 1 });
    const context = fakeContext();
    let zoom = 1;
    const painter = createOverlayPainter(context, live, () => scene(zoom), palette, { textMinZoom: 0.45, textPx: 11 });
    expect(painter.draw()).toBe(true);
    const drawn = context.calls.length;
    expect(painter.draw()).toBe(false);
    live.set({ layout, values: values({ api: { queued: 10, queueCapacity: 100 } }) }); // a new snapshot, same numbers
    expect(painter.draw()).toBe(false);
    expect(context.calls).toHaveLength(drawn);
    live.set({ layout, values: values({ api: { queued: 11, queueCapacity: 100 } }) });
    expect(painter.draw()).toBe(true);
    expect(context.calls.length).toBeGreaterThan(drawn);
    expect(painter.draw()).toBe(false);

    const drawnBefore = context.calls.length;
    zoom = 0.5; // a zoom clears and redraws at the new scale
    expect(painter.draw()).toBe(true);
    expect(context.calls.slice(drawnBefore).map((c) => c.op).slice(0, 2)).toEqual(['setTransform', 'clearRect']);
    // pixel ratio 2 × zoom 0.5: flow coordinates drawn at 1 device px per flow px
    expect(context.calls.find((c, i) => i > drawnBefore && c.op === 'setTransform' && c.args[0] !== 2)?.args).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('draws new numbers at most once per interval, but a pan at once', () => {
    const live = source({ layout, values: values({ api: { queued: 10, queueCapacity: 100 } }), version: 1 });
    let x = 0;
    const painter = createOverlayPainter(fakeContext(), live, () => ({ ...scene(), transform: [x, 0, 1] }), palette, { textMinZoom: 0.45, textPx: 11, numbersIntervalMs: 100 });
    expect(painter.draw(1000)).toBe(true);
    live.set({ layout, values: values({ api: { queued: 20, queueCapacity: 100 } }) });
    expect(painter.draw(1050)).toBe(false);
    x = 40;
    expect(painter.draw(1060)).toBe(true);
    live.set({ layout, values: values({ api: { queued: 30, queueCapacity: 100 } }) });
    expect(painter.draw(1100)).toBe(false);
    expect(painter.draw(1160)).toBe(true);
  });

  it('writes drops/s above a dropping node only where text can be read', () => {
    const live = source({ layout, values: values({ api: { droppedPerSec: 7.5, queueCapacity: 100 } }), version: 1 });
    const near = fakeContext();
    createOverlayPainter(near, live, () => scene(1), palette, { textMinZoom: 0.45, textPx: 11 }).draw();
    expect(near.calls.filter((c) => c.op === 'fillText').map((c) => [c.args[0], c.fill])).toEqual([['7.5 drop/s', 'failing']]);
    const far = fakeContext();
    createOverlayPainter(far, live, () => scene(0.3), palette, { textMinZoom: 0.45, textPx: 11 }).draw();
    expect(far.calls.filter((c) => c.op === 'fillText')).toEqual([]);
  });

  it('its text is never smaller on screen than the target: font size (flow px) × zoom ≥ 11 px, ≥ 16 px presenting', () => {
    const live = source({ layout, values: values({ api: { droppedPerSec: 7.5, queueCapacity: 100 } }), version: 1 });
    for (const [zoom, textPx] of [[0.6, 11], [1, 11], [2, 11], [0.7, 16], [1.2, 16]]) {
      const context = fakeContext();
      createOverlayPainter(context, live, () => scene(zoom), palette, { textMinZoom: 0.45, textPx }).draw();
      const texts = context.calls.filter((c) => c.op === 'fillText');
      expect(texts.length).toBe(1);
      const fontPx = Number(/([\d.]+)px/.exec(texts[0].font)![1]);
      expect(fontPx * zoom).toBeGreaterThanOrEqual(textPx);
      expect(fontPx).toBeGreaterThanOrEqual(12); // zoomed in, as designed: never shrunk
    }
  });

  it('switched to the overlay, the DOM painter paints its cards idle once and then writes nothing', () => {
    const attrs = new Map<string, string>();
    let writes = 0;
    const card = { hasAttribute: () => true, getAttribute: (n: string) => (n === 'data-live' ? 'health' : attrs.get(n) ?? null), querySelectorAll: () => [], setAttribute: (n: string, v: string) => { attrs.set(n, v); writes++; } };
    const live = source({ layout, values: values({ api: { droppedPerSec: 3 } }), version: 1 });
    const painter = createLivePainter(live, null);
    painter.registerNode('api', card as unknown as Element);
    painter.paint();
    expect(attrs.get('data-health')).toBe('failing');
    painter.setTarget('overlay');
    painter.paint();
    expect(attrs.get('data-health')).toBe('idle');
    const idleWrites = writes;
    live.set({ layout, values: values({ api: { down: 1 } }) });
    painter.paint();
    expect(writes).toBe(idleWrites);
    painter.setTarget('dom');
    painter.paint();
    expect(attrs.get('data-health')).toBe('down');
  });

  it('draws identity trouble in its own colour, double strip and words — never as drops/s', () => {
    // teams: a validator rejecting K1 on 31% of its replicas (all its drops are rejected tokens);
    // jwks: a key set lacking K1; users: signing in again; api: an overloaded service.
    const keyLayout: LiveLayout = {
      keyNames: ['K1', 'K2'], nodeIds: ['teams', 'jwks', 'users', 'api'], nodeKinds: ['service', 'keyset', 'client', 'service'], linkIds: [],
      nodeFields: LIVE_NODE_FIELDS, linkFields: LIVE_LINK_FIELDS, length: LIVE_HEADER + 4 * LIVE_NODE_FIELDS.length,
    };
    const none = { rejectingShare: -1, rejectingKeys: -1, missingKeys: -1, publishedKeys: -1, reauthPerSec: -1 };
    const byNode: Record<string, Partial<Record<NodeField, number>>> = {
      teams: { ...none, rejectingShare: 0.31, rejectingKeys: 0b01, droppedPerSec: 12, authRejectedPerSec: 12, queueCapacity: -1, workers: -1 },
      jwks: { ...none, publishedKeys: 0b10, missingKeys: 0b01, queueCapacity: -1, workers: -1 },
      users: { ...none, reauthPerSec: 30, droppedPerSec: 29, authRejectedPerSec: 29, queueCapacity: -1, workers: -1 },
      api: { ...none, droppedPerSec: 7.5, queueCapacity: 100, queued: 100, workers: 4 },
    };
    const out = new Float64Array(keyLayout.length);
    keyLayout.nodeIds.forEach((id, i) => {
      for (const [field, value] of Object.entries(byNode[id])) out[LIVE_HEADER + i * LIVE_NODE_FIELDS.length + LIVE_NODE_FIELDS.indexOf(field as NodeField)] = value;
    });
    const keyBoxes = new Map(keyLayout.nodeIds.map((id, i) => [id, { x: i * 250, y: 100, widthPx: 190, heightPx: 120 }]));
    const keyScene: OverlayScene = { nodes: keyBoxes, links: [], transform: [0, 0, 1], widthPx: 1200, heightPx: 600, pixelRatio: 1, geometryKey: keyBoxes };
    const context = fakeContext();
    createOverlayPainter(context, source({ layout: keyLayout, values: out, version: 1 }), () => keyScene, palette, { textMinZoom: 0.45, textPx: 11 }).draw();
    expect(context.calls.filter((c) => c.op === 'fillText').map((c) => [c.args[0], c.fill])).toEqual([
      ['REJECTING TOKENS K1 · 31% of replicas', 'token'],
      ['KEY MISSING K1', 'token'],
      ['SIGNING IN AGAIN 30/s', 'token'],
      ['7.5 drop/s', 'failing'],
    ]);
    // the token state's left border is two 3 px strips; the overloaded card keeps its one thick strip
    const strips = (x: number) => context.calls.filter((c) => c.op === 'fillRect' && c.args[1] === 100 && c.args[3] === 120 && (c.args[0] as number) >= x && (c.args[0] as number) < x + 10);
    expect(strips(0).map((c) => [c.args[0], c.args[2], c.fill])).toEqual([[0, 3, 'token'], [5, 3, 'token']]);
    expect(strips(750).map((c) => [c.args[0], c.args[2], c.fill])).toEqual([[750, QUEUE_BAR.stripPx, 'failing']]);
    // a key icon beside each token line
    expect(context.calls.filter((c) => c.op === 'arc')).toHaveLength(3);
  });
});
