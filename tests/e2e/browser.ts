// Opens the app in the run's Chromium (tests/e2e/global-setup.ts starts it; tests/e2e/chromium.ts).
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';

export { launchChromium } from './chromium.ts';

export interface AppPage {
  page: Page;
  /** Uncaught exceptions (and console errors, where recorded) seen so far; a healthy page has none. */
  pageErrors: string[];
}

/** A download's bytes. Through a connection `download.path()` is refused (the file sits beside the
 * browser, not the test), so this streams it. */
export async function readDownload(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export type ContextOptions = NonNullable<Parameters<Browser['newContext']>[0]>;

/** Collects `page`'s uncaught exceptions, and its console errors when `console` is set. */
function recordErrors(page: Page, { console: withConsole = false } = {}): string[] {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  if (withConsole) {
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(`${message.text()} (${message.location().url})`);
    });
  }
  return pageErrors;
}

/** A blank page in a fresh context, recording its errors (console errors too with `console`). */
async function newPage(browser: Browser, options: ContextOptions = {}, errors: { console?: boolean } = {}): Promise<AppPage> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  return { page, pageErrors: recordErrors(page, errors) };
}

/** Opens the app (query e.g. "?embed") in a fresh context and waits for React's first render. */
export async function openApp(browser: Browser, query = ''): Promise<AppPage> {
  const app = await newPage(browser, {}, { console: true });
  await app.page.goto(inject('appUrl') + query);
  await app.page.getByRole('heading', { name: 'Faultline' }).waitFor();
  return app;
}

/**
 * The run's Chromium for a test file: one connection to it, opened before the file's tests and
 * closed after them, which closes every context the file opened (through `browser` too). Pages
 * opened with `open` or `newPage` are closed after each test — a page left running keeps its
 * worker busy and skews the next.
 */
export function useChromium(): {
  readonly browser: Browser;
  open(query?: string): Promise<AppPage>;
  newPage(options?: ContextOptions, errors?: { console?: boolean }): Promise<AppPage>;
} {
  let browser: Browser | undefined;
  const pages: Page[] = [];
  beforeAll(async () => {
    browser = await chromium.connect(inject('chromiumEndpoint'));
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
    async newPage(options, errors) {
      const app = await newPage(this.browser, options, errors);
      pages.push(app.page);
      return app;
    },
  };
}
