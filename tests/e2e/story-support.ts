// Helpers for the story e2e and the story bench: open an embed and time it against the run clock.
import type { Page } from 'playwright-core';

type RunState = { status: string; simulatedMs: number; speed: string | number; behind: boolean };

export interface ClockTiming {
  fromRunningMs: number;
  fromNavigationMs: number;
  /** The page said "behind the story" on the way (the worker could not keep up with the plan). */
  sawBehind: boolean;
}

export const runState = (page: Page): Promise<RunState> =>
  page.evaluate(() => {
    const s = (window as unknown as { __faultline: { useRunStore: { getState(): RunState } } }).__faultline.useRunStore.getState();
    return { status: s.status, simulatedMs: s.simulatedMs, speed: s.speed, behind: s.behind };
  });

/** Wall ms (page clock) from the run's first 'running' to its clock reaching `simulatedMs`, read per frame in the page. */
export async function timeToClock(page: Page, simulatedMs: number, timeoutMs = 60_000): Promise<ClockTiming> {
  await page.waitForFunction(() => (window as unknown as { __faultline?: unknown }).__faultline !== undefined, undefined, { timeout: timeoutMs });
  const handle = await page.waitForFunction(
    (target) => {
      const w = window as unknown as { __faultline: { useRunStore: { getState(): RunState } }; __storyRunningAt?: number; __storySawBehind?: boolean };
      const s = w.__faultline.useRunStore.getState();
      if (s.status === 'running' && w.__storyRunningAt === undefined) w.__storyRunningAt = performance.now();
      if (s.behind && document.querySelector('.fl-story__behind') !== null) w.__storySawBehind = true;
      if (s.simulatedMs < target || w.__storyRunningAt === undefined) return false;
      return { fromRunningMs: performance.now() - w.__storyRunningAt, fromNavigationMs: performance.now(), sawBehind: w.__storySawBehind === true };
    },
    simulatedMs,
    { polling: 'raf', timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as ClockTiming;
}
