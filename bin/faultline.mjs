#!/usr/bin/env node
// The CLI entry: the engine and CLI are TypeScript, loaded through tsx (a runtime dependency).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
