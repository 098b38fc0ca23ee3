// Embed mode (?embed) in Chromium: driven by postMessage from a page on another origin, autoplay
// when scrolled into view, a 360 px phone by touch, hostile parameters, reduced motion.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useChromium } from './browser.ts';
import { seriousAxeViolations } from './editor-support.ts';
import { embedFrame, embedRun, hostEvents, hostPageHtml, postToEmbed, startHostServer, waitForEmbedLoaded, waitForEvent, type HostServer } from './embed-support.ts';

const appUrl = () => inject('appUrl');
const appOrigin = () => new URL(appUrl()).origin;

/** A pause long enough for a running embed to have moved its clock many times (it runs at 10×). */
const SETTLE_MS = 800;
/** vitest's expect.poll gives up after 1 s by default; a loaded CI machine needs longer to start a worker. */
const POLL = { timeout: 20_000 };

describe('embed mode', () => {
  const chromium = useChromium();
  let host: HostServer;
  let foreignHost: HostServer;
  let belowTheFold: HostServer;

  beforeAll(async () => {
    // The embed trusts `host` only; `foreignHost` iframes the same URL from a third origin.
    host = await startHostServer((origin) => hostPageHtml({ embedSrc: `${appUrl()}?embed&scenario=checkout&autoplay=off&origin=${encodeURIComponent(origin)}` }));
    foreignHost = await startHostServer(() => hostPageHtml({ embedSrc: `${appUrl()}?embed&scenario=checkout&autoplay=off&origin=${encodeURIComponent(host.origin)}` }));
    belowTheFold = await startHostServer((origin) => hostPageHtml({ embedSrc: `${appUrl()}?embed&scenario=checkout&origin=${encodeURIComponent(origin)}`, spacerPx: 2000 }));
  });
  afterAll(async () => {
    await Promise.all([host?.close(), foreignHost?.close(), belowTheFold?.close()]);
  });

  it('a page on another origin plays and pauses the embed by postMessage and hears its status and time', async () => {
    expect(host.origin).not.toBe(appOrigin());
    const { page, pageErrors } = await chromium.newPage();
    await page.goto(host.origin);
    const ready = await waitForEvent(page, 'faultline:ready');
    expect(ready.event.origin).toBe(appOrigin());
    expect(ready.event.data).toMatchObject({ version: 1, scenario: { name: expect.any(String) as string } });
    expect(ready.event.data.scenario!.durationMs).toBeGreaterThan(0);

    await postToEmbed(page, { type: 'faultline:play' });
    const running = await waitForEvent(page, 'faultline:status', { status: 'running' });
    const first = await waitForEvent(page, 'faultline:time', { after: running.index });
    const second = await page.waitForFunction(
      ([after, t]) => (window as unknown as { __events: { data: { type: string; simulatedMs: number } }[] }).__events.some((e, i) => i > after && e.data.type === 'faultline:time' && e.data.simulatedMs > t),
      [first.index, first.event.data.simulatedMs!] as const,
    );
    expect(await second.jsonValue()).toBe(true);

    await postToEmbed(page, { type: 'faultline:pause' });
    const paused = await waitForEvent(page, 'faultline:status', { status: 'paused', after: running.index });
    const pausedAtMs = paused.event.data.simulatedMs!;
    expect(pausedAtMs).toBeGreaterThan(first.event.data.simulatedMs!);
    await page.waitForTimeout(SETTLE_MS);
    const frame = await embedFrame(page);
    expect(await embedRun(frame)).toEqual({ status: 'paused', simulatedMs: pausedAtMs });
    const later = (await hostEvents(page)).slice(paused.index + 1);
    expect(later.filter((e) => e.data.type === 'faultline:time' && e.data.simulatedMs! > pausedAtMs)).toEqual([]);

    // A malformed command is answered, not thrown.
    await postToEmbed(page, { type: 'faultline:explode' });
    const error = await waitForEvent(page, 'faultline:error');
    expect(error.event.data.message).toContain('unknown message type "faultline:explode"');
    // A fault on a node the scenario does not have comes back with the format's message.
    await postToEmbed(page, { type: 'faultline:inject', fault: { target: 'no-such-node', action: 'crash' } });
    const injectError = await waitForEvent(page, 'faultline:error', { after: error.index + 1 });
    expect(injectError.event.data).toMatchObject({ request: 'faultline:inject' });
    expect(injectError.event.data.message).toContain('no-such-node');

    // An invalid document is refused with its problems; a built-in loads and says so.
    await postToEmbed(page, { type: 'faultline:load', scenario: { format: 'faultline.scenario/v1', nodes: 'none' } });
    const loadError = await waitForEvent(page, 'faultline:error', { after: injectError.index + 1 });
    expect(loadError.event.data.message).toContain('nodes');
    expect(await frame.locator('.react-flow__node').count()).toBe(5); // checkout is still shown
    await postToEmbed(page, { type: 'faultline:load', builtin: 'mm1' });
    const mm1 = await waitForEvent(page, 'faultline:ready', { after: loadError.index + 1 });
    expect(mm1.event.data.scenario!.name).toBe('M/M/1 at 80%');
    await expect.poll(() => frame.locator('.react-flow__node').count(), POLL).toBe(2);

    const events = await hostEvents(page);
    expect(events.every((e) => e.origin === appOrigin() && e.data.version === 1)).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  it('a page on an origin the embed was not given is ignored, and hears nothing', async () => {
    const { page } = await chromium.newPage();
    await page.goto(foreignHost.origin);
    const frame = await embedFrame(page);
    await waitForEmbedLoaded(frame);
    await postToEmbed(page, { type: 'faultline:play' });
    await postToEmbed(page, { type: 'faultline:setSpeed', speed: 'max' });
    await page.waitForTimeout(SETTLE_MS);
    expect(await embedRun(frame)).toEqual({ status: 'paused', simulatedMs: 0 });
    expect(await hostEvents(page)).toEqual([]);
  });

  it('autoplay=visible waits below the fold, runs once scrolled into view and pauses when scrolled away', async () => {
    const { page, pageErrors } = await chromium.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(belowTheFold.origin);
    await waitForEvent(page, 'faultline:ready');
    const frame = await embedFrame(page);
    await page.waitForTimeout(SETTLE_MS);
    expect(await embedRun(frame)).toEqual({ status: 'paused', simulatedMs: 0 });

    await page.evaluate(() => document.getElementById('embed')!.scrollIntoView({ block: 'center' }));
    const running = await waitForEvent(page, 'faultline:status', { status: 'running' });
    await page.evaluate(() => window.scrollTo(0, 0));
    const paused = await waitForEvent(page, 'faultline:status', { status: 'paused', after: running.index });
    expect(paused.event.data.simulatedMs).toBeGreaterThan(0);
    expect((await embedRun(frame)).status).toBe('paused');
    expect(pageErrors).toEqual([]);
  });

  it('fits a 360 px phone and plays and pauses by tap', async () => {
    const { page, pageErrors } = await chromium.newPage({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    await page.goto(`${appUrl()}?embed&scenario=key-removal-2021&autoplay=off&controls=full`);
    const play = page.getByRole('button', { name: 'Play' });
    await expect.poll(() => play.isEnabled(), POLL).toBe(true);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    expect(widths.inner).toBe(360);
    const status = page.getByRole('status');
    expect(await status.innerText()).toBe('Paused');

    await play.tap();
    await expect.poll(() => status.innerText(), POLL).toBe('Running');
    await page.getByRole('button', { name: 'Pause' }).tap();
    await expect.poll(() => status.innerText(), POLL).toBe('Paused');

    const open = page.getByRole('link', { name: 'Open in Faultline' });
    expect(await open.getAttribute('href')).toBe(`${appUrl()}?scenario=key-removal-2021`);
    expect(await open.getAttribute('target')).toBe('_blank');
    expect(await open.getAttribute('rel')).toContain('noopener');
    // The embed saved nothing: the reader's own graph in the editor is untouched.
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it.each(['light', 'dark'])('has no serious accessibility violations in the %s theme, with full controls', async (theme) => {
    const { page } = await chromium.newPage();
    await page.goto(`${appUrl()}?embed&scenario=checkout&autoplay=off&controls=full&theme=${theme}`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('a hostile controls value falls back to the default and says so, as text', async () => {
    const { page, pageErrors } = await chromium.open(`?embed&scenario=checkout&autoplay=off&controls=${encodeURIComponent('<script>alert(1)</script>')}`);
    const warnings = page.getByRole('list', { name: 'Embed parameter warnings' });
    expect(await warnings.innerText()).toContain('"controls" cannot be "<script>alert(1)</script>"; it is one of full, minimal, none');
    expect(await page.getByRole('button', { name: 'Reset' }).count()).toBe(1); // minimal controls
    expect(await page.locator('body script').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it.each([
    ['origin=javascript:alert(1)', '"origin" cannot be "javascript:alert(1)"'],
    ['origin=https://a.example/post', '"origin" cannot be "https://a.example/post": that is a URL, not an origin'],
  ])('a bad %s stops the embed with a message naming it', async (query, message) => {
    const { page, pageErrors } = await chromium.open(`?embed&scenario=checkout&${query}`);
    expect(await page.getByRole('alert').innerText()).toContain(message);
    expect(await page.locator('.react-flow').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a mangled #s= link shows what is wrong with it', async () => {
    const { page, pageErrors } = await chromium.open('?embed#s=%%%not-a-scenario!!');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/link/i); // the share decoder's own words, e.g. "the link's scenario is not valid base64url"
    expect(await page.locator('.react-flow').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('the example page (examples/embed.html) drives its embed with its buttons and prints the events', async () => {
    const { page, pageErrors } = await chromium.newPage();
    await page.goto(`${appUrl()}examples/embed.html`);
    const status = page.locator('#status');
    await expect.poll(() => status.innerText(), POLL).toBe('paused');
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => status.innerText(), POLL).toBe('running');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => status.innerText(), POLL).toBe('paused');
    await page.getByRole('button', { name: 'Send a malformed message' }).click();
    await expect.poll(() => page.locator('#log').innerText(), POLL).toContain('unknown message type');
    expect(await page.locator('#log').innerText()).toContain('"type":"faultline:ready"');
    expect(pageErrors).toEqual([]);
  });

  it('motion=reduce stops the flow animation that runs otherwise', async () => {
    const flowAnimation = async (query: string) => {
      const { page } = await chromium.open(`?embed&scenario=checkout&autoplay=on${query}`);
      const flowing = page.locator('.fl-link__flow[data-flowing]').first();
      await flowing.waitFor({ state: 'attached' });
      return flowing.evaluate((element) => getComputedStyle(element).animationName);
    };
    expect(await flowAnimation('')).toBe('fl-flow');
    expect(await flowAnimation('&motion=reduce')).toBe('none');
  });
});
