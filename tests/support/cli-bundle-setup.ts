// Builds the CLI once per test run the way `npm pack` does (scripts/build-cli.ts) and lays it out
// as an installed package — bin/faultline.mjs beside dist/cli/, no src/ — so the CLI tests start
// the plain-JavaScript bundle users run (~0.2 s a start) rather than compiling the TypeScript
// through tsx at every start (~0.8 s). The bundle is built from the working tree at the start of
// each run, so an edit is never hidden behind a stale one. tests/cli/package.test.ts still packs
// and installs the real tarball; one test in cli.test.ts starts the checkout's bin through tsx.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildCli } from '../../scripts/build-cli.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** bin/faultline.mjs of the CLI bundle built for this run. */
    cliBin: string;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

interface CliBundle {
  bin: string;
  remove: () => void;
}

/** The bundle, built once per test run: every Node project (vitest.config.ts) runs this setup in
 * the same process, and the later ones reuse the first one's build. */
const shared = globalThis as { faultlineCliBundle?: Promise<CliBundle>; faultlineCliUsers?: number };

async function buildBundle(): Promise<CliBundle> {
  // one folder per process: two test runs at once never rebuild each other's bundle
  const packageDir = join(root, 'node_modules', '.cache', `faultline-cli-${process.pid}`);
  mkdirSync(join(packageDir, 'bin'), { recursive: true });
  copyFileSync(join(root, 'bin', 'faultline.mjs'), join(packageDir, 'bin', 'faultline.mjs'));
  await buildCli(join(packageDir, 'dist', 'cli'));
  return { bin: join(packageDir, 'bin', 'faultline.mjs'), remove: () => rmSync(packageDir, { recursive: true, force: true }) };
}

export default async function setup(project: TestProject): Promise<() => void> {
  shared.faultlineCliBundle ??= buildBundle();
  shared.faultlineCliUsers = (shared.faultlineCliUsers ?? 0) + 1;
  const bundle = await shared.faultlineCliBundle;
  project.provide('cliBin', bundle.bin);
  return () => {
    shared.faultlineCliUsers = (shared.faultlineCliUsers ?? 1) - 1;
    if (shared.faultlineCliUsers === 0) bundle.remove();
  };
}
