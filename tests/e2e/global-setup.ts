// Builds the app once and serves it with `vite preview` on a free 127.0.0.1 port.
// A production build rather than the dev server: it is what users get (relative base, bundled
// ES worker), and the dev server's on-demand dependency optimisation can reload the page
// mid-test. The URL reaches the tests through vitest's provide/inject.
//
// It also starts one Chromium for the whole run (playwright's browser server); each test file
// connects to it instead of launching its own (a launch and close cost ~2 s a file), and its
// contexts close when the file disconnects (tests/e2e/browser.ts).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserServer } from 'playwright-core';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The built app's folder (static-site tests serve it again under a sub-path). */
    appBuildDir: string;
    /** The run's Chromium (playwright's browser server), for `chromium.connect`. */
    chromiumEndpoint: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

interface ServedApp {
  outDir: string;
  url: string;
  chromiumEndpoint: string;
  close: () => Promise<void>;
}

/** The app, built and served once per test run: both e2e groups (vitest.e2e.config.ts) run this
 * setup in the same process, and the second must not build again. */
const shared = globalThis as { faultlineE2eApp?: Promise<ServedApp>; faultlineE2eUsers?: number };

async function buildAndServe(): Promise<ServedApp> {
  // Chromium starts while vite builds: the build keeps one core busy, the launch the other
  const chromium = launchChromiumServer();
  chromium.catch(() => undefined); // awaited below; a failed launch must not be reported as unhandled meanwhile
  try {
    return await buildAndServeWith(chromium);
  } catch (error) {
    await chromium.then((server) => server.close(), () => undefined);
    throw error;
  }
}

async function buildAndServeWith(chromium: Promise<BrowserServer>): Promise<ServedApp> {
  // One folder per run: two runs at once (a contributor's and an editor's test run) must not
  // rebuild each other's files mid-test.
  const outDir = join(root, 'node_modules', '.cache', `faultline-e2e-${process.pid}`);
  // What `npm run build` gives users: under vitest NODE_ENV is "test", which would bundle React's
  // development build (~60 KB gzipped more, and slower).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not bind a TCP port');
  const browserServer = await chromium;
  return {
    outDir,
    url: `http://127.0.0.1:${address.port}/`,
    chromiumEndpoint: browserServer.wsEndpoint(),
    close: async () => {
      server.close();
      await browserServer.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  shared.faultlineE2eApp ??= buildAndServe();
  shared.faultlineE2eUsers = (shared.faultlineE2eUsers ?? 0) + 1;
  const app = await shared.faultlineE2eApp;
  project.provide('appBuildDir', app.outDir);
  project.provide('appUrl', app.url);
  project.provide('chromiumEndpoint', app.chromiumEndpoint);
  return async () => {
    shared.faultlineE2eUsers = (shared.faultlineE2eUsers ?? 1) - 1;
    if (shared.faultlineE2eUsers === 0) await app.close();
  };
}
