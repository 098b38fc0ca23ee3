// The library's tag filter and previews (src/ui/library/): every built-in gets a preview of its own graph.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { filterByTags, libraryTags } from '../../src/ui/library/library-filter.ts';
import { previewSvg } from '../../src/ui/library/library-preview.ts';

describe('library', () => {
  it('lists every tag once, most used first', () => {
    const tags = libraryTags(builtinScenarios);
    expect(new Set(tags).size).toBe(tags.length);
    expect(tags.length).toBe(new Set(builtinScenarios.flatMap((b) => b.tags)).size);
    const uses = (tag: string) => builtinScenarios.filter((b) => b.tags.includes(tag)).length;
    for (let i = 1; i < tags.length; i++) expect(uses(tags[i - 1])).toBeGreaterThanOrEqual(uses(tags[i]));
  });

  it('keeps scenarios that carry every chosen tag, in library order', () => {
    expect(filterByTags(builtinScenarios, new Set())).toEqual(builtinScenarios);
    const both = filterByTags(builtinScenarios, new Set(['retries', 'fixed'])).map((b) => b.id);
    expect(both).toEqual(builtinScenarios.filter((b) => b.tags.includes('retries') && b.tags.includes('fixed')).map((b) => b.id));
    expect(both).toContain('retry-budget');
    expect(both).not.toContain('retry-storm');
  });

  it('previews each built-in with a card per node, named by its id', () => {
    for (const b of builtinScenarios) {
      const svg = previewSvg(b.scenario)!;
      const ids = (b.scenario as { nodes: { id: string }[] }).nodes.map((n) => n.id);
      expect(svg.match(/class="fl-picture-node"/g)?.length, b.id).toBe(ids.length);
      for (const id of ids) expect(svg, b.id).toContain(`data-id="${id}"`);
    }
  });

  it('draws a hostile label in a preview as escaped text', () => {
    const svg = previewSvg({
      format: 'faultline.scenario/v1', name: 'x', duration: '1m',
      nodes: [{ id: 'api', kind: 'service', label: '<img src=x onerror="alert(1)">' }], links: [], faults: [],
    })!;
    expect(svg).not.toContain('<img');
    expect(svg).toContain('<title>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</title>');
  });
});
