// Launches Debian's chromium through playwright-core (no downloaded browsers) and opens the app.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

export interface AppPage {
  page: Page;
  /** Uncaught exceptions and console errors seen so far; a healthy page has none. */
  pageErrors: string[];
}

/** Opens the app (query e.g. "?embed") in a fresh context and waits for React's first render. */
export async function openApp(browser: Browser, query = ''): Promise<AppPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${message.text()} (${message.location().url})`);
  });
  await page.goto(inject('appUrl') + query);
  await page.getByRole('heading', { name: 'Faultline' }).waitFor();
  return { page, pageErrors };
}

/**
 * One Chromium for a test file: launched before its tests, closed after them. Pages opened with
 * `open` are closed after each test — a page left running keeps its worker busy and skews the next.
 */
export function useChromium(): { readonly browser: Browser; open(query?: string): Promise<AppPage> } {
  let browser: Browser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.context().close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser(): Browser {
      if (browser === undefined) throw new Error('Chromium is not running outside a test');
      return browser;
    },
    async open(query = '') {
      const app = await openApp(this.browser, query);
      pages.push(app.page);
      return app;
    },
  };
}
