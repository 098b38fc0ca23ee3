// True identity state on the canvas (issue 11, deliverable 5): in the embed of key-removal-2021
// the key set shows K1 removed after 30:00 and says "key missing"; a validator that rejects
// tokens says "rejecting" / "REJECTING TOKENS" in its own colour, never the overload word that an
// overloaded service in retry-storm shows; and a big graph's canvas overlay draws the token state.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { layeredGraph } from '../../src/scenarios/generated.ts';
import { useChromium } from './browser.ts';
import { chooseFromMenu, setSpeed } from './toolbar-support.ts';

/** Simulated minutes on the run clock ("12:03.4" or "1:02:03"). */
const clockMinutes = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const text = (document.querySelector('[aria-label="Simulated time"]')?.firstChild?.textContent ?? '').trim();
    const parts = text.split(':').map(Number);
    return parts.length === 3 ? parts[0] * 60 + parts[1] + parts[2] / 60 : parts[0] + parts[1] / 60;
  });

interface CardState {
  minutes: number;
  health: string | null;
  word: string;
  borderColour: string;
  wordColour: string;
  /** data-live → [text, data-published] of the readouts asked for. */
  readouts: Record<string, [string, string | null]>;
}

/** One card's painted state and the clock, read in one go (one painted frame). */
function readCard(page: Page, id: string, live: string[] = []): Promise<CardState> {
  return page.evaluate(
    ([nodeId, names]) => {
      // the clock of the live frame the cards are painted from (the clock text refreshes at 10 Hz)
      const live = (window as unknown as { __faultline?: { liveMetrics: { get(): { values: Float64Array | null } } } }).__faultline?.liveMetrics.get().values;
      const minutes = live ? live[0] / 60_000 : NaN;
      const card = document.querySelector(`.react-flow__node[data-id="${nodeId}"] .fl-node`);
      const word = card?.querySelector('[data-live="health-word"]');
      const readouts: Record<string, [string, string | null]> = {};
      for (const name of names) {
        const el = card?.querySelector(`[data-live="${name}"]`);
        readouts[name] = [el?.textContent ?? '', el?.getAttribute('data-published') ?? null];
      }
      return {
        minutes,
        health: card?.getAttribute('data-health') ?? null,
        word: word?.textContent ?? '',
        borderColour: card ? getComputedStyle(card).borderTopColor : '',
        wordColour: word ? getComputedStyle(word).color : '',
        readouts,
      };
    },
    [id, live] as const,
  );
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > end) throw new Error(`${what}: never got there; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

const KEYS = ['published-key-0', 'published-key-1'];

describe('identity state on the canvas', () => {
  const chromium = useChromium();

  it('embed of key-removal-2021 (700×450): the key set loses K1 at 30:00; validators reject tokens in words unlike an overloaded service', { timeout: 180_000 }, async () => {
    // A blog's iframe: the whole graph fits only at a small zoom, where semantic zoom shows each
    // card's name, state word and one number — the identity state must be among them, visibly.
    const { page, pageErrors } = await chromium.newPage({ viewport: { width: 700, height: 450 } }, { console: true });
    await page.goto(`${inject('appUrl')}?embed&autoplay=on&controls=full&speed=100&scenario=key-removal-2021`);
    await page.locator('.react-flow__node[data-id="jwks"]').waitFor({ timeout: 60_000 });

    // Before 30:00 (100×: 30 simulated minutes take 18 s): K1 and K2 published, the key set is ok.
    const before = await until(() => readCard(page, 'jwks', KEYS), (c) => c.readouts['published-key-0'][1] !== null && c.minutes > 0, 30_000, 'jwks live');
    expect(before.minutes).toBeLessThan(30);
    expect(before.readouts).toEqual({ 'published-key-0': ['K1', 'true'], 'published-key-1': ['K2', 'true'] });
    expect(before.word).toBe('ok');
    const teamsBefore = await readCard(page, 'teams-like', ['token-state']);
    expect(teamsBefore.readouts['token-state'][0]).toBe('accepting tokens');

    // Still at 100×: the key is gone from 30:00 to 155:00, 75 s of this run — at Max the poll
    // could miss the whole window on a fast machine.
    // After the removal: K1 struck out (not published), the key set says what is wrong.
    const after = await until(() => readCard(page, 'jwks', KEYS), (c) => c.readouts['published-key-0'][1] === 'false', 60_000, 'K1 removed');
    expect(after.minutes).toBeGreaterThanOrEqual(30);
    expect(after.readouts['published-key-1']).toEqual(['K2', 'true']);
    expect(after.health).toBe('token');
    expect(after.word).toBe('key missing');
    const k1 = page.locator('.react-flow__node[data-id="jwks"] [data-live="published-key-0"]');
    expect(await k1.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
    // drawn, at this size: the struck key and the word
    expect(await k1.isVisible()).toBe(true);
    // "key missing" is wider than the key set's card here: its last word is drawn, after the key
    // icon and over the struck K1, the whole word its title (fit-label.ts stateWordsFit)
    const lastWord = page.locator('.react-flow__node[data-id="jwks"] [data-live="health-word-last"]');
    expect(await lastWord.isVisible()).toBe(true);
    expect(await lastWord.textContent()).toBe('missing');
    expect(await lastWord.getAttribute('title')).toBe('key missing');
    expect(await lastWord.getAttribute('data-health')).toBe('token');

    // The 5-minute group breaks within minutes: its own state, word and share, with the key.
    const teams = await until(() => readCard(page, 'teams-like', ['token-state', 'token-rejecting']), (c) => c.health === 'token', 60_000, 'teams-like rejecting');
    expect(teams.word).toBe('rejecting');
    expect(teams.readouts['token-state'][0]).toBe('REJECTING TOKENS');
    expect(teams.readouts['token-rejecting'][0]).toMatch(/^K1 · \d+(\.\d)?% of replicas$/);
    // What a 700×450 embed shows of it (the smallest cards): the word and which key on what share.
    const teamsCard = page.locator('.react-flow__node[data-id="teams-like"]');
    // (the whole word, or at this size its last word: one word, the same)
    expect(await teamsCard.locator('.fl-node__health:visible').textContent()).toBe('rejecting');
    const headline = teamsCard.locator('[data-live="headline"]');
    expect(await headline.isVisible()).toBe(true);
    expect(await headline.textContent()).toMatch(/^K1 · (<0\.1|\d+(\.\d)?)%$/);
    // Its users sign in again.
    const users = await until(() => readCard(page, 'users-teams-like', ['reauth-rate']), (c) => Number(c.readouts['reauth-rate'][0]) > 0, 30_000, 'users signing in again');
    expect(users.word).toBe('rejected');
    expect(pageErrors).toEqual([]);

    // An overloaded service (retry-storm's overload at 20 s) says "dropping", in another colour.
    const storm = await chromium.newPage({ viewport: { width: 700, height: 450 } }, { console: true });
    await storm.page.goto(`${inject('appUrl')}?embed&autoplay=on&speed=max&scenario=retry-storm`);
    await storm.page.locator('.fl-node').first().waitFor({ timeout: 60_000 });
    const overloadedId = await until(
      () => storm.page.evaluate(() => document.querySelector('.react-flow__node:has(.fl-node[data-health="failing"])')?.getAttribute('data-id') ?? null),
      (id) => id !== null,
      60_000,
      'an overloaded node',
    );
    const overloaded = await readCard(storm.page, overloadedId!);
    expect(overloaded.word).toBe('dropping');
    expect(teams.word).not.toBe(overloaded.word);
    expect(teams.readouts['token-state'][0].toLowerCase()).not.toContain(overloaded.word);
    expect(teams.borderColour).not.toBe(overloaded.borderColour);
    expect(teams.wordColour).not.toBe(overloaded.wordColour);
    expect(teams.borderColour).toBe('rgb(204, 121, 167)'); // Okabe–Ito reddish purple
    expect(storm.pageErrors).toEqual([]);
  });

  it('a 200+ node graph draws the token state on its canvas overlay after the key is removed', { timeout: 180_000 }, async () => {
    const graph = layeredGraph(200, 5) as { nodes: Record<string, unknown>[]; links: Record<string, unknown>[]; faults?: unknown[] };
    graph.nodes.push(
      { id: 'idp', kind: 'identity', signingKey: 'K1', tokenLifetime: '10m', workers: 'unbounded', serviceTime: '10ms' },
      { id: 'jwks', kind: 'keyset', keys: ['K1', 'K2'] },
      { id: 'tok-users', kind: 'client', rate: 20, target: 'tok-api', timeout: '5s', auth: { issuer: 'idp', sessions: 100 } },
      { id: 'tok-api', kind: 'service', workers: 'unbounded', serviceTime: '5ms', auth: { keyset: 'jwks', refreshEvery: '10s' } },
    );
    graph.links.push(
      { id: 'tok-signin', from: 'tok-users', to: 'idp', latency: '10ms' },
      { id: 'tok-call', from: 'tok-users', to: 'tok-api', latency: '10ms' },
      { id: 'tok-fetch', from: 'tok-api', to: 'jwks', latency: '10ms' },
    );
    graph.faults = [{ at: '20s', target: 'jwks', action: 'removeKey', key: 'K1' }];
    const { page, pageErrors } = await chromium.newPage({ viewport: { width: 1400, height: 900 } }, { console: true });
    await page.context().addInitScript((text) => localStorage.setItem('faultline.editor.document', text), JSON.stringify({ savedAt: new Date().toISOString(), document: graph }));
    await page.goto(inject('appUrl'));
    await page.locator('.react-flow__node[data-id="tok-api"]').waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.locator('.react-flow__node').count()).toBeGreaterThanOrEqual(200);
    await chooseFromMenu(page, 'View', 'Fit view');
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 60_000 }).toBe(true);
    await setSpeed(page, '1×');
    await play.click();
    await page.locator('.fl-live-overlay').waitFor();

    /** Pixels of the canvas in the token colour (reddish purple, blended toward the background by antialiasing). */
    const tokenPixels = async (): Promise<number> => {
      const png = (await page.locator('.react-flow').screenshot()).toString('base64');
      return page.evaluate(async (base64) => {
        const image = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
        const context = new OffscreenCanvas(image.width, image.height).getContext('2d')!;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i] - data[i + 1] > 30 && data[i + 2] - data[i + 1] > 15) n++;
        return n;
      }, png);
    };
    // At 1×, before the removal at 20 s: the overlay draws, but nothing in the token colour.
    await until(() => clockMinutes(page), (m) => m > 4 / 60, 60_000, 'clock past 4 s');
    expect(await clockMinutes(page)).toBeLessThan(20 / 60);
    expect(await tokenPixels()).toBe(0);
    await setSpeed(page, 'Max');
    // After it (and the validator's next 10 s refresh): the key set, the validator and its users in the token colour.
    await until(() => clockMinutes(page), (m) => m > 45 / 60, 60_000, 'clock past 45 s');
    await expect.poll(() => tokenPixels(), { timeout: 30_000 }).toBeGreaterThan(100);
    // The node DOM stays idle: it is the overlay that drew the state.
    expect(await page.locator('.fl-node[data-health="token"]').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
