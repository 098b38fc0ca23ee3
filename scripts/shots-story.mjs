// Screenshots of both outage stories at the moment of the fault and a minute after: embed 700×450,
// present 1280×720, phone 390×844, into /work/shots/story-pacing/. Needs a served build (BASE).
// node scripts/shots-story.mjs [embed|present|phone]
import { chromium } from 'playwright-core';
const BASE = process.env.BASE ?? 'http://127.0.0.1:4817/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const stories = [['key-removal-2021', 30 * 60_000], ['mfa-outage-2019', 10 * 60_000]];
const sizes = [['embed-700x450', 700, 450, '?embed&autoplay=off&scenario='], ['present-1280x720', 1280, 720, '?present&scenario='], ['phone-390x844', 390, 844, '?embed&autoplay=off&scenario=']];
const only = process.argv[2];
for (const [id, faultMs] of stories) {
  for (const [name, w, h, query] of sizes) {
    if (only && !name.startsWith(only)) continue;
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, ...(w < 500 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}) });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.log('ERR', e.message));
    await page.goto(BASE + query + id);
    await page.waitForFunction(() => window.__faultline?.useRunStore.getState().story != null, undefined, { timeout: 120000 });
    await page.waitForTimeout(3000); // the editor's first document sync may reload the run
    for (const [tag, ms] of [['fault', faultMs], ['fault+1min', faultMs + 60_000]]) {
      await page.evaluate((t) => window.__faultline.runActions.seek(t), ms);
      await page.waitForFunction((t) => { const s = window.__faultline.useRunStore.getState(); return s.simulatedMs === t && s.seekingToMs === null; }, ms, { timeout: 300000, polling: 200 });
      await page.waitForTimeout(1200);
      await page.screenshot({ path: `/work/shots/story-pacing/${id}-${name}-${tag}.png` });
      console.log('shot', id, name, tag);
    }
    await ctx.close();
  }
}
await browser.close();
