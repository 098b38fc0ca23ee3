// Builds the app once and serves it with `vite preview` on a free 127.0.0.1 port.
// A production build rather than the dev server: it is what users get (relative base, bundled
// ES worker), and the dev server's on-demand dependency optimisation can reload the page
// mid-test. The URL reaches the tests through vitest's provide/inject.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
    /** The built app's folder (static-site tests serve it again under a sub-path). */
    appBuildDir: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject) {
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
  project.provide('appBuildDir', outDir);
  project.provide('appUrl', `http://127.0.0.1:${address.port}/`);
  return async () => {
    server.close();
    await rm(outDir, { recursive: true, force: true });
  };
}
