// Labels and narratives are text: a scenario file whose name, node labels, description and guide
// carry <script>, onerror= and javascript: payloads is opened through "Open file…"; the labels
// show literally on the canvas, in the inspector and in the guide, the markdown is sanitized, and
// no payload runs. The CSP is bypassed here so that the rendering alone is under test.
// And a valid scenario that runs away (a zero-delay loop) is stopped with a message; a worker
// that never starts is replaced by the page's watchdog.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ZERO_DELAY_STORM } from '../support/zero-delay-storm.ts';
import { useChromium } from './browser.ts';
import { useSiteAndFolder } from './static-server.ts';
import { chooseFromMenu, setSpeed } from './toolbar-support.ts';

const SCRIPT_LABEL = '<script>window.__pwned=1</script>';
const IMG_LABEL = '<img src=x onerror="window.__pwned=1">';
const NAME = `${SCRIPT_LABEL} shop`;
const MARKDOWN = [
  `A raw image ${IMG_LABEL} and a raw script ${SCRIPT_LABEL}.`,
  '[a markdown javascript: link](javascript:window.__pwned=1)',
  '<a href="javascript:window.__pwned=1">a raw javascript: link</a>',
  '<svg><animate onbegin="window.__pwned=1" attributeName="x" dur="1s"></animate></svg>',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
].join('\n\n');

const hostileScenario = {
  format: 'faultline.scenario/v1',
  name: NAME,
  description: MARKDOWN,
  seed: 1,
  duration: '10m',
  nodes: [
    { id: 'users', kind: 'client', label: SCRIPT_LABEL, rate: 8, target: 'api' },
    { id: 'api', kind: 'service', label: IMG_LABEL, workers: 1, serviceTime: '100ms' },
  ],
  links: [{ id: 'users-api', from: 'users', to: 'api', latency: 0 }],
  guide: [{ at: 0, title: IMG_LABEL, text: MARKDOWN }],
};

/** Every element that could run script, anywhere in the page. */
const activeContent = (page: Page) =>
  page.evaluate(() => {
    const handlers = [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith('on')));
    const jsLinks = [...document.querySelectorAll('[href], [src], [action], [formaction]')].filter((el) =>
      ['href', 'src', 'action', 'formaction'].some((name) => (el.getAttribute(name) ?? '').replace(/\s/g, '').toLowerCase().startsWith('javascript:')),
    );
    return {
      handlers: handlers.map((el) => el.outerHTML.slice(0, 120)),
      jsLinks: jsLinks.map((el) => el.outerHTML.slice(0, 120)),
      inlineScripts: document.querySelectorAll('script:not([src])').length,
      frames: document.querySelectorAll('iframe, object, embed').length,
    };
  });

describe('hostile text in a scenario file', () => {
  const chromium = useChromium();
  const served = useSiteAndFolder('faultline-hostile-');

  it('shows labels as literal text and sanitizes markdown; no payload runs', async () => {
    const { page, pageErrors } = await chromium.newPage({ bypassCSP: true });
    page.on('dialog', (dialog) => void dialog.dismiss());
    await page.goto(served.site.url);
    await page.getByRole('heading', { name: 'Faultline' }).waitFor();
    const file = join(served.folder, 'hostile.json');
    writeFileSync(file, JSON.stringify(hostileScenario, null, 2));
    await page.getByLabel('Scenario file').setInputFiles(file);

    const label = (id: string) => page.locator(`.react-flow__node[data-id="${id}"] .fl-node__label`);
    await expect.poll(() => label('api').innerText(), { timeout: 15_000 }).toBe(IMG_LABEL);
    expect(await label('users').innerText()).toBe(SCRIPT_LABEL);

    await page.locator('.react-flow__node[data-id="api"]').click();
    await expect.poll(() => page.getByLabel('Label', { exact: true }).inputValue()).toBe(IMG_LABEL);

    await chooseFromMenu(page, 'View', 'Guide');
    const guide = page.locator('.fl-guide');
    await guide.waitFor();
    expect(await guide.locator('.fl-guide__scenario').innerText()).toBe(NAME);
    await expect.poll(() => guide.getByText(IMG_LABEL, { exact: true }).count()).toBeGreaterThan(0);
    await guide.getByText('About this scenario').click();
    await expect.poll(() => guide.locator('.fl-markdown').count()).toBeGreaterThan(0);
    // raw HTML in markdown is shown as text
    await expect.poll(() => guide.locator('.fl-guide__about .fl-markdown').innerText()).toContain(`A raw image ${IMG_LABEL} and a raw script ${SCRIPT_LABEL}.`);

    // let any image that was rendered finish failing (an onerror would have run by then)
    await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete))).toBe(true);
    expect(await activeContent(page)).toEqual({ handlers: [], jsLinks: [], inlineScripts: 0, frames: 0 });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(pageErrors).toEqual([]);
  });

  it('stops a zero-delay event storm in the browser with a message, and the page stays usable', async () => {
    const { page, pageErrors } = await chromium.newPage();
    await page.goto(served.site.url);
    await page.getByRole('heading', { name: 'Faultline' }).waitFor();
    const file = join(served.folder, 'storm.json');
    writeFileSync(file, JSON.stringify(ZERO_DELAY_STORM));
    await page.getByLabel('Scenario file').setInputFiles(file);
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 15_000 }).toBe(2);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await setSpeed(page, 'Max');
    await play.click();
    const status = page.locator('.fl-run-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 60_000 }).toBe('failed');
    expect(await status.getAttribute('title')).toMatch(/events ran without simulated time moving .* think time above 0/);
    // and the reason is on screen, not only in a tooltip
    expect(await page.getByRole('alert').filter({ hasText: 'The simulation stopped' }).innerText()).toMatch(/events ran without simulated time moving/);
    // the page answers: an edit still lands on the canvas
    await page.locator('.react-flow__node[data-id="api"]').click();
    await page.getByLabel('Label', { exact: true }).fill('still here');
    await page.getByLabel('Label', { exact: true }).press('Enter');
    await expect.poll(() => page.locator('.react-flow__node[data-id="api"] .fl-node__label').innerText()).toBe('still here');
    expect(pageErrors).toEqual([]);
  });

  it('replaces a simulation worker whose script failed to load, says so, and then runs', async () => {
    const { page } = await chromium.newPage();
    let workerFetches = 0;
    await page.context().route(/\/assets\/simulation\.worker-[^/]*\.js$/, (route) => (workerFetches++ === 0 ? route.abort() : route.continue()));
    await page.goto(served.site.url);
    await page.getByRole('heading', { name: 'Faultline' }).waitFor();
    await expect.poll(() => page.locator('.fl-notice').allInnerTexts(), { timeout: 30_000 }).toContainEqual(expect.stringMatching(/^The simulation worker did not start \(.*\) and was started again\./));
    // the notice is shown as the new worker starts; its script's request may reach the route a moment later
    await expect.poll(() => workerFetches, { timeout: 10_000 }).toBe(2);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await setSpeed(page, '100×');
    await play.click();
    const simulatedMs = () => page.evaluate(() => (window as unknown as { __faultline: { useRunStore: { getState(): { simulatedMs: number } } } }).__faultline.useRunStore.getState().simulatedMs);
    await expect.poll(simulatedMs, { timeout: 20_000 }).toBeGreaterThan(5_000);
  });
});

