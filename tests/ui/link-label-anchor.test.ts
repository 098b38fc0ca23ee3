// Where a link's numbers go (src/ui/canvas/flow-elements.ts labelAnchors): beside the target of a
// source fanning out, beside the source of a target gathering in, else at the middle.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import type { DocumentLink } from '../../src/store/graph-store.ts';
import { labelAnchors } from '../../src/ui/canvas/flow-elements.ts';

const link = (id: string, from: string, to: string) => ({ id, from, to }) as DocumentLink;

describe('link label anchors', () => {
  it('fan-out: end; fan-in: start; one to one: middle', () => {
    const links = [link('a', 'hub', 'x'), link('b', 'hub', 'y'), link('c', 'p', 'sink'), link('d', 'q', 'sink'), link('e', 's', 't')];
    const anchor = labelAnchors(links);
    expect(links.map(anchor)).toEqual(['end', 'end', 'start', 'start', 'middle']);
  });

  it('a link from a fan-out into a fan-in of the same size keeps its middle', () => {
    const links = [link('a', 'hub', 'sink'), link('b', 'hub', 'y'), link('c', 'p', 'sink')];
    expect(labelAnchors(links)(links[0])).toBe('middle');
  });

  it("the mfa story's lossy route to Apple push (one of four from the MFA service) is labelled beside Apple push", () => {
    const doc = builtinScenarios.find((b) => b.id === 'mfa-outage-2019')!.scenario as { links: DocumentLink[] };
    const route = doc.links.find((l) => l.id === 'route-to-apns')!;
    expect(doc.links.filter((l) => l.from === route.from).length).toBeGreaterThan(1);
    expect(labelAnchors(doc.links)(route)).toBe('end');
  });
});
