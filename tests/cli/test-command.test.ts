/**
 * `faultline run` with an expect list and `faultline test` over files and folders, through the
 * real binary: lines, the closing count, exit codes, JUnit XML and GitHub annotations.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { COMMAND_HELP } from '../../src/cli/help';

/** The bundled CLI, laid out as installed (tests/support/cli-bundle-setup.ts). */
const BIN = inject('cliBin');
const SCHEMA = JSON.parse(readFileSync(new URL('../../docs/report.schema.json', import.meta.url), 'utf8')) as object;
const dir = mkdtempSync(join(tmpdir(), 'faultline-test-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function faultline(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000, cwd });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** 50 requests/s of 20 ms on an unbounded service for 10 s: p99 is 20 ms plus 2 × 5 ms of link. */
const scenario = (expectList: unknown[]) => ({
  format: 'faultline.scenario/v1', name: 'tiny', duration: '10s',
  nodes: [{ id: 'users', kind: 'client', rate: 50, target: 'api' }, { id: 'api', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
  links: [{ id: 'users-api', from: 'users', to: 'api', latency: '5ms' }],
  expect: expectList,
});
const PASSING = [{ name: 'fast', metric: 'clients.users.latencyMs.p99', atMost: 31 }, { metric: 'clients.users.goodputShare', from: '2s', to: '8s', atLeast: 0.99 }];
const FAILING = [{ metric: 'clients.users.latencyMs.p99', atMost: 31 }, { name: 'impossibly fast', metric: 'clients.users.latencyMs.p50', atMost: 10 }];

/** Writes JSON with one entry per line, as people do: line numbers are then known. */
function write(path: string, doc: object): string {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return text;
}

/** The 1-based line on which the `index`th expect entry starts. */
function entryLine(text: string, index: number): number {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.includes('"expect": ['));
  let seen = -1;
  for (let i = start + 1; i < lines.length; i++) if (lines[i] === '    {' && ++seen === index) return i + 1;
  throw new Error('entry not found');
}

describe('faultline run with an expect list', () => {
  it('prints the pass/fail table after the summary; exit 0 when all pass, 1 when one fails', () => {
    write(join(dir, 'run', 'pass.json'), scenario(PASSING));
    write(join(dir, 'run', 'fail.json'), scenario(FAILING));
    const pass = faultline(['run', 'run/pass.json', '--no-timing']);
    expect(pass.code, pass.stderr).toBe(0);
    expect(pass.stdout).toMatch(/\nLinks\n[\s\S]*\n\nExpectations — 2 passed, 0 failed\n/);
    expect(pass.stdout).toMatch(/\npass\s+fast\s+\d+(\.\d+)?\s+≤ 31\n/);
    const fail = faultline(['run', 'run/fail.json', '--no-timing']);
    expect(fail.code).toBe(1);
    expect(fail.stdout).toMatch(/Expectations — 1 passed, 1 failed\n[\s\S]*\nFAIL\s+impossibly fast\s+\d+\s+≤ 10\n/);
  });

  it('--json carries the results as `expect`, fitting docs/report.schema.json; failures also on stderr with their line', () => {
    const text = write(join(dir, 'run', 'fail.json'), scenario(FAILING));
    const r = faultline(['run', 'run/fail.json', '--json', '--no-timing']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { expect: { passed: number; failed: number; results: { status: string; value: number; atMost: number }[] }; clients: { users: { latencyMs: { p50: number } } } };
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(SCHEMA);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect([report.expect.passed, report.expect.failed]).toEqual([1, 1]);
    expect(report.expect.results[1]).toMatchObject({ status: 'fail', value: report.clients.users.latencyMs.p50, atMost: 10 });
    const shown = Number(report.clients.users.latencyMs.p50.toPrecision(6)); // the table's 6 significant digits
    expect(r.stderr).toBe(`run/fail.json:${entryLine(text, 1)}:5: expect[1]: impossibly fast = ${shown}, expected ≤ 10\n`);
  });
});

describe('faultline test', () => {
  const suite = join(dir, 'suite');
  let failingText = '';
  let invalidText = '';
  it('runs every scenario of a folder: one line per file in order, failures under it, then the count; exit 1', () => {
    write(join(suite, 'a-pass.json'), scenario(PASSING));
    failingText = write(join(suite, 'nested', 'b-fail.json'), scenario(FAILING));
    invalidText = write(join(suite, 'c-invalid.json'), scenario([{ metric: 'clients.nobody.latencyMs.p99', atMost: 1 }]));
    const { expect: _none, ...plain } = scenario([]);
    write(join(suite, 'd-no-expect.json'), plain);
    write(join(suite, 'package.json'), { name: 'not-a-scenario', version: '1.0.0' });
    writeFileSync(join(suite, 'notes.json'), '{ not json'); // passed over: not a scenario
    writeFileSync(join(suite, 'e-broken.json'), '{\n  "format": "faultline.scenario/v1",\n  "name": "cut short"\n'); // a scenario that lost its end fails
    const r = faultline(['test', 'suite', '--workers', '2']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout.split('\n')).toEqual([
      'pass  suite/a-pass.json  (2 expectations)',
      'FAIL  suite/c-invalid.json  (not checked)',
      `      suite/c-invalid.json:${entryLine(invalidText, 0) + 1}:17: expect[0].metric: no client "nobody"`,
      'skip  suite/d-no-expect.json  (no expect list)',
      'FAIL  suite/e-broken.json  (not checked)',
      expect.stringMatching(/^ {6}suite\/e-broken\.json:4:1: invalid JSON: /),
      'FAIL  suite/nested/b-fail.json  (1 passed, 1 failed)',
      expect.stringMatching(new RegExp(`^      suite/nested/b-fail\\.json:${entryLine(failingText, 1)}:5: expect\\[1\\]: impossibly fast = \\d+, expected ≤ 10$`)),
      '',
      '1 passed, 3 failed, 1 skipped',
      '',
    ]);
  });

  it('--reporter github annotates the failing entry\'s line; --reporter junit=FILE writes one testcase per assertion', () => {
    const r = faultline(['test', 'suite', '--reporter', 'github', '--reporter', 'junit=junit.xml']);
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toEqual([
      `::error file=suite/c-invalid.json,line=${entryLine(invalidText, 0) + 1},col=17,title=expect[0].metric::no client "nobody"`,
      expect.stringMatching(/^::error file=suite\/e-broken\.json,line=4,col=1::invalid JSON: /),
      expect.stringMatching(new RegExp(`^::error file=suite/nested/b-fail\\.json,line=${entryLine(failingText, 1)},col=5,title=expect\\[1\\]::impossibly fast = \\d+, expected ≤ 10$`)),
    ]);
    const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="faultline test" tests="7" failures="1" errors="2" skipped="1">\n/);
    expect(xml.match(/<testsuite /g)).toHaveLength(5);
    expect(xml.match(/<testcase /g)).toHaveLength(7);
    expect(xml).toContain('<testcase classname="suite/nested/b-fail.json" name="impossibly fast" time="0.000"><failure message="impossibly fast = ');
    expect(xml).toContain('<testcase classname="suite/c-invalid.json" name="scenario" time="0.000"><error message="no client &quot;nobody&quot;">');
    expect(xml).toContain('<skipped message="no expect list"/>');
  });

  it('validate counts a file\'s expectations and names a bad path at its line', () => {
    expect(faultline(['validate', 'suite/a-pass.json'])).toEqual({ code: 0, stdout: 'suite/a-pass.json: ok (2 nodes, 1 links, 0 faults, 2 expectations)\n', stderr: '' });
    expect(faultline(['validate', 'suite/c-invalid.json']).stderr).toBe(`suite/c-invalid.json:${entryLine(invalidText, 0) + 1}:17: expect[0].metric: no client "nobody"\nsuite/c-invalid.json: 1 problem\n`);
  });

  it('files and built-in ids by name; every file passing is exit 0', () => {
    const r = faultline(['test', 'suite/a-pass.json', 'retry-storm-fixed']);
    expect(r.stdout).toBe('pass  suite/a-pass.json  (2 expectations)\npass  retry-storm-fixed  (3 expectations)\n\n2 passed, 0 failed\n');
    expect(r.code).toBe(0);
  });

  it('bad usage exits 2 before anything runs, with the command\'s usage; no report file is created', () => {
    const cases: [string[], string][] = [
      [['test', 'suite', '--reporter', 'xml'], '--reporter: expected "junit=FILE" or "github", got "xml"'],
      [['test', 'suite', '--reporter', 'junit=no/such/folder/x.xml'], `--reporter junit=no/such/folder/x.xml: no/such/folder/x.xml cannot be created: no such folder ${join(dir, 'no/such/folder')}`],
      [['test', 'no-such-place'], 'no-such-place: no such file, folder or built-in scenario'],
      [['test', '-'], 'test reads files and folders, not stdin ("-"); use `faultline run -` for one scenario from stdin'],
    ];
    for (const [args, message] of cases) {
      const r = faultline(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^faultline test: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\n\nUsage: faultline test `));
    }
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });

  it('a folder without scenarios, or without expect lists, is a failure, not a silent pass', () => {
    mkdirSync(join(dir, 'empty'), { recursive: true });
    expect(faultline(['test', 'empty'])).toEqual({ code: 1, stdout: '', stderr: 'faultline test: no scenario files found in empty\n' });
    expect(faultline(['test', 'suite/d-no-expect.json'])).toEqual({
      code: 1,
      stdout: 'skip  suite/d-no-expect.json  (no expect list)\n\n0 passed, 0 failed, 1 skipped\n',
      stderr: 'faultline test: nothing was checked: suite/d-no-expect.json has no expect list (docs/format.md "Expectations")\n',
    });
  });

  it('`help test` and `test --help` print its page', () => {
    expect(faultline(['help', 'test'])).toEqual({ code: 0, stdout: `${COMMAND_HELP.test}\n`, stderr: '' });
    expect(faultline(['test', '--help']).stdout).toBe(`${COMMAND_HELP.test}\n`);
  });
});
