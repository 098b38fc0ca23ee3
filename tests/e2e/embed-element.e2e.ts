// <faultline-embed> (dist/faultline-embed.js) on a plain HTML page of another origin: attributes
// become the embed's URL, play()/pause()/inject() drive it (even called before it is ready), and
// its messages come back as DOM events on the element — faultline:error included.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useChromium } from './browser.ts';
import { startHostServer, type HostServer } from './embed-support.ts';

const appUrl = () => inject('appUrl');

interface Seen {
  type: string;
  detail: { status?: string; simulatedMs?: number; message?: string; request?: string; scenario?: { name: string } };
}

/** A blog post: the script from the app's site, one element, and a log of the element's events. */
const blogPost = (app: string) => `<!doctype html><html><head><meta charset="utf-8"><title>A post</title>
<script src="${app}faultline-embed.js"></script></head><body style="margin:0;font:16px sans-serif">
<p style="margin:8px">A queue at 80%, below:</p>
<faultline-embed id="demo" scenario="mm1" autoplay="off" controls="full" speed="10" theme="neon" height="420" title="M/M/1"></faultline-embed>
<script>
  window.__seen = [];
  for (const type of ['faultline:ready', 'faultline:status', 'faultline:time', 'faultline:error']) {
    document.addEventListener(type, (e) => { if (type !== 'faultline:time') window.__seen.push({ type, detail: e.detail }); });
  }
</script></body></html>`;

/** The first event of `type` after the `after`-th the page saw whose detail has these fields (waits for it), with its index. */
async function seen(page: Page, type: string, fields: Partial<Seen['detail']> = {}, after = -1): Promise<Seen & { index: number }> {
  const handle = await page.waitForFunction(
    ({ type, fields, after }) => {
      const all = (window as unknown as { __seen: Seen[] }).__seen;
      const index = all.findIndex((s, i) => i > after && s.type === type && Object.entries(fields).every(([k, v]) => (s.detail as Record<string, unknown>)[k] === v));
      return index < 0 ? null : { ...all[index], index };
    },
    { type, fields, after },
  );
  return (await handle.jsonValue()) as Seen & { index: number };
}

describe('<faultline-embed>', () => {
  const chromium = useChromium();
  let host: HostServer;
  beforeAll(async () => {
    host = await startHostServer(() => blogPost(appUrl()));
  });
  afterAll(async () => {
    await host?.close();
  });

  it('is one small classic script at the site root: no module syntax, no chunk imports, under 3 KB gzipped', async () => {
    const response = await fetch(`${appUrl()}faultline-embed.js`);
    expect(response.status).toBe(200);
    const script = await response.text();
    expect(script).not.toMatch(/\bimport\s*[({"'`]|^export\s/m);
    expect(gzipSync(script).length).toBeLessThan(3 * 1024);
  });

  it('builds the embed URL from its attributes, is driven by play/pause/inject and re-dispatches the embed events', async () => {
    const { page, pageErrors } = await chromium.newPage({ viewport: { width: 700, height: 520 } });
    await page.goto(host.origin);
    // Called at once, before the embed can have loaded: the element holds it until faultline:ready.
    await page.evaluate(() => (document.getElementById('demo') as HTMLElement & { play(): void }).play());

    const src = new URL(await page.evaluate(() => (document.getElementById('demo') as HTMLElement & { embedSrc: string }).embedSrc));
    expect(src.href.startsWith(appUrl())).toBe(true);
    expect(Object.fromEntries(src.searchParams)).toEqual({ embed: '', scenario: 'mm1', autoplay: 'off', controls: 'full', speed: '10', theme: 'neon', origin: host.origin });

    // theme="neon" is passed as written; the embed's own warning comes back as the element's event.
    const warning = await seen(page, 'faultline:error');
    expect(warning.detail.message).toContain('"theme" cannot be "neon"');
    const ready = await seen(page, 'faultline:ready');
    expect(ready.detail.scenario?.name).toMatch(/M\/M\/1/);
    const running = await seen(page, 'faultline:status', { status: 'running' });
    expect(running.detail.simulatedMs).toBeGreaterThanOrEqual(0);

    await page.evaluate(() => (document.getElementById('demo') as HTMLElement & { pause(): void }).pause());
    const paused = await seen(page, 'faultline:status', { status: 'paused' }, running.index);
    expect(paused.detail.simulatedMs).toBeGreaterThan(0);

    // inject(): a real fault reaches the run's fault log; a wrong target comes back as an error event.
    await page.evaluate(() => (document.getElementById('demo') as HTMLElement & { inject(f: object): void }).inject({ target: 'api', action: 'crash', for: '10s' }));
    const frame = (await (await page.waitForSelector('#demo iframe')).contentFrame())!; // playwright's CSS enters the open shadow root
    await expect
      .poll(() => frame.evaluate(() => (window as unknown as { __faultline: { useRunStore: { getState(): { faultLog: { target: string; action: string }[] } } } }).__faultline.useRunStore.getState().faultLog), { timeout: 20_000 })
      .toMatchObject([{ target: 'api', action: 'crash' }]);
    await page.evaluate(() => (document.getElementById('demo') as HTMLElement & { inject(f: object): void }).inject({ target: 'no-such-node', action: 'crash' }));
    const refused = await seen(page, 'faultline:error', { request: 'faultline:inject' });
    expect(refused.detail.message).toContain('no-such-node');

    // The element's own problem (a src that is not a URL) is a faultline:error too.
    const own = await page.evaluate(() => {
      const element = document.createElement('faultline-embed');
      element.setAttribute('src', 'http://[not a host');
      let message = '';
      element.addEventListener('faultline:error', (e) => (message = (e as CustomEvent<{ message: string }>).detail.message));
      document.body.append(element);
      return message;
    });
    expect(own).toBe('src "http://[not a host" is not a URL');

    expect(pageErrors).toEqual([]);
  });
});
