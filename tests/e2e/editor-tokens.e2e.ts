// The key-removal incident on the canvas: open the built-in "key-removal-2021", play (100×, then
// as fast as possible), and read the validators' token badges as the painter writes them — the 5-minute
// group breaks after the key removal at 30 min (K1 no longer trusted by every replica), and the
// 24 h group keeps rejecting long after the key came back.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { nodeOnCanvas, openEditor } from './editor-support.ts';
import { chooseFromMenu, openBuiltin, setSpeed } from './toolbar-support.ts';

interface Badge {
  /** Simulated minutes, from the live frame the badges are painted from. */
  minutes: number;
  rejecting: string;
  keys: { key: string; trusted: string | null }[];
  refresh: string;
}

/** One node's badge and the clock, read in one go (one painted frame). */
function readBadge(page: Page, id: string): Promise<Badge> {
  return page.evaluate((nodeId) => {
    // the clock of the live frame the badges are painted from: the clock text refreshes at 10 Hz, so
    // at Max it can still show 25:00 beside a badge painted from 31:00
    const live = (window as unknown as { __faultline?: { liveMetrics: { get(): { values: Float64Array | null } } } }).__faultline?.liveMetrics.get().values;
    const minutes = live ? live[0] / 60_000 : NaN;
    const card = document.querySelector(`.react-flow__node[data-id="${nodeId}"]`);
    const text = (live: string) => card?.querySelector(`[data-live="${live}"]`)?.textContent ?? '';
    const keys = [...(card?.querySelectorAll('[data-live^="token-key-"]') ?? [])]
      .filter((el) => el.textContent !== '')
      .map((el) => ({ key: el.textContent ?? '', trusted: el.getAttribute('data-trusted') }));
    return { minutes, rejecting: text('token-rejecting'), keys, refresh: text('token-refresh') };
  }, id);
}

const rejectingPercent = (badge: Badge): number => {
  const match = /<?([\d.]+)% of replicas/.exec(badge.rejecting);
  return match ? Number(match[1]) : NaN;
};

async function until(page: Page, id: string, done: (badge: Badge) => boolean, timeout: number): Promise<Badge> {
  const end = Date.now() + timeout;
  let last = await readBadge(page, id);
  while (!done(last)) {
    if (Date.now() > end) throw new Error(`${id}'s badge never got there; last: ${JSON.stringify(last)}`);
    await page.waitForTimeout(50);
    last = await readBadge(page, id);
  }
  return last;
}

describe('token badges in the key-removal scenario', () => {
  const chromium = useChromium();

  it('the 5-minute group starts rejecting and stops trusting K1 after the removal; the 24 h group keeps rejecting', { timeout: 120_000 }, async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    try {
      await page.setViewportSize({ width: 1600, height: 1000 });
      await openBuiltin(page, 'key-removal-2021');
      const teams = nodeOnCanvas(page, 'teams-like');
      await teams.waitFor();
      // Every node on screen (off-screen nodes are not rendered) and big enough to be painted in full.
      await chooseFromMenu(page, 'View', 'Fit view');
      await expect.poll(() => nodeOnCanvas(page, 'xbox-like').locator('.fl-token').count()).toBe(1);
      await expect.poll(() => teams.locator('.fl-token').count()).toBe(1);
      // Static: 300 replicas, on the card.
      expect(await teams.locator('.fl-node__summary').textContent()).toContain('300 replicas');
      // Static: the identity's key and the key set's published keys.
      expect(await nodeOnCanvas(page, 'aad').locator('.fl-node__static').textContent()).toContain('signs with K1');
      expect(await nodeOnCanvas(page, 'jwks').locator('.fl-published__file .fl-key').allTextContents()).toEqual(['K1', 'K2']);

      const play = page.getByRole('button', { name: 'Play', exact: true });
      await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
      // 100× first (30 simulated minutes take 18 s), so even a slow machine paints the badge before the removal.
      await setSpeed(page, '100×');
      await play.click();

      // Before 30 min: every replica trusts K1 and K2, nobody rejects.
      const before = await until(page, 'teams-like', (b) => b.rejecting !== '–' && b.minutes > 0, 15_000);
      expect(before.minutes).toBeLessThan(30);
      expect(before.rejecting).toBe('no replica rejects');
      expect(before.keys).toEqual([{ key: 'K1', trusted: 'true' }, { key: 'K2', trusted: 'true' }]);
      expect(before.refresh).toMatch(/^refresh in /);
      await setSpeed(page, 'Max');

      // After the removal at 30 min: the 5-minute group rejects, and no longer trusts K1 everywhere.
      const broken = await until(page, 'teams-like', (b) => rejectingPercent(b) > 0, 40_000);
      expect(broken.minutes).toBeGreaterThanOrEqual(30);
      expect(broken.keys).toEqual([{ key: 'K1', trusted: 'false' }, { key: 'K2', trusted: 'true' }]);
      expect(await nodeOnCanvas(page, 'teams-like').locator('[data-live="token-rejecting"]').getAttribute('data-alarm')).toBe('true');

      // The 24 h group: replicas that refreshed during the removal keep rejecting after the
      // rollback at 155 min (they never re-fetch on an unknown key), until the forced refresh.
      const xbox = await until(page, 'xbox-like', (b) => rejectingPercent(b) > 0 && b.minutes > 160, 60_000);
      expect(xbox.keys[0]).toEqual({ key: 'K1', trusted: 'false' });
      const later = await until(page, 'xbox-like', (b) => b.minutes > xbox.minutes + 60, 60_000);
      if (later.minutes < 895) expect(rejectingPercent(later)).toBeGreaterThan(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
