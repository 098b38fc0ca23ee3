// Builds the app once and serves it with `vite preview` on a free 127.0.0.1 port.
// A production build rather than the dev server: it is what users get (relative base, bundled
// ES worker), and the dev server's on-demand dependency optimisation can reload the page
// mid-test. The URL reaches the tests through vitest's provide/inject.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    appUrl: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject) {
  const outDir = join(root, 'node_modules', '.cache', 'faultline-e2e');
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('vite preview did not bind a TCP port');
  project.provide('appUrl', `http://127.0.0.1:${address.port}/`);
  return () => server.close();
}
