/** The CLI behaves as vitest, eslint and prettier do: version, help, streams, stdin, pipes. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { COMMAND_HELP } from '../../src/cli/help';
import { builtinScenarios } from '../../src/scenarios';
import { builtinExperiments } from '../../src/scenarios/experiments';

/** The bundled CLI, laid out as installed (tests/support/cli-bundle-setup.ts). */
const BIN = inject('cliBin');
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const dir = mkdtempSync(join(tmpdir(), 'faultline-conventions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function faultline(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000, input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tiny = {
  format: 'faultline.scenario/v1', name: 'tiny', duration: '10s',
  nodes: [{ id: 'c', kind: 'client', rate: 50, target: 's' }, { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
  links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
};

describe('version and help', () => {
  it('--version prints package.json\'s version alone', () => {
    expect(faultline(['--version'])).toEqual({ code: 0, stdout: `${PACKAGE_VERSION}\n`, stderr: '' });
  });

  it('`help <command>` and `<command> --help` print the same page on stdout, exit 0', () => {
    for (const command of ['run', 'validate', 'list', 'sweep'] as const) {
      const viaHelp = faultline(['help', command]);
      const viaFlag = faultline([command, '--help']);
      expect(viaHelp).toEqual({ code: 0, stdout: `${COMMAND_HELP[command]}\n`, stderr: '' });
      expect(viaFlag).toEqual(viaHelp);
    }
    expect(faultline(['run', '-h']).stdout).toContain('--no-timing');
  });

  it('usage errors go to stderr with the command\'s usage, stdout stays empty, exit 2', () => {
    for (const args of [[], ['frobnicate'], ['run'], ['run', 'mm1', '--seed', 'abc'], ['run', 'mm1', '--bogus'], ['validate', '--format', 'xml', 'x.json'], ['help', 'nope'], ['list', 'extra']]) {
      const r = faultline(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(/Usage: faultline/);
    }
    expect(faultline(['run', 'mm1', '--seed', 'abc']).stderr).toMatch(/^faultline run: --seed: expected a whole number ≥ 0, got "abc"\n\nUsage: faultline run /);
  });
});

describe('streams', () => {
  it('a reader that closes the pipe early ends the run quietly: exit 0, no EPIPE trace', async () => {
    const child = spawn(process.execPath, [BIN, 'run', 'mm1', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // like `| head -c 10`: read the first chunk, then close our end
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  }, 60_000);

  it('"-" reads the scenario from stdin for run and validate, named <stdin> in messages', () => {
    const run = faultline(['run', '-', '--json', '--no-timing'], JSON.stringify(tiny));
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { scenario: string; nodes: { s: { latencyMs: { p50: number } } } };
    expect(report.scenario).toBe('tiny');
    expect(report.nodes.s.latencyMs.p50).toBeCloseTo(20, 0);
    expect(faultline(['validate', '-'], JSON.stringify(tiny)).stdout).toBe('<stdin>: ok (2 nodes, 1 links, 0 faults)\n');
    const broken = faultline(['validate', '-'], '{\n  "format": "faultline.scenario/v1",\n  "name": 7\n}');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/^<stdin>:3:11: name: /m);
  });

  it('--csv - writes the series to stdout instead of the tables; with --json it is refused before running', () => {
    const r = faultline(['run', '-', '--csv', '-'], JSON.stringify(tiny));
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0].split(',')[0]).toBe('t_ms');
    expect(lines).toHaveLength(11); // header + ten 1-second intervals
    expect(r.stdout).not.toContain('simulated');
    const both = faultline(['run', 'mm1', '--csv', '-', '--json']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^faultline run: --csv - and --json both write to stdout/);
  });
});

describe('messages name their file', () => {
  it('every problem line starts with the file (and line:column where the text has one)', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ ...tiny, nodes: [{ ...tiny.nodes[0], rate: -5 }, { ...tiny.nodes[1], workers: -3 }] }, null, 2));
    for (const command of ['run', 'validate']) {
      const r = faultline([command, file]);
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const line of lines) expect(line.startsWith(`${file}`), line).toBe(true);
      expect(r.stderr).toContain(`${file}:9:15: nodes[0].rate: expected a number > 0, got -5`);
      expect(r.stderr).toContain(`${file}:15:18: nodes[1].workers: `);
    }
    const missing = faultline(['run', join(dir, 'nope.json')]);
    expect(missing.stderr).toMatch(new RegExp(`^${join(dir, 'nope.json')}: no such file or built-in scenario`));
    const sweepMissing = faultline(['sweep', join(dir, 'nope.json')]);
    expect(sweepMissing.stderr).toMatch(new RegExp(`^${join(dir, 'nope.json')}: no such file or built-in experiment`));
  });
});

describe('list', () => {
  it('shows every built-in scenario and experiment; columns as wide as their longest entry', () => {
    const r = faultline(['list']);
    expect(r.code).toBe(0);
    for (const s of builtinScenarios) expect(r.stdout).toContain(s.id);
    for (const e of builtinExperiments) expect(r.stdout).toMatch(new RegExp(`^${e.id}\\s+${e.reference}\\s+${e.title.replace(/[()]/g, '\\$&')}$`, 'm'));
    const idWidth = Math.max(...builtinScenarios.map((s) => s.id.length));
    const row = r.stdout.split('\n').find((l) => l.startsWith('mm1 '))!;
    expect(row.indexOf('S1')).toBe(idWidth + 2);
  });

  it('--json lists both, with ids, references and titles', () => {
    const r = faultline(['list', '--json']);
    const doc = JSON.parse(r.stdout) as { scenarios: { id: string; reference: string | null }[]; experiments: { id: string; metric: string }[] };
    expect(doc.scenarios.map((s) => s.id)).toEqual(builtinScenarios.map((s) => s.id));
    expect(doc.experiments.map((e) => e.id)).toEqual(builtinExperiments.map((e) => e.id));
    expect(doc.scenarios.find((s) => s.id === 'mm1')!.reference).toBe('S1');
    expect(doc.experiments[0].metric).toBe(builtinExperiments[0].plot.metric);
  });
});

describe('validate', () => {
  const ok = join(dir, 'ok.json');
  const bad = join(dir, 'bad.json');
  writeFileSync(ok, JSON.stringify(tiny));
  writeFileSync(bad, '{\n  "format": "faultline.scenario/v1",\n  "name": "bad",\n  "duration": "10s",\n  "nodes": [{ "id": "c", "kind": "client", "rate": 1, "target": "s" }, { "id": "s", "kind": "service", "workers": 0 }],\n  "links": [{ "id": "l", "from": "c", "to": "s" }]\n}\n');

  it('takes several files: each reported, exit 1 if any fails', () => {
    const r = faultline(['validate', ok, bad, 'mm1']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${ok}: ok (2 nodes, 1 links, 0 faults)\nmm1: ok (2 nodes, 1 links, 0 faults)\n`);
    expect(r.stderr).toContain(`${bad}:5:115: nodes[1].workers: `);
    expect(faultline(['validate', ok, 'mm1']).code).toBe(0);
  });

  it('--format json: every file with its problems, lines and columns', () => {
    const r = faultline(['validate', '--format', 'json', ok, bad]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { ok: boolean; files: { file: string; ok: boolean; errors: { path: string; line?: number; column?: number }[] }[] };
    expect(doc.ok).toBe(false);
    expect(doc.files.map((f) => [f.file, f.ok])).toEqual([[ok, true], [bad, false]]);
    expect(doc.files[1].errors[0]).toMatchObject({ path: 'nodes[1].workers', line: 5, column: 115 });
  });

  it('--format github: workflow annotations with file, line and column (no title for a problem with the whole file)', () => {
    const syntax = join(dir, 'syntax.json');
    writeFileSync(syntax, '{\n  "name": \'x\'\n}');
    const r = faultline(['validate', '--format', 'github', bad, syntax]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^::error file=${bad},line=5,col=115,title=nodes\\[1\\]\\.workers::expected `));
    expect(lines[1]).toBe(`::error file=${syntax},line=2,col=11::invalid JSON: expected a value (strings take double quotes, not single), got "'"`);
  });
});
