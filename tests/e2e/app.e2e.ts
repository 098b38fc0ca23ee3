// The app in headless Chromium: it opens the editor on the built-in `checkout` scenario, and a
// value the format rejects shows the validator's own message next to the field it is about.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { useChromium } from './browser.ts';

const checkout = findBuiltin('checkout')!.scenario as { nodes: { id: string }[]; links: { id: string }[] };

describe('the app', () => {
  const chromium = useChromium();

  it('opens the editor on the built-in checkout scenario, every node and link on the canvas', async () => {
    const { page, pageErrors } = await chromium.open();
    await page.locator('.react-flow__node').first().waitFor();
    const ids = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(await ids('.react-flow__node')).toEqual(checkout.nodes.map((n) => n.id));
    await expect.poll(() => ids('.react-flow__edge')).toEqual(checkout.links.map((l) => l.id));
    expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Checkout under a crash');
    expect(pageErrors).toEqual([]);
  });

  it('shows the validator’s message for a bad value next to its field and marks the node', async () => {
    const { page, pageErrors } = await chromium.open();
    await page.locator('.react-flow__node[data-id="api-2"]').click();
    const workers = page.getByLabel('Workers (jobs at once)', { exact: true });
    await workers.fill('-3');
    await workers.press('Enter');

    const broken = structuredClone(checkout) as { nodes: Record<string, unknown>[] };
    broken.nodes[3].workers = -3;
    const result = parseScenario(broken);
    if (result.ok) throw new Error('expected -3 workers to be rejected');
    const expected = result.errors.find((e) => e.path === 'nodes[3].workers')!.message;

    await expect.poll(() => workers.getAttribute('aria-invalid')).toBe('true');
    const messageId = (await workers.getAttribute('aria-describedby'))!.split(' ')[0];
    expect(await page.locator(`#${messageId}`).innerText()).toBe(expected);
    expect(await page.locator('.react-flow__node[data-id="api-2"] .fl-node').getAttribute('data-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: /1 problem/ }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
