#!/usr/bin/env node
// The CLI entry. An installed package runs the plain-JavaScript bundle in dist/cli/ (written by
// `npm pack`'s prepack, scripts/build-cli.ts). A checkout — src/ is there — runs the TypeScript
// through tsx instead, so an edit is never hidden behind a stale bundle.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let main;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/cli/main.mjs'));
}
process.exitCode = await main(process.argv.slice(2));
