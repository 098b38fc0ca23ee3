// Helpers for the editor's browser tests: open the editor, build on the canvas, read what the
// live painter wrote. Selectors follow what a person sees (roles, labels) where there is one.
import type { Browser, Locator, Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { openApp, type AppPage } from './browser.ts';

export async function openEditor(browser: Browser, options: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' } = {}): Promise<AppPage> {
  const app = await openApp(browser);
  if (options.colorScheme || options.reducedMotion) await app.page.emulateMedia(options);
  await app.page.locator('.react-flow__node').first().waitFor();
  return app;
}

export const nodeOnCanvas = (page: Page, id: string): Locator => page.locator(`.react-flow__node[data-id="${id}"]`);
export const linkOnCanvas = (page: Page, id: string): Locator => page.locator(`.react-flow__edge[data-id="${id}"]`);
export const readout = (page: Page, id: string, live: string): Locator => nodeOnCanvas(page, id).locator(`[data-live="${live}"]`);

/** The ids of the nodes on the canvas, in order. */
export const nodeIds = (page: Page): Promise<(string | null)[]> =>
  page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));

/** Drags a palette entry onto the canvas pane at (x, y) from the pane's top-left corner. */
export async function dragKindOntoCanvas(page: Page, title: string, x: number, y: number): Promise<void> {
  await page.getByRole('button', { name: `Add ${title}` }).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
}

/** Drags from one node's output handle to another node's input handle, as a person would. */
export async function connectOnCanvas(page: Page, from: string, to: string): Promise<void> {
  const source = await nodeOnCanvas(page, from).locator('.react-flow__handle.source').boundingBox();
  const target = await nodeOnCanvas(page, to).locator('.react-flow__handle.target').boundingBox();
  if (!source || !target) throw new Error(`handles of ${from} or ${to} not on screen`);
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 5 });
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** Commits an inspector field the way a person does: type, then Enter. */
export async function setField(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** Two edits to the built-in scenario the editor opens with: api-2 gets 3 workers, an External API is added. */
export async function editApi2AndAddExternal(page: Page): Promise<void> {
  await nodeOnCanvas(page, 'api-2').click();
  await setField(page, 'Workers (jobs at once)', '3');
  await page.getByRole('button', { name: 'Add External API' }).click();
  await expect.poll(() => nodeIds(page)).toContain('external');
}

/** The first number in a readout's text ("75/100" → 75, "12.5" → 12.5, "–" → NaN). */
export async function readNumber(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  const match = /[\d.]+/.exec(text);
  return match ? Number(match[0]) : NaN;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's critical and serious violations on the page as it is now, or inside `within` (a CSS
 * selector, e.g. an open dialog). axe goes in through the DevTools protocol (`evaluate`), not a
 * script tag, which the built app's Content-Security-Policy refuses.
 */
export async function seriousAxeViolations(page: Page, within?: string): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(context: Element | Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const context = selector === undefined ? document : document.querySelector(selector);
    if (context === null) throw new Error(`axe: nothing matches ${selector}`);
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, within);
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

/** How many pixels of the first canvas in `canvases` are drawn on (uPlot paints axes, labels and series there). */
export function canvasInk(canvases: Locator): Promise<number> {
  return canvases.first().evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return inked;
  });
}
