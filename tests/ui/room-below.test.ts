// A small card may take a line more only where no card is below it (src/ui/canvas/nodes/room-below.ts).
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { layoutDocument, layoutNodeHeightPx, ROW_GAP_PX } from '../../src/store/graph/auto-layout.ts';
import type { ScenarioDocument } from '../../src/store/graph/document.ts';
import { EXTRA_LINE_ROOM_PX, openBelow } from '../../src/ui/canvas/nodes/room-below.ts';

const laidOut = (id: string) => layoutDocument(builtinScenarios.find((b) => b.id === id)!.scenario as ScenarioDocument).nodes;

describe('room below a card', () => {
  it('a column of cards: only the lowest is open; a card alone in its column is open', () => {
    const column = [0, 1, 2].map((i) => ({ id: `c${i}`, kind: 'client', position: { x: 0, y: i * 132 } }));
    const alone = { id: 'alone', kind: 'service', position: { x: 280, y: 0 } };
    expect([...openBelow([...column, alone])].sort()).toEqual(['alone', 'c2']);
    // a card below but far enough down leaves room; one a little closer does not
    const far = { id: 'far', kind: 'service', position: { x: 300, y: 96 + ROW_GAP_PX + EXTRA_LINE_ROOM_PX } };
    expect(openBelow([alone, far]).has('alone')).toBe(true);
    expect(openBelow([alone, { ...far, position: { x: 300, y: far.position.y - 1 } }]).has('alone')).toBe(false);
    // beside, not below: a card in the next column never counts
    expect(openBelow([alone, { id: 'beside', kind: 'service', position: { x: 280 + 190, y: 50 } }]).has('alone')).toBe(true);
  });

  it('in the built-ins as laid out, an open card has no card within its footprint, the row gap and a line more below it', () => {
    for (const id of ['mfa-outage-2019', 'key-removal-2021', 'checkout']) {
      const nodes = laidOut(id);
      const open = openBelow(nodes);
      for (const n of nodes) {
        const below = nodes.filter((m) => m !== n && Math.abs(m.position!.x - n.position!.x) < 190 && m.position!.y > n.position!.y);
        const nearest = Math.min(Infinity, ...below.map((m) => m.position!.y - n.position!.y));
        expect(open.has(n.id), `${id} ${n.id}: nearest below at ${nearest}`).toBe(nearest >= layoutNodeHeightPx(n) + ROW_GAP_PX + EXTRA_LINE_ROOM_PX);
      }
      // the mfa story's three cards in a row (people, sign-in, MFA service) have nothing below them
      if (id === 'mfa-outage-2019') expect(open.has('mfa-service')).toBe(true);
    }
  });
});
