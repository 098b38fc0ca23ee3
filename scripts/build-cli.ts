/**
 * Bundles the CLI and its sweep worker to plain JavaScript in dist/cli/ (npm's `prepack` runs
 * it, so a packed or published faultline needs neither tsx nor TypeScript): `npm run build:cli`.
 *
 * Vite's build API in SSR mode (Rolldown underneath; vite is already our build tool), with
 * every package bundled (`noExternal`): the installed package has no dependencies at all, so
 * `npm install faultline` fetches one tarball and nothing needs resolving. The licences of the
 * bundled packages (zod, comlink) are written beside the code, in THIRD-PARTY-LICENSES.txt.
 *
 * Three entries, every chunk in the one folder:
 * - main.mjs — exports `main(argv)`; bin/faultline.mjs calls it.
 * - node-worker-entry.mjs — the sweep's worker thread. src/experiments/node-pool.ts starts
 *   `new URL('./node-worker-entry.mjs', import.meta.url)`, a URL the bundler leaves alone: in
 *   source it is the tsx loader beside node-pool.ts, here the bundled worker beside the chunk
 *   that holds node-pool's code.
 * - test-worker-entry.mjs — `faultline test`'s worker thread, found the same way by
 *   src/cli/test-command.ts. Both threads speak comlink (bundled too).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
export const CLI_OUT_DIR = 'dist/cli';

/** `outDir`: the package's dist/cli/ by default; the CLI tests build into a folder of their own. */
export async function buildCli(outDir = join(root, CLI_OUT_DIR)): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    configFile: false, // not the site's vite.config.ts: no React plugin, no CSP, no public/
    root,
    logLevel: 'warn',
    publicDir: false,
    ssr: { noExternal: true },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { main: 'src/cli/main.ts', 'node-worker-entry': 'src/experiments/node-worker.ts', 'test-worker-entry': 'src/cli/test-worker.ts' },
        output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const packages = bundledPackages(outputs.flatMap((o) => o.output.flatMap((c) => (c.type === 'chunk' ? c.moduleIds : []))));
  writeFileSync(join(outDir, 'THIRD-PARTY-LICENSES.txt'), licenceNotices(packages));
  return packages;
}

/** Package names (`zod`, `@scope/name`) of the node_modules files among the bundled modules. */
function bundledPackages(moduleIds: string[]): string[] {
  const names = new Set<string>();
  for (const id of moduleIds) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id.replaceAll('\\', '/'));
    if (match) names.add(match[1]);
  }
  return [...names].sort();
}

function licenceNotices(packages: string[]): string {
  const parts = packages.map((name) => {
    const dir = join(root, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
    const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license'].map((f) => join(dir, f)).find((f) => existsSync(f));
    if (file === undefined) throw new Error(`build-cli: ${name} is bundled but has no LICENSE file to ship with it`);
    return `${name}@${manifest.version} (${manifest.license ?? 'see below'})\n\n${readFileSync(file, 'utf8').trim()}\n`;
  });
  return `The faultline CLI bundle (dist/cli/) contains code from these packages:\n\n${parts.join('\n---\n\n')}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const packages = await buildCli();
  console.log(`build-cli: wrote ${CLI_OUT_DIR}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (bundled packages: ${packages.join(', ') || 'none'})`);
}
