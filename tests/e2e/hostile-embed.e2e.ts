// Issue 17, finding 6 (embed), through a real iframe on another origin: a bad `controls` or
// `speed` shows its warning AND posts a faultline:error to the page (docs/embedding.md says so);
// a faultline:load whose scenario uses one object in two places (structured clone keeps it
// shared) loads, while one that contains itself is refused as a cycle.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useChromium } from './browser.ts';
import { embedFrame, hostEvents, startHostServer, hostPageHtml, waitForEmbedLoaded, waitForEvent, type HostServer } from './embed-support.ts';

describe('embed: parameter errors and shared references', () => {
  const chromium = useChromium();
  let badParams: HostServer;
  let driver: HostServer;
  beforeAll(async () => {
    badParams = await startHostServer(() => hostPageHtml({ embedSrc: `${inject('appUrl')}?embed&scenario=checkout&autoplay=off&controls=%3Cscript%3E&speed=warp` }));
    driver = await startHostServer((origin) => hostPageHtml({ embedSrc: `${inject('appUrl')}?embed&scenario=checkout&autoplay=off&origin=${encodeURIComponent(origin)}` }));
  });
  afterAll(async () => {
    await Promise.all([badParams?.close(), driver?.close()]);
  });

  it('a bad controls and a bad speed are shown as warnings and posted as faultline:error; the embed still runs', async () => {
    const { page, pageErrors } = await chromium.newPage();
    await page.goto(badParams.origin);
    await waitForEvent(page, 'faultline:ready');
    const errors = (await hostEvents(page)).filter((e) => e.data.type === 'faultline:error').map((e) => e.data.message);
    expect(errors).toEqual([
      '"controls" cannot be "<script>"; it is one of full, minimal, none (using the default, minimal)',
      '"speed" cannot be "warp"; it is one of 1, 10, 100, story, max (using the default, story)',
    ]);
    const frame = await embedFrame(page);
    const warnings = await frame.getByRole('list', { name: 'Embed parameter warnings' }).locator('li').allInnerTexts();
    expect(warnings).toEqual(errors);
    await waitForEmbedLoaded(frame);
    expect(pageErrors).toEqual([]);
  });

  it('loads a scenario that uses one object twice; refuses one that contains itself', async () => {
    const { page } = await chromium.newPage();
    await page.goto(driver.origin);
    const first = await waitForEvent(page, 'faultline:ready');
    await page.evaluate(() => {
      const sharedTime = { dist: 'exponential', mean: '100ms' };
      const scenario = {
        format: 'faultline.scenario/v1',
        name: 'Shared service time',
        duration: '1m',
        nodes: [
          { id: 'users', kind: 'client', rate: 5, target: 'a' },
          { id: 'a', kind: 'service', serviceTime: sharedTime, calls: [{ to: 'b' }] },
          { id: 'b', kind: 'service', serviceTime: sharedTime },
        ],
        links: [{ id: 'users-a', from: 'users', to: 'a' }, { id: 'a-b', from: 'a', to: 'b' }],
      };
      (document.getElementById('embed') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'faultline:load', scenario }, '*');
    });
    const ready = await waitForEvent(page, 'faultline:ready', { after: first.index + 1 });
    expect(ready.event.data.scenario).toEqual({ name: 'Shared service time', durationMs: 60_000 });
    expect((await hostEvents(page)).filter((e) => e.data.type === 'faultline:error')).toEqual([]);

    await page.evaluate(() => {
      const node: Record<string, unknown> = { id: 'a', kind: 'service' };
      node.self = { again: node };
      (document.getElementById('embed') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'faultline:load', scenario: { format: 'faultline.scenario/v1', nodes: [node] } }, '*');
    });
    const refused = await waitForEvent(page, 'faultline:error', { after: ready.index + 1 });
    expect(refused.event.data).toMatchObject({ message: 'the message refers to itself (a cycle); send JSON-like data', request: 'faultline:load' });
  });
});
