// The minimal app in headless Chromium: it opens on a built-in scenario, runs it in the worker
// with the same numbers as the engine in Node, and reports a bad file without losing the results.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToEnd } from '../../src/engine/index.ts';
import { formatIssue, parseScenario, parseScenarioText } from '../../src/scenario/index.ts';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { launchChromium, openApp } from './browser.ts';

/** The rows of a results table as { rowId: { column: text } }. */
async function readTable(page: Page, caption: string): Promise<Record<string, Record<string, string>>> {
  const table = page.getByRole('table', { name: caption });
  const columns = await table.locator('thead th').allInnerTexts();
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.children, (cell) => (cell.textContent ?? '').trim())),
  );
  return Object.fromEntries(rows.map((cells) => [cells[0], Object.fromEntries(columns.map((c, i) => [c.trim(), cells[i]]))]));
}

const count = (text: string) => Number(text.replace(/,/g, ''));

async function shownErrors(page: Page): Promise<string[]> {
  return (await page.getByRole('alert').locator('li').allInnerTexts()).map((line) => line.trim());
}

function expectedErrors(result: ReturnType<typeof parseScenarioText>): string[] {
  if (result.ok) throw new Error('expected the scenario to be invalid');
  return result.errors.map(formatIssue);
}

describe('the minimal app', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const first = builtinScenarios[0];

  it('opens on the first built-in scenario, runs it in the worker and shows the engine’s numbers', async () => {
    const { page, pageErrors } = await openApp(browser);
    expect(await page.getByLabel('Built-in scenario').inputValue()).toBe(first.id);
    expect(JSON.parse(await page.getByLabel('Scenario JSON').inputValue())).toEqual(first.scenario);

    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('table', { name: 'Nodes' }).waitFor({ timeout: 45_000 });
    const shown = await readTable(page, 'Nodes');

    // Same scenario, same seed, in Node: the browser worker must produce the same totals (DESIGN §2).
    const parsed = parseScenario(first.scenario);
    if (!parsed.ok) throw new Error(`built-in ${first.id} does not validate`);
    const report = runToEnd(parsed.spec);
    const stations = Object.entries(report.nodes).filter(([, n]) => n.kind !== 'client');
    expect(stations.length).toBeGreaterThan(0);
    for (const [id, node] of stations) {
      expect(count(shown[id].arrived)).toBe(node.arrived);
      expect(count(shown[id].completed)).toBe(node.completed);
    }
    expect(stations.some(([id]) => count(shown[id].completed) > 0)).toBe(true);

    const clients = await readTable(page, 'Clients');
    for (const [id, client] of Object.entries(report.clients)) {
      expect(count(clients[id].generated)).toBe(client.generated);
      expect(count(clients[id].succeeded)).toBe(client.succeeded);
    }
    expect(pageErrors).toEqual([]);
  });

  it('lists the validator’s errors for a broken file and keeps the previous results', async () => {
    const { page, pageErrors } = await openApp(browser);
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('table', { name: 'Nodes' }).waitFor({ timeout: 45_000 });
    const before = await readTable(page, 'Nodes');

    const truncated = JSON.stringify(first.scenario).slice(0, 40);
    await page.getByLabel('Scenario JSON').fill(truncated);
    await page.getByRole('button', { name: 'Run' }).click();
    await page.getByRole('alert').waitFor();
    // JSON syntax messages come from the JavaScript engine and differ between Node and Chromium:
    // compare the paths here, whole lines for the schema error below.
    const pathOf = (line: string) => line.slice(0, line.indexOf(': '));
    expect((await shownErrors(page)).map(pathOf)).toEqual(expectedErrors(parseScenarioText(truncated)).map(pathOf));
    expect(await readTable(page, 'Nodes')).toEqual(before);

    const badDuration = JSON.stringify({ ...(first.scenario as object), duration: 'soon' });
    await page.getByLabel('Scenario JSON').fill(badDuration);
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => shownErrors(page)).toEqual(expectedErrors(parseScenarioText(badDuration)));
    expect((await shownErrors(page)).some((line) => line.includes('duration'))).toBe(true);
    expect(await readTable(page, 'Nodes')).toEqual(before);
    expect(pageErrors).toEqual([]);
  });
});
