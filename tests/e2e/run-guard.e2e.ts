// The engine's run guard in Chromium (issue 17, finding 4): a million requests a second into one
// worker with no queue limit used to grow the tab to 5 GB until it crashed. Now the run stops with
// status failed and a notice naming `api` and what to change, and the page answers throughout.
import { writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { useSiteAndFolder } from './static-server.ts';
import { setSpeed } from './toolbar-support.ts';

const SHOTS = process.env.FAULTLINE_SHOTS_DIR;

describe('the run guard in the browser', () => {
  const chromium = useChromium();
  const served = useSiteAndFolder('faultline-run-guard-');

  it('stops runaway-queue-1e6 with the node named, and the tab stays responsive', async () => {
    const { page, pageErrors } = await chromium.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(served.site.url);
    await page.getByRole('heading', { name: 'Faultline' }).waitFor();
    const file = join(served.folder, 'runaway-queue-1e6.json');
    writeFileSync(file, readFileSync(new URL('../hostile/corpus/runaway-queue-1e6.json', import.meta.url)));
    await page.getByLabel('Scenario file').setInputFiles(file);
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 15_000 }).toBe(2);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await setSpeed(page, 'Max');
    await play.click();
    const status = page.locator('.fl-run-status');
    // While it grows, the page answers: each round trip to the page's main thread is timed.
    let slowestMs = 0;
    let rounds = 0;
    const deadline = performance.now() + 150_000;
    while ((await status.getAttribute('data-status')) !== 'failed') {
      expect(performance.now(), 'the run to be stopped').toBeLessThan(deadline);
      const asked = performance.now();
      await page.evaluate(() => document.title);
      slowestMs = Math.max(slowestMs, performance.now() - asked);
      rounds++;
      await page.waitForTimeout(250);
    }
    expect(rounds).toBeGreaterThan(4);
    expect(slowestMs).toBeLessThan(2000);
    const notice = await page.getByRole('alert').filter({ hasText: 'The simulation stopped' }).innerText();
    expect(notice).toMatch(/requests were alive at once \(a Faultline limit: 2,500,000, to protect memory\)/);
    expect(notice).toMatch(/Node `api` holds [\d.]+ M queued requests \(its queue has no capacity\): add a queue capacity/);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, 'run-guard-stopped-1280x720.png') });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(SHOTS, 'run-guard-stopped-390x844.png') });
      await page.setViewportSize({ width: 1280, height: 720 });
    }
    // and still usable: an edit lands on the canvas, Reset gives a paused run
    await page.locator('.react-flow__node[data-id="api"]').click();
    await page.getByLabel('Label', { exact: true }).fill('still here');
    await page.getByLabel('Label', { exact: true }).press('Enter');
    await expect.poll(() => page.locator('.react-flow__node[data-id="api"] .fl-node__label').innerText()).toBe('still here');
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
