// The embed's layout for its frame (src/store/graph/frame-layout.ts): top to bottom in a portrait
// frame when that draws the graph larger; a landscape frame and the editor keep the layout as it was.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { layoutDocument, layoutNodeHeightPx, LAYOUT_NODE_WIDTH_PX } from '../../src/store/graph/auto-layout.ts';
import { readEditableDocument, type ScenarioDocument } from '../../src/store/graph/document.ts';
import { cardsBox, DOWN_MAX_NODES, fitZoom, foldRows, frameLayouts, KEEP_SHOWN_UNDER_GAIN, layoutForFrame, type Box, type FrameLayouts } from '../../src/store/graph/frame-layout.ts';
import { LIVE_OVERLAY_MIN_NODES } from '../../src/ui/canvas/overlay/overlay-types.ts';
import { fitRoom, liveRoomEstimate } from '../../src/ui/embed/still-picture.ts';
import { stateWordsFit } from '../../src/ui/canvas/nodes/fit-label.ts';

const read = (value: unknown): ScenarioDocument => {
  const result = readEditableDocument(structuredClone(value));
  if (!result.ok) throw new Error(result.reason);
  return result.document;
};
/** A 390×844 phone's embed canvas (title, caption and two rows of footer taken off), as fit sees it. */
const PHONE = fitRoom({ width: 390, height: 620 }, true);
const EMBED = fitRoom({ width: 700, height: 260 }, true);

function overlapping(document: ScenarioDocument): string[] {
  const found: string[] = [];
  const nodes = document.nodes;
  for (const [i, a] of nodes.entries()) {
    for (const b of nodes.slice(i + 1)) {
      const apart = a.position!.x + LAYOUT_NODE_WIDTH_PX <= b.position!.x || b.position!.x + LAYOUT_NODE_WIDTH_PX <= a.position!.x
        || a.position!.y + layoutNodeHeightPx(a) <= b.position!.y || b.position!.y + layoutNodeHeightPx(b) <= a.position!.y;
      if (!apart) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

describe('the layout for an embed frame', () => {
  it.each(builtinScenarios.map((b) => [b.id, b.scenario] as const))('%s: top to bottom on a phone, larger than across, no two cards on each other, every node placed', (_id, scenario) => {
    const layouts = frameLayouts(read(scenario));
    const chosen = layoutForFrame(layouts, PHONE);
    expect(chosen.direction).toBe('down');
    expect(chosen.document.nodes.every((n) => Number.isFinite(n.position?.x) && Number.isFinite(n.position?.y))).toBe(true);
    expect(overlapping(chosen.document)).toEqual([]);
    const across = fitZoom(cardsBox(layouts.across), PHONE);
    const down = fitZoom(cardsBox(chosen.document), PHONE);
    expect(down).toBeGreaterThan(across);
    // the graph is taller than wide, as the frame is
    const box = cardsBox(chosen.document);
    expect(box.height).toBeGreaterThanOrEqual(box.width);
  });

  it('key-removal on a phone: drawn about twice as large as across (0.25 → ≥ 0.45), its rows folded three a line', () => {
    const layouts = frameLayouts(read(builtinScenarios.find((b) => b.id === 'key-removal-2021')!.scenario));
    const chosen = layoutForFrame(layouts, PHONE);
    expect(fitZoom(cardsBox(layouts.across), PHONE)).toBeLessThan(0.3);
    expect(fitZoom(cardsBox(chosen.document), PHONE)).toBeGreaterThanOrEqual(0.45);
    expect(chosen.key).toBe('down/3');
  });

  it.each(builtinScenarios.map((b) => [b.id, b.scenario] as const))('%s: a landscape frame keeps exactly the layout the editor gives', (_id, scenario) => {
    const document = read(scenario);
    const chosen = layoutForFrame(frameLayouts(document), EMBED);
    expect(chosen.direction).toBe('across');
    expect(chosen.document.nodes.map((n) => n.position)).toEqual(layoutDocument(document).nodes.map((n) => n.position));
  });

  it("an author's tall layout keeps its positions in a portrait frame; an author's wide one is shown top to bottom without changing the document", () => {
    const nodes = ['a', 'b', 'c'].map((id, i) => ({ id, kind: 'service', position: { x: 0, y: i * 200 } }));
    const links = [{ id: 'l1', from: 'a', to: 'b' }, { id: 'l2', from: 'b', to: 'c' }];
    const tall = read({ format: 'faultline.scenario/v1', nodes, links });
    expect(layoutForFrame(frameLayouts(tall), PHONE).direction).toBe('across');
    const wide = read({ format: 'faultline.scenario/v1', nodes: nodes.map((n, i) => ({ ...n, position: { x: i * 300, y: 0 } })), links });
    const before = JSON.stringify(wide);
    const chosen = layoutForFrame(frameLayouts(wide), PHONE);
    expect(chosen.direction).toBe('down');
    expect(chosen.document.nodes.map((n) => n.position!.y)).toEqual([...chosen.document.nodes.map((n) => n.position!.y)].sort((x, y) => x - y));
    expect(JSON.stringify(wide)).toBe(before);
  });

  it('a graph the canvas overlay paints (side to side only) is never laid out top to bottom', () => {
    expect(DOWN_MAX_NODES).toBe(LIVE_OVERLAY_MIN_NODES);
    const nodes = Array.from({ length: DOWN_MAX_NODES }, (_, i) => ({ id: `n${i}`, kind: 'service' }));
    const links = nodes.slice(1).map((n, i) => ({ id: `l${i}`, from: 'n0', to: n.id }));
    const chosen = layoutForFrame(frameLayouts(read({ format: 'faultline.scenario/v1', nodes, links })), PHONE);
    expect(chosen.direction).toBe('across');
  });

  it('folds a row into centred lines of at most N cards, in order, a rank gap between lines', () => {
    const placed = foldRows([['a'], ['b', 'c', 'd', 'e', 'f']], 2, () => 100);
    expect(['b', 'c', 'd', 'e', 'f'].map((id) => placed.get(id)!.y)).toEqual([190, 190, 380, 380, 570]);
    expect(placed.get('b')!.x).toBeLessThan(placed.get('c')!.x);
    // the last line's single card is centred under the two above it
    expect(placed.get('f')!.x + 95).toBe((placed.get('b')!.x + placed.get('c')!.x + 190) / 2);
  });
});

describe('a layout on screen stays unless another is drawn clearly larger (no swap at the handover or on a small resize)', () => {
  interface Case {
    id: string;
    layouts: FrameLayouts;
    frame: Box;
    shown: string;
    best: string;
    gain: number;
  }
  /** Portrait frames where the best layout differs from the other one (the one shown), and by how much the best draws larger. */
  const cases: Case[] = [];
  for (const b of builtinScenarios) {
    const layouts = frameLayouts(read(b.scenario));
    for (let width = 300; width <= 700; width += 50) {
      for (let height = width + 10; height <= 2 * width; height += 10) {
        const frame = { width, height };
        const best = layoutForFrame(layouts, frame);
        const down = layouts.down(frame);
        if (down === null) continue;
        const shown = best.direction === 'across' ? `down/${down.perLine}` : 'across';
        const shownDocument = best.direction === 'across' ? down.document : layouts.across;
        const gain = fitZoom(cardsBox(best.document), frame) / fitZoom(cardsBox(shownDocument), frame);
        cases.push({ id: b.id, layouts, frame, shown, best: best.key, gain });
      }
    }
  }
  const near = cases.filter((c) => c.gain < KEEP_SHOWN_UNDER_GAIN);
  const far = cases.filter((c) => c.gain >= KEEP_SHOWN_UNDER_GAIN);
  const described = (c: Case) => `${c.id} at ${c.frame.width}×${c.frame.height}, ${c.shown} shown`;

  it('kept where the best draws under 1.1× as large (across kept, and top to bottom kept)', () => {
    // both kinds of near case exist, so this checks something
    expect(near.some((c) => c.shown === 'across')).toBe(true);
    expect(near.some((c) => c.shown.startsWith('down/'))).toBe(true);
    for (const c of near) expect(layoutForFrame(c.layouts, c.frame, c.shown).key, described(c)).toBe(c.shown);
  });

  it('replaced by the best where it draws 1.1× as large or more', () => {
    expect(far.some((c) => c.shown === 'across')).toBe(true);
    for (const c of far) expect(layoutForFrame(c.layouts, c.frame, c.shown).key, described(c)).toBe(c.best);
  });

  it('a landscape frame shows across whatever was shown; an unknown key is ignored', () => {
    const layouts = frameLayouts(read(builtinScenarios.find((b) => b.id === 'key-removal-2021')!.scenario));
    expect(layoutForFrame(layouts, EMBED, 'down/3').key).toBe('across');
    expect(layoutForFrame(layouts, PHONE, 'down/0').key).toBe(layoutForFrame(layouts, PHONE).key);
    expect(layoutForFrame(layouts, PHONE, 'sideways').key).toBe(layoutForFrame(layouts, PHONE).key);
  });

  it("the still picture chooses for the live canvas's shorter room", () => {
    const box = { width: 390, height: 497 };
    expect(liveRoomEstimate(box, { caption: true, controls: true }).height).toBeLessThan(liveRoomEstimate(box, { caption: true, controls: false }).height);
    expect(liveRoomEstimate(box, { caption: true, controls: false }).height).toBeLessThan(liveRoomEstimate(box, { caption: false, controls: true }).height);
    expect(liveRoomEstimate(box, { caption: false, controls: false }).height).toBeLessThan(box.height);
  });
});

describe('state words on small cards', () => {
  const widthEm = (text: string) => [...text].length * 0.6;
  it('"key missing" fits a compact card up to a text scale, past it cards show last words', () => {
    expect(stateWordsFit('full', 5, 'key missing', widthEm)).toBe(true);
    expect(stateWordsFit('compact', 1.8, 'key missing', widthEm)).toBe(true); // 8.15 em of 8.4
    expect(stateWordsFit('compact', 2.6, 'key missing', widthEm)).toBe(false);
  });
});
