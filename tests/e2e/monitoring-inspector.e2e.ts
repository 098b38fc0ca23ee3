// Probes and alerts in the inspector (issue 13: they were editable in the file only). In the
// monitoring story a person selects Apple push, changes its probe's interval, renames the probe,
// adds an alert, removes the probe and undoes it — the card's probe mark, the alert groups and the
// toolbar's validity follow each step; the SLO alert's burn-rate pairs are written out and edited. A rename on the canvas follows into the probe too. Compare
// bands each run's alert firings along its charts' top and says which alert fired first.
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import type { Locator } from 'playwright-core';
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

    // the client's panel (four request classes, each weight with its "Sweep this…") stays within
    // the inspector's width: one row of name, weight and Remove pushed it 69 px past, weights unseen
    await nodeOnCanvas(page, 'users').click();
    await inspector.getByRole('group', { name: 'Alert Sign-in SLO burn' }).waitFor();
    expect(await inspector.evaluate((panel) => panel.scrollWidth - panel.clientWidth)).toBe(0);
    expect(await inspector.getByLabel('Weight', { exact: true }).first().evaluate((box) => box.getBoundingClientRect().width)).toBeGreaterThan(40);

    // the SLO alert's burn-rate pairs (the story writes the workbook's two out): the parser's
    // message on a short window longer than its long one, a pair added and one removed, the
    // defaults back (said in words), then written out again to edit
    const slo = inspector.getByRole('group', { name: 'Alert Sign-in SLO burn' });
    const pairs = slo.getByRole('group', { name: /^Burn-rate pair \d+$/ });
    await expect.poll(() => pairs.count()).toBe(2);
    expect(await pairs.nth(1).getByLabel('Long window', { exact: true }).inputValue()).toBe('6h');
    expect(await pairs.nth(1).getByLabel('Burn-rate factor', { exact: true }).inputValue()).toBe('6');
    const short = pairs.nth(0).getByLabel('Short window', { exact: true });
    await short.fill('2h');
    await short.press('Enter');
    await expect.poll(() => pairs.nth(0).innerText()).toContain('expected a short window no longer than the long one (1h), got 2h');
    await expect.poll(() => validity.getAttribute('data-state')).toBe('error');
    await slo.getByRole('button', { name: 'Add a pair' }).click();
    await expect.poll(() => pairs.count()).toBe(3);
    expect(await pairs.nth(2).getByLabel('Long window', { exact: true }).inputValue()).toBe('3d');
    await slo.getByRole('button', { name: 'Remove pair 1' }).click();
    await expect.poll(() => pairs.count()).toBe(2);
    // the pairs move up: the first is now the old second (6h), the second the added one (3d)
    expect(await pairs.nth(0).getByLabel('Long window', { exact: true }).inputValue()).toBe('6h');
    expect(await pairs.nth(1).getByLabel('Long window', { exact: true }).inputValue()).toBe('3d');
    await expect.poll(() => validity.getAttribute('data-state')).toBe('ok');
    await slo.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/burn-pairs-1440.png` });
    await slo.getByRole('button', { name: 'Use the default pairs' }).click();
    await expect.poll(() => pairs.count()).toBe(0);
    expect(await slo.innerText()).toContain('1h and 5m at 14.4×, or 6h and 30m at 6×');
    await slo.getByRole('button', { name: 'Set my own pairs' }).click();
    await expect.poll(() => pairs.count()).toBe(2);
    expect(await pairs.nth(0).getByLabel('Short window', { exact: true }).inputValue()).toBe('5m');
    await expect.poll(() => validity.getAttribute('data-state')).toBe('ok');

    // a rename on the canvas's side: the probe's route follows the node
    await nodeOnCanvas(page, 'mfa-service').click();
    await setField(page, 'Id', 'mfa');
    await expect.poll(() => nodeOnCanvas(page, 'apns').locator('.fl-node__probe').getAttribute('aria-label')).toBe('Probed every 5m by push-check, via mfa');
    await expect.poll(() => validity.getAttribute('data-state')).toBe('ok');
    expect(pageErrors).toEqual([]);
  });

  it('compare: each run\'s alert firings banded along the charts\' top, and the first alert of each in words', { timeout: 180_000 }, async () => {
    const { page, pageErrors } = await chromium.open();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.locator('.react-flow__node').first().waitFor();
    await openBuiltin(page, 'mfa-outage-2019-monitoring');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare' });
    await dialog.getByLabel('Change', { exact: true }).selectOption({ label: 'mfa-service: timeout 30 s → 3 s on calls to apns' });
    await dialog.getByRole('button', { name: 'Run A and B' }).click();
    await dialog.getByRole('table').waitFor({ timeout: 120_000 });
    // the same instants as the table's "first fired at" rows: 640 s in A, 620 s in B
    expect(await dialog.locator('.fl-compare-alerts').innerText()).toMatch(/^First alert: A 10m 40s \(MFA queue above 100\); B 10m 20s \(Sign-in SLO burn\)\. Firings: \d+ in A, \d+ in B\.$/);
    const chart = dialog.locator('.fl-compare-chart[data-chart="succeeded"]');
    await expect.poll(() => chart.locator('canvas').count(), { timeout: 10_000 }).toBe(1);
    // near the run's end the SLO alert still fires in both: from the top, A's solid band, then B's
    // below it (further down, A's own line may cross the columns read)
    await expect.poll(async () => (await bandColours(chart.locator('canvas'))).slice(0, 2), { timeout: 10_000 }).toEqual(['a', 'b']);
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/compare-alert-bands-1440.png` });
    expect(pageErrors).toEqual([]);
  });
});

/**
 * Down the canvas's right end, from its top: which run's colour each thick band has (A #0072b2,
 * B #e69f00). A row counts as a colour when any of 24 columns across 92–98 % of the width has it,
 * so B's dashes cannot fall between the columns read.
 */
function bandColours(canvas: Locator): Promise<string[]> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d')!;
    const from = Math.round(element.width * 0.92);
    const width = Math.round(element.width * 0.06);
    const height = Math.round(element.height / 3);
    const pixels = context.getImageData(from, 0, width, height).data;
    const near = (i: number, rgb: number[]) => rgb.every((c, k) => Math.abs(pixels[i + k] - c) < 40) && pixels[i + 3] > 200;
    const rowColour = (y: number): string => {
      let seen = '';
      for (let c = 0; c < 24; c++) {
        const i = (y * width + Math.floor((c * width) / 24)) * 4;
        if (near(i, [0x00, 0x72, 0xb2])) return 'a';
        if (near(i, [0xe6, 0x9f, 0x00])) seen = 'b';
      }
      return seen;
    };
    const bands: string[] = [];
    let run = '';
    let length = 0;
    for (let y = 0; y <= height; y++) {
      const here = y < height ? rowColour(y) : '';
      if (here === run) length++;
      else {
        // a band is at least 3 device pixels thick; a chart line is thinner
        if (run !== '' && length >= 3) bands.push(run);
        run = here;
        length = 1;
      }
    }
    return bands;
  });
}
