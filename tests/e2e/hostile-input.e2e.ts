// Hostile input in the browser (issue 17): the 299-character link that polluted Object.prototype
// and bricked the editor on every reload; links and files over the limits that froze the tab; the
// two-tab rule. Inputs come from tests/hostile/corpus. Each refused input is named in a message,
// the page stays responsive (long tasks measured), and the previous graph survives a reload.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { useChromium } from './browser.ts';
import { nodeIds, setField } from './editor-support.ts';

const CORPUS = join(import.meta.dirname, '../hostile/corpus');
const corpusLink = (name: string) => readFileSync(join(CORPUS, name), 'utf8').trim();
const CHECKOUT_IDS = ['shoppers', 'lb', 'api-1', 'api-2', 'db'];

/** Records every long task (main thread busy > 50 ms) from the first script on. */
const LONG_TASKS = `
  window.__longTasksMs = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasksMs.push(e.duration); }).observe({ type: 'longtask', buffered: true });
`;
async function longestTaskMs(page: Page): Promise<number> {
  const tasks = await page.evaluate(() => (window as unknown as { __longTasksMs?: number[] }).__longTasksMs ?? null);
  expect(tasks).not.toBeNull(); // the observer is installed: a 0 below is a measurement
  return Math.max(0, ...tasks!);
}
const polluted = (page: Page) => page.evaluate(() => ['ref', 'polluted'].filter((key) => (({}) as Record<string, unknown>)[key] !== undefined));

describe('hostile input in the browser', () => {
  const chromium = useChromium();
  let fileDir: string;
  beforeAll(() => {
    fileDir = mkdtempSync(join(tmpdir(), 'faultline-hostile-input-'));
  });
  afterAll(() => rmSync(fileDir, { recursive: true, force: true }));

  async function editorWithCheckout() {
    const app = await chromium.newPage({}, { console: false });
    await app.page.addInitScript(LONG_TASKS);
    await app.page.goto(inject('appUrl'));
    await app.page.locator('.react-flow__node').first().waitFor();
    expect(await nodeIds(app.page)).toEqual(CHECKOUT_IDS);
    return app;
  }

  it('the __proto__ link opens as an editable document, pollutes nothing, survives a reload; built-ins still run', async () => {
    const link = corpusLink('proto-vary-ref.link');
    expect(link.length).toBeLessThan(300);
    const { page, pageErrors } = await editorWithCheckout();
    await page.goto(`${inject('appUrl')}${link}`);
    await expect.poll(() => nodeIds(page), { timeout: 15_000 }).toEqual(['u', 'a']);
    await page.getByRole('status').filter({ hasText: 'from the link' }).waitFor();
    expect(await polluted(page)).toEqual([]);
    await page.reload(); // the autosave now holds the hostile document: it must not pollute either
    await expect.poll(() => nodeIds(page), { timeout: 15_000 }).toEqual(['u', 'a']);
    expect(await polluted(page)).toEqual([]);
    await page.getByText('"__proto__" is not a scenario field').first().waitFor();

    await page.goto(`${inject('appUrl')}?scenario=checkout`);
    await expect.poll(() => nodeIds(page), { timeout: 15_000 }).toEqual(CHECKOUT_IDS);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await play.click();
    await page.getByRole('status').filter({ hasText: 'Running' }).waitFor({ timeout: 15_000 });
    expect(await polluted(page)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it.each([
    ['nodes-19000.link', 'got 19000'],
    ['nodes-35000-one-id.link', 'got 35000'],
  ])('%s is refused quickly with the limit named; the page stays responsive and the graph survives a reload', async (name, count) => {
    const { page, pageErrors } = await editorWithCheckout();
    const started = Date.now();
    await page.goto(`${inject('appUrl')}${corpusLink(name)}`);
    const alert = page.getByRole('alert').filter({ hasText: `expected at most 2000 nodes (a Faultline limit), ${count}` });
    await alert.waitFor({ timeout: 15_000 });
    const elapsedMs = Date.now() - started;
    expect(elapsedMs).toBeLessThan(8_000); // was 16–30 s of frozen tab, before any notice
    expect(await longestTaskMs(page)).toBeLessThan(2_000);
    expect(await nodeIds(page)).toEqual(CHECKOUT_IDS);
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await nodeIds(page)).toEqual(CHECKOUT_IDS);
    expect(pageErrors).toEqual([]);
  });

  it.each([
    ['nodes-70000.json.gz', 'expected at most 2000 nodes (a Faultline limit), got 70000'],
    ['nested-70.json', 'nested more than 64 levels deep'],
  ])('the file %s is refused with the limit named and no "Open anyway"; the graph survives a reload', async (name, message) => {
    const raw = readFileSync(join(CORPUS, name));
    const file = join(fileDir, name.replace(/\.gz$/, ''));
    writeFileSync(file, name.endsWith('.gz') ? gunzipSync(raw) : raw);
    const { page, pageErrors } = await editorWithCheckout();
    await page.getByLabel('Scenario file').setInputFiles(file);
    const dialog = page.getByRole('dialog');
    await dialog.getByText(message).waitFor({ timeout: 15_000 });
    expect(await dialog.getByRole('button', { name: 'Open anyway to fix it' }).count()).toBe(0);
    expect(await longestTaskMs(page)).toBeLessThan(3_000); // reading 4.9 MB of JSON, not laying out 70,000 nodes
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.locator('.react-flow__node').first().waitFor();
    expect(await nodeIds(page)).toEqual(CHECKOUT_IDS);
    expect(pageErrors).toEqual([]);
  });

  it('two tabs: the second tab\'s save pauses the first, which asks instead of overwriting', async () => {
    const context = await chromium.browser.newContext();
    try {
      const [a, b] = [await context.newPage(), await context.newPage()];
      for (const page of [a, b]) {
        await page.goto(inject('appUrl'));
        await page.locator('.react-flow__node').first().waitFor();
      }
      const saved = () => a.evaluate(() => JSON.parse(localStorage.getItem('faultline.editor.document') ?? 'null')?.document?.name as string | undefined);
      await setField(a, 'Name', 'from tab A');
      await expect.poll(saved).toBe('from tab A');
      await b.reload();
      await b.locator('.react-flow__node').first().waitFor();
      await setField(b, 'Name', 'from tab B');
      await expect.poll(saved).toBe('from tab B');
      await a.getByRole('alert').filter({ hasText: 'Another tab saved its own version of this graph' }).waitFor({ timeout: 10_000 });
      await setField(a, 'Name', 'tab A again'); // held: B's version stays
      await a.waitForTimeout(1_500);
      expect(await saved()).toBe('from tab B');
      await a.getByRole('button', { name: 'Open the other version' }).click();
      await expect.poll(() => a.getByLabel('Name', { exact: true }).inputValue()).toBe('from tab B');
      expect(await b.getByRole('alert').filter({ hasText: 'Another tab' }).count()).toBe(0); // agreeing is no conflict
    } finally {
      await context.close();
    }
  });
});
