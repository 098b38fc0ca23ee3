#!/usr/bin/env node
// Makes a fresh clone runnable: installs npm dependencies when node_modules is missing, older
// than package-lock.json, or lacks a declared package (an install with --omit=dev or
// NODE_ENV=production leaves out the site's libraries, which are devDependencies), and with
// --browser makes sure a Chromium exists for e2e tests.
// Node built-ins only: this runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(cmd, args, env = process.env) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`ensure-deps: \`${cmd} ${args.join(' ')}\` failed (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
}

function mtimeMs(path) {
  return existsSync(path) ? statSync(path).mtimeMs : null;
}

/** The first package.json dependency (runtime or dev) with no folder in node_modules, if any. */
function missingPackage() {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const names = [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.devDependencies ?? {})];
  return names.find((name) => !existsSync(join(root, 'node_modules', name, 'package.json')));
}

function ensureNodeModules() {
  const lockMs = mtimeMs(join(root, 'package-lock.json'));
  // npm writes node_modules/.package-lock.json on every install: a better stamp than the folder.
  const installedMs = mtimeMs(join(root, 'node_modules', '.package-lock.json')) ?? mtimeMs(join(root, 'node_modules'));
  const current = installedMs !== null && (lockMs === null || installedMs >= lockMs);
  const missing = current ? missingPackage() : undefined;
  if (current && missing === undefined) return;
  console.log(
    installedMs === null ? 'ensure-deps: installing dependencies…'
      : missing !== undefined ? `ensure-deps: ${missing} is not installed, reinstalling…`
      : 'ensure-deps: package-lock.json changed, reinstalling…',
  );
  // --include=dev: the dev server, the build and the tests need devDependencies even where
  // NODE_ENV=production or npm's `omit=dev` is set.
  run(npm, [...(lockMs === null ? ['install'] : ['ci']), '--include=dev']);
}

function chromiumPath() {
  return process.env.FAULTLINE_CHROMIUM || '/usr/bin/chromium';
}

function ensureChromium() {
  const path = chromiumPath();
  if (existsSync(path)) return;
  if (process.env.FAULTLINE_CHROMIUM) {
    console.error(`ensure-deps: FAULTLINE_CHROMIUM=${path} does not exist.`);
    process.exit(1);
  }
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    console.error('ensure-deps: browser tests need Chromium: run `sudo apt-get install -y chromium` or set FAULTLINE_CHROMIUM');
    process.exit(1);
  }
  console.log('ensure-deps: installing Debian chromium for the browser tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], env);
  run('apt-get', ['install', '-y', 'chromium'], env);
  if (!existsSync(path)) {
    console.error(`ensure-deps: chromium installed but ${path} is missing; set FAULTLINE_CHROMIUM.`);
    process.exit(1);
  }
}

ensureNodeModules();
if (process.argv.includes('--browser')) ensureChromium();
