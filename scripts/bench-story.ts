/**
 * The story's pace in a real browser (issue 11): opens the embed of each outage story at 700×450
 * and reads from the page, per animation frame, how long after the run starts playing its clock
 * reaches the first fault and the end, and whether it fell behind the plan on the way.
 * Measurements, not a test: the figures go to docs/performance.md.
 *
 *   npx tsx scripts/bench-story.ts [app URL, default: builds and serves the app]
 */
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { builtinScenarios } from '../src/scenarios/index.ts';
import { parseScenario } from '../src/scenario/index.ts';
import { planStory, playbackAt } from '../src/story/index.ts';
import { timeToClock } from '../tests/e2e/story-support.ts';

const STORIES = ['key-removal-2021', 'mfa-outage-2019'];
const root = fileURLToPath(new URL('..', import.meta.url));

async function appUrl(): Promise<{ url: string; close: () => Promise<void> }> {
  if (process.argv[2]) return { url: process.argv[2], close: async () => {} };
  const outDir = join(root, 'node_modules', '.cache', `faultline-bench-story-${process.pid}`);
  process.env.NODE_ENV = 'production';
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.httpServer.close(() => resolve())) };
}

const app = await appUrl();
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  for (const id of STORIES) {
    const scenario = builtinScenarios.find((b) => b.id === id)!;
    const parsed = parseScenario(scenario.scenario);
    if (!parsed.ok) throw new Error(id);
    const plan = planStory(parsed.spec);
    const firstFaultMs = Math.min(...parsed.spec.faults.map((f) => f.atMs));
    const context = await browser.newContext({ viewport: { width: 700, height: 450 } });
    const page = await context.newPage();
    await page.goto(`${app.url}?embed&scenario=${id}`);
    const fault = await timeToClock(page, firstFaultMs, 300_000);
    const end = await timeToClock(page, parsed.spec.durationMs, 900_000);
    console.log(
      `${id}: first fault planned ${(playbackAt(plan, firstFaultMs) / 1000).toFixed(1)} s, measured ${(fault.fromRunningMs / 1000).toFixed(1)} s` +
        ` (page load → fault ${(fault.fromNavigationMs / 1000).toFixed(1)} s); end planned ${(plan.playbackMs / 1000).toFixed(1)} s,` +
        ` measured ${(end.fromRunningMs / 1000).toFixed(1)} s; behind the plan on the way: ${end.sawBehind ? 'yes' : 'no'}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await app.close();
}
