// FAULTLINE_SHOTS=<dir>: screenshots for a person to look at, saved only when asked for.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const SHOTS = process.env.FAULTLINE_SHOTS;

/** Saves `name` at 1440×900 and 390×844 when FAULTLINE_SHOTS is set, then puts the page back at 1280×720. */
export async function shootDesktopAndPhone(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const [width, height] of [[1440, 900], [390, 844]] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `${name}-${width}x${height}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
