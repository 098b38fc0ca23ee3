// The embed's still picture (src/ui/embed/still-picture.ts): what a reader sees before React and
// the worker load — every node's name and state word, where the live canvas's fit puts the
// cards, text set larger when the picture is zoomed out, hostile labels escaped, nothing drawn
// for a document the canvas could not draw either.
import { describe, expect, it } from 'vitest';
import { builtinScenarios, findBuiltin } from '../../src/scenarios/index.ts';
import { STILL_MAX_NODES, STILL_STATE_WORD, readStillDocument, stillPictureSvg, stillTextScale, stillZoom } from '../../src/ui/embed/still-picture.ts';
import { layoutDocument, needsLayout } from '../../src/store/graph/auto-layout.ts';
import { readEditableDocument } from '../../src/store/graph/document.ts';
import { MIN_TEXT_PX } from '../../src/ui/canvas/legibility.ts';

const cards = (svg: string) => [...svg.matchAll(/<g class="fl-picture-node" data-id="([^"]*)">(.*?)<\/g>/g)].map((m) => ({ id: m[1], body: m[2] }));
const texts = (body: string) => [...body.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('the still picture', () => {
  it.each(builtinScenarios.map((b) => [b.id, b] as const))('%s: one card per node, each with its name and the state word', (_id, builtin) => {
    const scenario = builtin.scenario as { nodes: { id: string; label?: string }[]; links: unknown[] };
    const svg = stillPictureSvg(builtin.scenario, { title: builtin.title })!;
    const drawn = cards(svg);
    expect(drawn.map((c) => c.id)).toEqual(scenario.nodes.map((n) => n.id));
    for (const card of drawn) {
      const [name, , state] = texts(card.body);
      const label = scenario.nodes.find((n) => n.id === card.id)!.label ?? card.id;
      expect(label.startsWith(name.replace(/…$/, ''))).toBe(true);
      expect(state).toBe(STILL_STATE_WORD.toUpperCase());
    }
    expect(svg.match(/<path class="fl-picture-link"/g)?.length ?? 0).toBeLessThanOrEqual(scenario.links.length);
  });

  it('at a phone-sized zoom sets the text larger and shows the distinct short names with the state word only', () => {
    const s8 = findBuiltin('key-removal-2021')!;
    const svg = stillPictureSvg(s8.scenario, { title: 'x', textScale: 2 })!;
    const portal = cards(svg).find((c) => c.id === 'users-teams-like')!;
    const [name, state, extra] = texts(portal.body);
    expect(name.startsWith('…')).toBe(true); // "Users of " is shared with other names: cut off
    expect(state).toBe('IDLE');
    expect(extra).toBeUndefined(); // no kind line
    expect(portal.body).toContain('font-size="30"');
  });

  it('hands the canvas a document it need not lay out again, placed exactly as the canvas would place it', () => {
    for (const builtin of builtinScenarios) {
      const laidOut = readStillDocument(builtin.scenario)!;
      expect(needsLayout(laidOut)).toBe(false); // graph-store lays out only a document that needs it
      const read = readEditableDocument(structuredClone(builtin.scenario));
      if (!read.ok) throw new Error(read.reason);
      expect(laidOut.nodes.map((n) => n.position)).toEqual(layoutDocument(read.document).nodes.map((n) => n.position));
      // the built-in itself is untouched: the worker gets the document as written
      expect((builtin.scenario as { nodes: { position?: unknown }[] }).nodes.every((n) => n.position === undefined)).toBe(true);
    }
  });

  it('escapes a hostile label', () => {
    const svg = stillPictureSvg(
      { format: 'faultline.scenario/v1', name: 'x', nodes: [{ id: 'a', kind: 'service', label: '<img src=x onerror=alert(1)>&' }], links: [] },
      { title: '<b>t</b>' },
    )!;
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;&amp;');
  });

  it('draws nothing for what the canvas could not draw: not a scenario, no nodes, a node without an id, too many nodes', () => {
    expect(stillPictureSvg(null, { title: 'x' })).toBeNull();
    expect(stillPictureSvg({ format: 'faultline.scenario/v2', nodes: [{ id: 'a', kind: 'service' }] }, { title: 'x' })).toBeNull();
    expect(stillPictureSvg({ format: 'faultline.scenario/v1', nodes: [] }, { title: 'x' })).toBeNull();
    expect(stillPictureSvg({ format: 'faultline.scenario/v1', nodes: [{ kind: 'service' }] }, { title: 'x' })).toBeNull();
    const many = Array.from({ length: STILL_MAX_NODES + 1 }, (_, i) => ({ id: `n${i}`, kind: 'service' }));
    expect(stillPictureSvg({ format: 'faultline.scenario/v1', nodes: many, links: [] }, { title: 'x' })).toBeNull();
  });
});

describe("the still picture's fit", () => {
  it('fits the cards (not the picture margin) into the canvas less its margins, as React Flow does', () => {
    // 1000 × 400 of cards plus 24 px around; a 700 × 300 canvas with zoom buttons: 700-14-54 = 632 wide, 272 high
    expect(stillZoom({ width: 1048, height: 448 }, { width: 700, height: 300 }, true)).toBeCloseTo(Math.min(632 / 1000, 272 / 400), 9);
    expect(stillZoom({ width: 1048, height: 448 }, { width: 700, height: 300 }, false)).toBeCloseTo(Math.min(672 / 1000, 272 / 400), 9);
  });

  it('never zooms in past 1.1, as the live fit', () => {
    expect(stillZoom({ width: 248, height: 144 }, { width: 1400, height: 900 }, true)).toBe(1.1);
  });

  it("keeps the smallest text at the canvas's minimum on screen while a card has room, never below design size", () => {
    expect(stillTextScale(1)).toBe(1);
    expect(stillTextScale(0.6) * 12 * 0.6).toBeCloseTo(MIN_TEXT_PX, 9);
    expect(stillTextScale(0.1)).toBe(2.1); // a card's height holds no more
  });
});
