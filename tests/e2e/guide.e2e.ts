// The guide panel on the key-removal incident: it pauses the run exactly at its steps (the worker's
// pause-at: the clock reads the step's moment even at Max), takes a prediction, pauses with the
// answer hidden, runs on to the reveal and shows the answer beside the guess; highlights what to
// watch without selecting it (Delete leaves it alone); Continue plays on, Reset returns to the
// scenario as opened at 0:00. Presenter mode and hostile markdown: guide-presenter.e2e.ts.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser.ts';
import { builtin, clockMs, expectNodesOnCanvas, nodeIdsOf, openFromLibrary } from './library-support.ts';
import { setSpeed } from './toolbar-support.ts';

const chromium = useChromium();
const MINUTE_MS = 60_000;

const guide = (page: Page) => page.getByRole('complementary', { name: 'Guide' });
const stepTitle = (page: Page) => page.locator('#fl-guide-step-title');
const clockText = (page: Page) => page.locator('[aria-label="Simulated time"]').evaluate((el) => el.firstChild?.textContent?.trim() ?? '');
/** Waits until the worker's pause-at (as the run store last heard it) is `ms`: the guide's next pausing step. */
async function waitForPauseAt(page: Page, ms: number | null): Promise<void> {
  await page.waitForFunction(
    (wanted) => (window as unknown as { __faultline: { useRunStore: { getState(): { pauseAtMs: number | null } } } }).__faultline.useRunStore.getState().pauseAtMs === wanted,
    ms,
    { timeout: 10_000 },
  );
}
const runStatus = (page: Page) => page.locator('.fl-run-controls').getByText(/^(Paused|Running|Finished)$/);

async function waitForPausedAt(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => document.querySelector('#fl-guide-step-title')?.textContent === wanted && /Paused/.test(document.querySelector('.fl-run-controls')?.textContent ?? ''),
    title,
    { timeout: 45_000 },
  );
}

const selectedOnCanvas = (page: Page) =>
  page.locator('.react-flow__node.selected, .react-flow__edge.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());
/** What the guide points at: its own glow class on the React Flow elements (never the selection). */
const highlightedOnCanvas = (page: Page) =>
  page.locator('.react-flow__node.fl-guide-highlight, .react-flow__edge.fl-guide-highlight').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());
/** The selection store, as the inspector and "Delete selected" see it. */
const selectionStore = (page: Page) =>
  page.evaluate(() => {
    const cards = [...document.querySelectorAll('.react-flow__node.selected, .react-flow__edge.selected')].length;
    return { cards, inspector: document.querySelector('.fl-inspector')?.textContent ?? '' };
  });
const outcome = (page: Page) => guide(page).getByTestId('guide-outcome');

describe('the guide', () => {
  it('plays key-removal-2021: highlight without selection, predict, pause before the answer, reveal, continue, reset', async () => {
    const { page, pageErrors } = await chromium.open('?library');
    // big enough that the fitted graph's text is painted (token badges; not the overview tier)
    await page.setViewportSize({ width: 1600, height: 1000 });
    const s8 = builtin('key-removal-2021');
    await openFromLibrary(page, s8);
    await guide(page).waitFor();
    expect(await stepTitle(page).textContent()).toBe('18:30 UTC — healthy');
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node.fl-guide-highlight').length === 2);
    expect(await highlightedOnCanvas(page)).toEqual(['aad', 'jwks']);
    // a highlight is not a selection: nothing selected, the inspector shows the scenario, no "Delete selected"
    expect(await selectedOnCanvas(page)).toEqual([]);
    const before = await selectionStore(page);
    expect(before.inspector).not.toContain('selected');
    expect(before.inspector).not.toContain('Delete selected');
    // Delete and Backspace do nothing to what the guide points at
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Delete');
    await page.keyboard.press('Backspace');
    await expectNodesOnCanvas(page, nodeIdsOf(s8));

    // the question, asked before the step: its answer comes at the reveal, 34:00
    const prompt = guide(page).getByRole('form', { name: /^Predict before 34:00/ });
    await prompt.getByRole('textbox').fill('teams-like breaks first; portal-like never');
    await prompt.getByRole('button', { name: 'Save guess' }).click();
    await prompt.getByRole('status').waitFor();

    await setSpeed(page, 'Max');
    await waitForPauseAt(page, 30 * MINUTE_MS); // the guide gave the worker its first pausing step
    await guide(page).getByRole('button', { name: 'Start', exact: true }).click();
    await waitForPausedAt(page, '19:00 — K1 disappears from the published keys');
    expect(await clockText(page), 'paused exactly at the step, at Max').toBe('30:00.0');
    expect(await clockMs(page)).toBe(30 * MINUTE_MS);
    // paused before the outcome: the answer is hidden, the question and the guess stay up
    await waitForPauseAt(page, 34 * MINUTE_MS); // Continue runs to the reveal, not to the next step
    expect(await outcome(page).count()).toBe(0);
    expect(await guide(page).getByTestId('guide-pending').textContent()).toContain('34:00.0');
    expect(await guide(page).textContent()).not.toContain('breaks first:');
    expect(await guide(page).getByRole('form', { name: /^Predict before 34:00/ }).getByRole('textbox').inputValue()).toBe('teams-like breaks first; portal-like never');
    expect(await highlightedOnCanvas(page)).toEqual(['aad', 'jwks']);
    expect(await selectedOnCanvas(page)).toEqual([]);

    // Continue: the run plays to the reveal; the canvas shows the outcome, the guide the answer beside the guess
    await guide(page).getByRole('button', { name: 'Continue' }).click();
    await page.waitForFunction(() => /Paused/.test(document.querySelector('.fl-run-controls')?.textContent ?? '') && document.querySelector('[aria-label="Simulated time"]')?.firstChild?.textContent?.trim() === '34:00.0', null, { timeout: 45_000 });
    expect(await stepTitle(page).textContent()).toBe('19:00 — K1 disappears from the published keys');
    await outcome(page).waitFor();
    const answer = (await outcome(page).textContent()) ?? '';
    expect(answer).toContain('Your guess: teams-like breaks first; portal-like never');
    expect(answer).toContain('What happened:');
    expect(answer).toContain('breaks first: a fifth of its replicas each minute');
    expect(await guide(page).getByTestId('guide-pending').count()).toBe(0);
    // …and the canvas shows it: ~80% of teams-like's replicas reject K1 (4 of 5 minutes refreshed), portal-like none
    // painted (every tier but the overview writes the badge's text; semantic zoom only hides rows)
    expect(await page.locator('.fl-canvas').getAttribute('data-detail'), 'text painted').not.toBe('overview');
    const rejecting = async (id: string): Promise<number> => {
      const text = (await page.locator(`.react-flow__node[data-id="${id}"] [data-live="token-rejecting"]`).textContent()) ?? '';
      // the badge says "K1 · 80% of replicas", or "no replica rejects"
      if (/no replica rejects/.test(text)) return 0;
      return Number(/<?([\d.]+)\s*% of replicas/.exec(text)?.[1] ?? NaN);
    };
    await page.waitForFunction(() => /[1-9][\d.]*\s*% of replicas/.test(document.querySelector('.react-flow__node[data-id="teams-like"] [data-live="token-rejecting"]')?.textContent ?? ''), null, { timeout: 10_000 });
    expect(await rejecting('teams-like')).toBeGreaterThanOrEqual(75);
    expect(await rejecting('teams-like')).toBeLessThanOrEqual(85);
    expect(await rejecting('portal-like')).toBe(0);
    await waitForPauseAt(page, 35 * MINUTE_MS);

    await guide(page).getByRole('button', { name: 'Continue' }).click();
    await waitForPausedAt(page, '19:05 — the 5-minute group is fully broken');
    expect(await clockText(page)).toBe('35:00.0');
    await page.waitForFunction(() => document.querySelectorAll('.react-flow__node.fl-guide-highlight, .react-flow__edge.fl-guide-highlight').length === 3);
    expect(await highlightedOnCanvas(page)).toEqual(['jwks', 'jwks-fetch-teams-like', 'teams-like']);
    expect(await selectedOnCanvas(page)).toEqual([]);

    // the person's own selection still works beside the highlight: an edit, then Reset returns the scenario as opened, at 0:00
    await page.locator('.react-flow__node[data-id="xbox-like"]').click();
    expect(await selectedOnCanvas(page)).toEqual(['xbox-like']);
    await page.keyboard.press('Delete');
    await page.locator('.react-flow__node[data-id="xbox-like"]').waitFor({ state: 'detached' });
    expect(await page.locator('.react-flow__node[data-id="teams-like"]').count(), 'Delete took only the selection').toBe(1);
    await guide(page).getByRole('button', { name: 'Reset to start' }).click();
    await expectNodesOnCanvas(page, nodeIdsOf(s8));
    await page.waitForFunction(() => document.querySelector('[aria-label="Simulated time"]')?.firstChild?.textContent?.trim() === '0:00.0');
    expect(await runStatus(page).textContent()).toBe('Paused');
    expect(await stepTitle(page).textContent()).toBe('18:30 UTC — healthy');
    await waitForPauseAt(page, 30 * MINUTE_MS); // back to the first pausing step
    // "Pause at each step" off clears the pause-at; on again sets it
    const toggle = guide(page).getByRole('checkbox', { name: 'Pause at each step' });
    await toggle.uncheck();
    await waitForPauseAt(page, null);
    await toggle.check();
    await waitForPauseAt(page, 30 * MINUTE_MS);
    // closing the guide takes its highlight away
    await guide(page).getByRole('button', { name: 'Close guide' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.fl-guide-highlight').length === 0);
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
