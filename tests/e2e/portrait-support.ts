// Helpers for the portrait-phone embed checks (portrait.e2e.ts, and the key-removal playback on a
// phone in legibility.e2e.ts, which carries portrait's checks so that the story plays once).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { cardOverlaps, splitWords, textsBelow, textsOutsideCards } from './canvas-text-support.ts';

export const PHONE = { width: 390, height: 844 };

export interface Fill {
  flow: string | null;
  zoom: number;
  /** The cards' bounding box's share of the canvas's width and height. */
  widthShare: number;
  heightShare: number;
  /** Handles by side, over all cards. */
  sides: Record<string, number>;
}

export function fill(page: Page): Promise<Fill> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cards = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect());
    const left = Math.min(...cards.map((r) => r.left)), right = Math.max(...cards.map((r) => r.right));
    const top = Math.min(...cards.map((r) => r.top)), bottom = Math.max(...cards.map((r) => r.bottom));
    const sides: Record<string, number> = {};
    for (const side of ['left', 'right', 'top', 'bottom']) sides[side] = document.querySelectorAll(`.react-flow__node .react-flow__handle-${side}`).length;
    return {
      flow: document.querySelector('.fl-canvas')!.getAttribute('data-flow'),
      zoom: new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a,
      widthShare: (right - left) / canvas.width,
      heightShare: (bottom - top) / canvas.height,
      sides,
    };
  });
}

/** Every card has its state word, the still picture is gone (in an embed) and the fit has settled (the same transform twice, 300 ms apart). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const words = [...document.querySelectorAll('.react-flow__node [data-live="health-word"]')];
    return words.length > 0 && words.every((w) => (w.textContent ?? '') !== '') && document.querySelector('[data-still]') === null;
  }, undefined, { timeout: 30_000 });
  const transform = () => page.evaluate(() => getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
  let before = await transform();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(300);
    const now = await transform();
    if (now === before) return;
    before = now;
  }
}

export async function readable(page: Page, where: string): Promise<void> {
  expect(await cardOverlaps(page), `${where}: cards covering one another`).toEqual([]);
  expect(await textsBelow(page, 11), `${where}: text below 11 px`).toEqual([]);
  expect(await textsOutsideCards(page), `${where}: text past its card's edge`).toEqual([]);
  expect(await splitWords(page), `${where}: words broken across lines`).toEqual([]);
}
