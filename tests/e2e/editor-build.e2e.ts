// Issue 5, "done when": a person builds client → service by drag and drop, connects them, turns
// the rate above the service's capacity, presses play and watches the queue fill and requests
// drop — on the canvas itself.
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { connectOnCanvas, dragKindOntoCanvas, linkOnCanvas, nodeOnCanvas, openEditor, readNumber, readout, setField } from './editor-support.ts';
import { chooseFromMenu } from './toolbar-support.ts';

describe('building and overloading a system on the canvas', () => {
  const chromium = useChromium();

  it('a client sending above a service’s capacity fills its queue bar and turns its drop counter red', async () => {
    const { page, pageErrors } = await openEditor(chromium.browser);
    await chooseFromMenu(page, 'File', 'New');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(0);

    await dragKindOntoCanvas(page, 'Client', 180, 200);
    await dragKindOntoCanvas(page, 'Service', 520, 200);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    await connectOnCanvas(page, 'client', 'service');
    await linkOnCanvas(page, 'client-service').waitFor();
    // Connecting set the client's target: the scenario is valid as built.
    await expect.poll(() => page.getByRole('button', { name: /Valid/ }).count()).toBe(1);

    // The service: 4 workers × 50 ms = 80 requests/s, queue of 100. Send 400/s.
    await nodeOnCanvas(page, 'client').click();
    await setField(page, 'Rate (requests/s)', '400');
    await expect(nodeOnCanvas(page, 'client').locator('.fl-node__summary').textContent()).resolves.toContain('400/s');

    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect.poll(() => play.isEnabled(), { timeout: 15_000 }).toBe(true);
    await play.click();

    await expect.poll(() => readNumber(readout(page, 'service', 'queue-text')), { timeout: 20_000 }).toBeGreaterThanOrEqual(90);
    await expect.poll(() => readNumber(readout(page, 'service', 'dropped-rate')), { timeout: 20_000 }).toBeGreaterThan(100);
    expect(await readout(page, 'service', 'dropped-rate').getAttribute('data-alarm')).toBe('true');
    expect(await readout(page, 'service', 'busy-text').textContent()).toBe('4/4');
    const fill = await readout(page, 'service', 'queue-fill').evaluate((el) => parseFloat(getComputedStyle(el).getPropertyValue('--fl-fill')));
    expect(fill).toBeGreaterThanOrEqual(90); // % of the track
    expect(await readout(page, 'service', 'queue-fill').getAttribute('data-level')).toBe('full');
    expect(await nodeOnCanvas(page, 'service').locator('.fl-node').getAttribute('data-health')).toBe('failing');
    expect(await readout(page, 'client', 'dropped-rate').getAttribute('data-alarm')).toBe('true');
    expect(pageErrors).toEqual([]);
  });
});
