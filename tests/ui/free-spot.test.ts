import { describe, expect, it } from 'vitest';
import { FREE_SPOT_GAP_PX, freeSpotNear, type Card } from '../../src/ui/palette/free-spot.ts';

const W = 190;
const H = 96;
const overlaps = (a: Card, b: Card) => a.x < b.x + b.widthPx && b.x < a.x + a.widthPx && a.y < b.y + b.heightPx && b.y < a.y + a.heightPx;

describe('a node added at the centre lands in free space', () => {
  it('on an empty canvas it is centred exactly on the view', () => {
    expect(freeSpotNear({ x: 500, y: 300 }, [], W, H)).toEqual({ x: 500 - W / 2, y: 300 - H / 2 });
  });

  it('ten adds in a row never overlap each other and keep the gap', () => {
    const cards: Card[] = [];
    for (let i = 0; i < 10; i++) cards.push({ ...freeSpotNear({ x: 0, y: 0 }, cards, W, H), widthPx: W, heightPx: H });
    for (const [i, a] of cards.entries()) {
      for (const b of cards.slice(i + 1)) {
        const grown = { ...a, x: a.x - FREE_SPOT_GAP_PX + 1, y: a.y - FREE_SPOT_GAP_PX + 1, widthPx: W + 2 * FREE_SPOT_GAP_PX - 2, heightPx: H + 2 * FREE_SPOT_GAP_PX - 2 };
        expect(overlaps(grown, b)).toBe(false);
      }
    }
  });

  it('the spot beside a node at the centre is the nearest free one, not a diagonal far away', () => {
    const taken: Card[] = [{ x: -W / 2, y: -H / 2, widthPx: W, heightPx: H }];
    const spot = freeSpotNear({ x: 0, y: 0 }, taken, W, H);
    // one ring out: half a card plus the gap vertically (the shorter step), straight above or below
    expect(spot.x).toBe(-W / 2);
    expect(Math.abs(spot.y + H / 2)).toBe(H + FREE_SPOT_GAP_PX);
  });

  it('a tall card in the way (a validator with its token badge) is respected by its own height', () => {
    const taken: Card[] = [{ x: -W / 2, y: -H / 2 - 200, widthPx: W, heightPx: 500 }];
    const spot = freeSpotNear({ x: 0, y: 0 }, taken, W, H);
    expect(overlaps({ ...spot, widthPx: W, heightPx: H }, taken[0])).toBe(false);
  });
});
