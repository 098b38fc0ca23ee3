// Debian's chromium through playwright-core (no downloaded browsers), with the flags every
// browser test uses. No vitest imports: the global setup (vitest's main process) uses it too.
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

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

const launchOptions = () => ({
  executablePath: process.env.FAULTLINE_CHROMIUM ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});

/** A Chromium of this process's own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** A Chromium that test files connect to (`chromium.connect(server.wsEndpoint())`). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions());
}
