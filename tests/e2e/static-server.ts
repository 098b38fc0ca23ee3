// A tiny static file server (node:http) for a built app under a sub-path, as a plain static host
// would serve it: no SPA fallback, no headers beyond the content type. It logs every request.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticSite {
  /** e.g. http://127.0.0.1:1234/some/deep/path/ */
  url: string;
  origin: string;
  /** The folder being served. */
  dir: string;
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

/** The e2e global setup's production build (tests/e2e/global-setup.ts), one folder per run. */
export const E2E_BUILD_DIR = inject('appBuildDir');

export interface SiteAndFolder {
  /** The e2e build served at `/`. */
  site: StaticSite;
  /** A scratch folder for files the test opens in the app. */
  folder: string;
}

/** For a describe block: the e2e build on a server of its own (its requests logged) and a scratch
 * folder, both made before the first test and gone after the last. */
export function useSiteAndFolder(folderPrefix: string): SiteAndFolder {
  const held = {} as SiteAndFolder;
  beforeAll(async () => {
    held.site = await serveStatic(E2E_BUILD_DIR, '/');
    held.folder = mkdtempSync(join(tmpdir(), folderPrefix));
  });
  afterAll(async () => {
    await held.site?.close();
    if (held.folder) rmSync(held.folder, { recursive: true, force: true });
  });
  return held;
}

/** Serves `dir` (a built app) at `basePath` (with leading and trailing slash) on 127.0.0.1. */
export async function serveStatic(dir: string, basePath: string): Promise<StaticSite> {
  const requests: StaticSite['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let status = 404;
    let body: Buffer | string = 'not found';
    let type = 'text/plain';
    if (path.startsWith(basePath)) {
      const relative = path.slice(basePath.length) || 'index.html';
      const file = normalize(join(dir, relative));
      const target = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
      if (target.startsWith(dir + sep) && existsSync(target)) {
        status = 200;
        body = readFileSync(target);
        type = TYPES[extname(target)] ?? 'application/octet-stream';
      }
    }
    requests.push({ path, status });
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the static server did not bind a TCP port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    url: origin + basePath,
    origin,
    dir,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
