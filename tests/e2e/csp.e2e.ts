// The built app under its Content-Security-Policy (scripts/build-csp.ts): it opens, runs a
// scenario and opens its lazy panels without one violation, and the policy is really in force:
// eval and an injected inline script are refused.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../scripts/build-csp.ts';
import { useChromium, type AppPage } from './browser.ts';
import { E2E_BUILD_DIR, serveStatic, type StaticSite } from './static-server.ts';
import { chooseFromMenu, setSpeed } from './toolbar-support.ts';

let site: StaticSite;

interface CspWindow {
  __violations: string[];
  __inlineRan?: number;
  __evalProbe?: string;
  __faultline: { useRunStore: { getState(): { simulatedMs: number } } };
}

/** A page that records every securitypolicyviolation from before the app's first script. */
// A production build served as a plain static host would: only the <meta> policy applies.
async function openRecording(chromium: ReturnType<typeof useChromium>): Promise<AppPage> {
  const app = await chromium.newPage({}, { console: true });
  await app.page.addInitScript(() => {
    const w = window as unknown as CspWindow;
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => w.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`));
  });
  await app.page.goto(site.url);
  await app.page.getByRole('heading', { name: 'Faultline' }).waitFor();
  return app;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as CspWindow).__violations);

describe('the Content-Security-Policy', () => {
  const chromium = useChromium();
  beforeAll(async () => {
    site = await serveStatic(E2E_BUILD_DIR, '/');
  });
  afterAll(async () => {
    await site.close();
  });

  it('is in the built index.html, without unsafe-eval or unsafe-inline script', async () => {
    const { page } = await openRecording(chromium);
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
    const scriptSrc = CONTENT_SECURITY_POLICY.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc?.trim()).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(await page.locator('script:not([src])').count()).toBe(0);
  });

  it('the app opens, runs and opens its lazy panels with no violation and no page error', async () => {
    const { page, pageErrors } = await openRecording(chromium);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await setSpeed(page, '100×');
    await play.click();
    await expect.poll(() => page.evaluate(() => (window as unknown as CspWindow).__faultline.useRunStore.getState().simulatedMs), { timeout: 20_000 }).toBeGreaterThan(5_000);
    await page.getByRole('button', { name: 'Pause', exact: true }).first().click();

    // each toolbar dialog loads its panel lazily (a chunk, its CSS, maybe uPlot or marked)
    for (const name of ['Experiments', 'Compare', 'Share', 'Library']) {
      await page.getByRole('toolbar').getByRole('button', { name, exact: true }).or(page.getByRole('button', { name, exact: true })).first().click();
      const dialog = page.locator('dialog[open]');
      await expect.poll(() => dialog.locator('*').count(), { timeout: 15_000 }).toBeGreaterThan(10).catch((error: Error) => {
        throw new Error(`the ${name} dialog did not render: ${error.message}`);
      });
      await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
      await dialog.waitFor({ state: 'hidden' });
    }

    // PNG export draws the canvas's SVG through a blob: image (img-src blob:)
    const [png] = await Promise.all([page.waitForEvent('download'), chooseFromMenu(page, 'File', 'Export PNG')]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);

    // the favicon is a data: URL; a refused one would be a violation too
    expect(await violations(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('is in force: eval throws and an injected inline script does not run', async () => {
    const { page } = await openRecording(chromium);
    // From a timer, not from evaluate() itself: DevTools lifts the eval ban for its own evaluations.
    await page.evaluate(() => {
      setTimeout(() => {
        const w = window as unknown as CspWindow;
        try {
          w.__evalProbe = String(new Function('return 1')());
        } catch (error) {
          w.__evalProbe = (error as Error).name;
        }
      }, 0);
    });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __evalProbe?: string }).__evalProbe)).toBe('EvalError');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = 1';
      document.body.append(script);
    });
    expect(await page.evaluate(() => (window as unknown as CspWindow).__inlineRan)).toBeUndefined();
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^script-src-elem blocked inline/), expect.stringMatching(/^script-src blocked eval/)].reverse());
  });
});
