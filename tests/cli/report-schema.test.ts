/** docs/report.schema.json: current with its zod source, and every real report fits it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runToEnd } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { builtinScenarios } from '../../src/scenarios';
import { reportJsonSchemaText } from '../../src/cli/report-schema';
import { REPORT_FORMAT, runReportDocument } from '../../src/cli/report-json';

const SCHEMA_FILE = fileURLToPath(new URL('../../docs/report.schema.json', import.meta.url));
/** The bundled CLI, laid out as installed (tests/support/cli-bundle-setup.ts). */
const BIN = inject('cliBin');
const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
const dir = mkdtempSync(join(tmpdir(), 'faultline-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function faultline(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')));
const problems = (): string => JSON.stringify(validate.errors?.slice(0, 5));

describe('docs/report.schema.json', () => {
  it('is up to date (else run: npx tsx scripts/write-schema.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(reportJsonSchemaText());
  });

  // Between them every kind and every optional part of a report: balancer, database, cache,
  // identity, key set, external; auth (nodes and clients), bulkheads, circuits, wasted work.
  // (The key removal is cut to 40 min: the key goes at 30 min; all 21 would take minutes.)
  const covering: [id: string, duration?: string][] = [
    ['checkout'], ['cache-stampede-coalesced'], ['mfa-bulkhead'], ['mfa-circuit-breaker'], ['retry-amplification'], ['key-removal-2021', '40m'],
  ];

  it('accepts the reports of built-ins covering every kind, as the CLI writes them (through JSON)', () => {
    for (const [id, duration] of covering) {
      const builtin = builtinScenarios.find((b) => b.id === id)!;
      const parsed = parseScenario({ ...(structuredClone(builtin.scenario) as object), ...(duration ? { duration } : {}) });
      if (!parsed.ok) throw new Error(id);
      const json = JSON.parse(JSON.stringify(runReportDocument(runToEnd(parsed.spec), { timing: true }))) as unknown;
      expect(validate(json), `${id}: ${problems()}`).toBe(true);
    }
  }, 120_000);

  it('refuses a report without its header or with a count of the wrong kind', () => {
    const parsed = parseScenario(structuredClone(builtinScenarios.find((b) => b.id === 'checkout')!.scenario));
    if (!parsed.ok) throw new Error('checkout');
    const good = JSON.parse(JSON.stringify(runReportDocument(runToEnd(parsed.spec), { timing: false }))) as Record<string, unknown>;
    expect(validate(good), problems()).toBe(true);
    const { format: _format, ...headless } = good;
    expect(validate(headless)).toBe(false);
    expect(validate({ ...good, format: 'faultline.report/v2' })).toBe(false);
    expect(validate({ ...good, events: -1 })).toBe(false);
    expect(validate({ ...good, kind: 'sweep' })).toBe(false);
  });
});

describe('run and sweep JSON', () => {
  it('run --json starts with the format, kind and version, and fits the schema', () => {
    const r = faultline('run', 'mm1', '--duration', '10m', '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(report).slice(0, 3)).toEqual(['format', 'kind', 'faultlineVersion']);
    expect(report).toMatchObject({ format: REPORT_FORMAT, kind: 'run', faultlineVersion: PACKAGE_VERSION });
    expect(typeof report.wallMs).toBe('number');
    expect(validate(report), problems()).toBe(true);
  });

  it('--no-timing leaves wallMs out, so two runs print the same bytes', () => {
    const a = faultline('run', 'checkout', '--json', '--no-timing');
    const b = faultline('run', 'checkout', '--json', '--no-timing');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).not.toContain('wallMs');
    expect(a.stdout).toBe(b.stdout);
    expect(validate(JSON.parse(a.stdout)), problems()).toBe(true);
    const table = faultline('run', 'mm1', '--duration', '10m', '--no-timing');
    expect(table.stdout).toMatch(/^M\/M\/1 at 80% — seed 1, 600\.0 s simulated, [\d,]+ events\n/);
  });

  it('sweep --json carries the same header (kind "sweep") and fits the schema, nulls included', () => {
    const file = join(dir, 'sweep.json');
    writeFileSync(file, JSON.stringify({
      format: 'faultline.scenario/v1', name: 'tiny sweep', duration: '10s',
      nodes: [{ id: 'c', kind: 'client', rate: 20, target: 's' }, { id: 's', kind: 'service', workers: 'unbounded', serviceTime: '20ms' }],
      links: [{ id: 'c-s', from: 'c', to: 's', latency: '5ms' }],
      // the utilisation of unbounded workers is undefined (NaN → null in JSON)
      experiment: { vary: { path: 'links[c-s].latency', values: ['5ms', '50ms'] }, seeds: 2, collect: ['p50(c)', 'utilization(s)'] },
    }));
    const r = faultline('sweep', file, '--workers', '1', '--json', '--no-timing');
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as { format: string; kind: string; faultlineVersion: string; runs: { outcomes: Record<string, number | null> }[] };
    expect([results.format, results.kind, results.faultlineVersion]).toEqual([REPORT_FORMAT, 'sweep', PACKAGE_VERSION]);
    expect(results.runs[0].outcomes['p50(c)']).toBeCloseTo(30, 6); // 5 ms each way + 20 ms
    expect(results.runs[0].outcomes['utilization(s)']).toBeNull();
    expect(validate(results), problems()).toBe(true);
  });
});
