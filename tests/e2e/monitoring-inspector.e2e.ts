// Probes and alerts in the inspector (issue 13: they were editable in the file only). In the
// monitoring story a person selects Apple push, changes its probe's interval, renames the probe,
// adds an alert, removes the probe and undoes it — the card's probe mark, the alert groups and the
// toolbar's validity follow each step. A rename on the canvas follows into the probe too.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { nodeOnCanvas, setField } from './editor-support.ts';
import { openBuiltin } from './toolbar-support.ts';

const SHOTS = '/work/shots/monitor';

describe('probes and alerts in the inspector', () => {
  const chromium = useChromium();

  it('mfa-outage-2019-monitoring: edit, rename, add, remove and undo, each seen on the card and in the panel', { timeout: 120_000 }, async () => {
    const { page, pageErrors } = await chromium.open();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.react-flow__node').first().waitFor();
    await openBuiltin(page, 'mfa-outage-2019-monitoring');
    const validity = page.locator('.fl-validation');
    const probeMark = nodeOnCanvas(page, 'apns').locator('.fl-node__probe');
    const inspector = page.getByRole('complementary', { name: 'Inspector' });

    await nodeOnCanvas(page, 'apns').click();
    const probe = inspector.getByRole('group', { name: 'Probe apns-probe' });
    await probe.waitFor();
    // the probe's own alert sits inside its group
    expect(await probe.getByRole('group', { name: 'Alert APNs probe failing' }).count()).toBe(1);
    expect(await probe.getByLabel('Via', { exact: true }).inputValue()).toBe('mfa-service');

    await setField(page, 'Every', '5m');
    await expect.poll(() => probeMark.getAttribute('aria-label')).toBe('Probed every 5m by apns-probe, via mfa-service');

    // the probe's Id (the node's own box is labelled "Id" too)
    await probe.getByLabel('Id', { exact: true }).fill('push-check');
    await probe.getByLabel('Id', { exact: true }).press('Enter');
    await expect.poll(() => probeMark.getAttribute('aria-label')).toBe('Probed every 5m by push-check, via mfa-service');
    const renamed = inspector.getByRole('group', { name: 'Probe push-check' });
    expect(await renamed.getByRole('group', { name: 'Alert APNs probe failing' }).count()).toBe(1);
    await expect.poll(() => validity.getAttribute('data-state')).toBe('ok');

    await inspector.getByRole('button', { name: 'Add an alert' }).click();
    const added = inspector.getByRole('group', { name: 'Alert apns queue above 100' });
    await added.waitFor();
    expect(await added.getByLabel('Metric', { exact: true }).inputValue()).toBe('queueDepth');
    await expect.poll(() => validity.getAttribute('data-state')).toBe('ok');
    mkdirSync(SHOTS, { recursive: true });
    await inspector.getByRole('heading', { name: 'Monitoring' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/inspector-1440.png` });

    await renamed.getByRole('button', { name: 'Remove probe' }).click();
    await expect.poll(() => probeMark.count()).toBe(0);
    expect(await inspector.getByRole('group', { name: 'Alert APNs probe failing' }).count()).toBe(0);
    await expect.poll(() => validity.getAttribute('data-state')).toBe('ok');

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => probeMark.getAttribute('aria-label')).toBe('Probed every 5m by push-check, via mfa-service');

    // a rename on the canvas's side: the probe's route follows the node
    await nodeOnCanvas(page, 'mfa-service').click();
    await setField(page, 'Id', 'mfa');
    await expect.poll(() => nodeOnCanvas(page, 'apns').locator('.fl-node__probe').getAttribute('aria-label')).toBe('Probed every 5m by push-check, via mfa');
    await expect.poll(() => validity.getAttribute('data-state')).toBe('ok');
    expect(pageErrors).toEqual([]);
  });
});
