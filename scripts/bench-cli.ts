/**
 * `npm run bench:cli` (and the end of `npm run bench`): the CLI as users install it, for
 * docs/performance.md ("CLI"). Packs the project (prepack bundles dist/cli), installs the
 * tarball offline into an empty folder, then measures:
 * - start-up CPU (user + system, the process's own from Node's start to exit) of `--version`
 *   and `list`, median of 7 — installed bundle, and the checkout's tsx path for comparison;
 * - a sweep's time to first result: wall time of a sweep whose only run is tiny (start-up,
 *   worker thread start and one run), and of the same with 2 runs on 2 threads;
 * - installed size and package count.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'faultline-bench-cli-'));
const app = join(work, 'app');
const RUNS = 7;
// Printed on exit by the measured process itself: CPU since Node started, in seconds.
const CPU_PROBE = `data:text/javascript,process.on('exit',()=>{const u=process.cpuUsage();process.stderr.write('\\ncpu='+((u.user+u.system)/1e6)+'\\n')})`;

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function cpuSeconds(bin: string, args: string[]): number {
  const samples = Array.from({ length: RUNS }, () => {
    const r = spawnSync(process.execPath, ['--import', CPU_PROBE, bin, ...args], { cwd: app, encoding: 'utf8' });
    const match = /cpu=([\d.]+)/.exec(r.stderr);
    if (r.status !== 0 || !match) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return Number(match[1]);
  });
  return median(samples);
}

function wallSeconds(bin: string, args: string[]): number {
  return median(Array.from({ length: 3 }, () => {
    const started = performance.now();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd: app, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
    return (performance.now() - started) / 1000;
  }));
}

function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

function packages(nodeModules: string): string[] {
  return readdirSync(nodeModules).filter((n) => !n.startsWith('.')).flatMap((n) => (n.startsWith('@') ? readdirSync(join(nodeModules, n)).map((m) => `${n}/${m}`) : [n]));
}

try {
  const packed = JSON.parse(sh(npm, ['pack', '--json', '--pack-destination', work], root).replace(/^[^[]*/, '')) as { filename: string; size: number; unpackedSize: number; entryCount: number }[];
  mkdirSync(app);
  sh(npm, ['install', '--offline', '--no-audit', '--no-fund', join(work, packed[0].filename)], app);
  const installed = join(app, 'node_modules', 'faultline', 'bin', 'faultline.mjs');
  const checkout = join(root, 'bin', 'faultline.mjs');
  writeFileSync(join(app, 'one.json'), JSON.stringify({
    format: 'faultline.scenario/v1', name: 'one run', duration: '10s',
    nodes: [{ id: 'c', kind: 'client', rate: 20, target: 's' }, { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
    links: [{ id: 'c-s', from: 'c', to: 's' }],
    experiment: { vary: { path: 'links[c-s].latency', values: ['5ms'] }, seeds: 1, collect: ['p50(c)'] },
  }));
  const one = JSON.parse(readFileSync(join(app, 'one.json'), 'utf8')) as object;
  writeFileSync(join(app, 'two.json'), JSON.stringify({ ...one, experiment: { vary: { path: 'links[c-s].latency', values: ['5ms', '6ms'] }, seeds: 1, collect: ['p50(c)'] } }));

  writeFileSync(join(app, 'empty.mjs'), '');
  const rows: [string, string][] = [
    ['Node alone (an empty script): the floor', `${cpuSeconds(join(app, 'empty.mjs'), []).toFixed(3)} s`],
    ['`faultline --version` CPU (installed)', `${cpuSeconds(installed, ['--version']).toFixed(3)} s`],
    ['`faultline list` CPU (installed)', `${cpuSeconds(installed, ['list']).toFixed(3)} s`],
    ['`faultline list` CPU (checkout, through tsx)', `${cpuSeconds(checkout, ['list']).toFixed(3)} s`],
    ['sweep, 1 tiny run on 1 thread: wall time to the result (installed)', `${wallSeconds(installed, ['sweep', 'one.json', '--workers', '1']).toFixed(2)} s`],
    ['sweep, 2 tiny runs on 2 threads: wall time to the results (installed)', `${wallSeconds(installed, ['sweep', 'two.json', '--workers', '2']).toFixed(2)} s`],
    ['sweep, 1 tiny run on 1 thread (checkout, through tsx)', `${wallSeconds(checkout, ['sweep', 'one.json', '--workers', '1']).toFixed(2)} s`],
    ['tarball: size, unpacked, files', `${(packed[0].size / 1024).toFixed(0)} KB, ${(packed[0].unpackedSize / 1024).toFixed(0)} KB, ${packed[0].entryCount}`],
    ['installed: node_modules size, packages', `${(folderBytes(join(app, 'node_modules')) / 1024).toFixed(0)} KB, ${packages(join(app, 'node_modules')).length} (${packages(join(app, 'node_modules')).join(', ')})`],
  ];
  console.log(`faultline CLI — Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${new Date().toISOString().slice(0, 10)}\n`);
  console.log('| measure | value |\n|---|---|');
  for (const [measure, value] of rows) console.log(`| ${measure} | ${value} |`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
