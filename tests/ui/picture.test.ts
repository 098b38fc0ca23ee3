// The picture module: every built-in drawn as well-formed SVG, one card per node and one curve per
// link, and hostile labels escaped (src/ui/picture/document-svg.ts).
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { readEditableDocument, type ScenarioDocument } from '../../src/store/graph/document.ts';
import { layoutDocument } from '../../src/store/graph/auto-layout.ts';
import { documentToSvg } from '../../src/ui/picture/document-svg.ts';
import { themeColours } from '../../src/ui/picture/picture-colours.ts';

function laidOut(raw: unknown): ScenarioDocument {
  const read = readEditableDocument(structuredClone(raw));
  if (!read.ok) throw new Error(read.reason);
  return layoutDocument(read.document);
}

/** A small well-formedness check: tags nest and close, attribute values are quoted, text has no raw markup. */
function checkWellFormed(svg: string): Map<string, number> {
  const counts = new Map<string, number>();
  const open: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let consumed = 0;
  while ((match = token.exec(svg)) !== null) {
    consumed = token.lastIndex;
    const [, closing, name, , selfClosing, text] = match;
    if (text !== undefined) {
      expect(text, 'text with a raw ampersand').not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
      expect(text).not.toContain('>');
      continue;
    }
    if (closing) expect(open.pop(), `</${name}> closes`).toBe(name);
    else {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      if (!selfClosing) open.push(name);
    }
  }
  expect(consumed, 'every character belongs to a tag or text').toBe(svg.length);
  expect(open).toEqual([]);
  return counts;
}

describe('documentToSvg', () => {
  it("a top-to-bottom picture's links leave a card's bottom centre and enter the next one's top centre (a portrait embed's still picture)", () => {
    const document = {
      format: 'faultline.scenario/v1',
      nodes: [{ id: 'a', kind: 'client', position: { x: 0, y: 0 } }, { id: 'b', kind: 'service', position: { x: 0, y: 200 } }],
      links: [{ id: 'l', from: 'a', to: 'b' }],
    } as unknown as ScenarioDocument;
    const path = (svg: string) => /data-id="l" d="M([\d.]+) ([\d.]+) C[^"]* ([\d.]+) ([\d.]+)"/.exec(svg)!.slice(1).map(Number);
    // card 190 wide, 96 tall: bottom centre (95, 96) to top centre (95, 200)
    expect(path(documentToSvg(document, { direction: 'down' }))).toEqual([95, 96, 95, 200]);
    // side to side: right edge middle to left edge middle
    expect(path(documentToSvg(document))).toEqual([190, 48, 0, 248]);
  });

  it.each(builtinScenarios.map((b) => [b.id, b.scenario] as const))('draws %s as well-formed SVG with a card per node and a curve per link', (_id, raw) => {
    const document = laidOut(raw);
    const counts = checkWellFormed(documentToSvg(document));
    expect(counts.get('svg')).toBe(1);
    expect(counts.get('g')).toBe(document.nodes.length);
    expect(counts.get('title')).toBe(document.nodes.length + 1);
    expect(counts.get('rect')).toBe(document.nodes.length + 1); // + the background
    const drawableLinks = document.links.filter((l) => l.from !== l.to).length;
    expect(counts.get('path')).toBe(drawableLinks + 1); // + the arrowhead
  });

  it('escapes a hostile label, id text and name, so they stay text', () => {
    const hostile = '<img src=x onerror="alert(1)">&</text><script>alert(2)</script>';
    const document = laidOut({
      format: 'faultline.scenario/v1',
      name: `<script>alert(3)</script>`,
      duration: '1m',
      nodes: [{ id: 'api', kind: 'service', label: hostile }],
      links: [],
      faults: [],
    });
    const svg = documentToSvg(document, { labels: true });
    checkWellFormed(svg);
    expect(svg).not.toMatch(/<img|<script|onerror="/);
    expect(svg).toContain('<title>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&lt;/text&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>');
    expect(svg).toContain('>&lt;img src=x onerror=&quot;ale…</text>');
    expect(svg).toContain('<title>&lt;script&gt;alert(3)&lt;/script&gt;</title>');
  });

  it('colours a node by its health, and places cards where the document puts them', () => {
    const document = laidOut({
      format: 'faultline.scenario/v1', name: 't', duration: '1m',
      nodes: [{ id: 'a', kind: 'client', position: { x: 0, y: 0 } }, { id: 'b', kind: 'service', position: { x: 400, y: 200 } }],
      links: [{ id: 'a-b', from: 'a', to: 'b' }],
      faults: [],
    });
    const svg = documentToSvg(document, { health: new Map([['b', 'failing']]) });
    expect(svg).toMatch(/data-id="b"><title>b<\/title><rect x="400" y="200"[^>]*stroke="#d55e00" stroke-width="3"/);
    expect(svg).toMatch(/data-id="a"><title>a<\/title><rect x="0" y="0"[^>]*stroke="#8a9099" stroke-width="1.5"/);
    expect(svg).toContain('d="M190 48 C');
  });

  it('takes only plain colour values from the theme, so a variable cannot inject markup', () => {
    const vars: Record<string, string> = { '--fl-canvas': '#15181b', '--fl-fg': 'red"/><script>', '--fl-ok-fill': 'rgb(1, 2, 3)' };
    const colours = themeColours({ getPropertyValue: (name: string) => vars[name] ?? '' });
    expect(colours.background).toBe('#15181b');
    expect(colours.text).toBe('#1b1d1f');
    expect(colours.health.ok).toBe('rgb(1, 2, 3)');
  });
});
