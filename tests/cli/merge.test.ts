/**
 * `faultline sweep --shard K/N` and `faultline merge`: the parts of 1, 2 and 3 shards merge into
 * the unsharded sweep's output byte for byte (JSON, CSV and the tables), and every part that
 * would make the result differ is refused by name. The commands run in-process through main()
 * (each sweep still starts its real worker thread), to keep the file's time low.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { decodePartRuns, sweepPartDocument, type SweepPartDocument } from '../../src/cli/sweep-part';
import type { ExperimentResults } from '../../src/experiments';

/** Nine runs of S4 (3 trigger lengths × 3 seeds); its 8 s trigger never recovers (Infinity). */
const EXAMPLE = join(import.meta.dirname, '../../docs/examples/retry-storm-sweep.json');
const dir = mkdtempSync(join(tmpdir(), 'faultline-merge-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function faultline(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  // the sweep's progress line goes to io.stderr (a stream); kept out of the test's output
  const progress = { isTTY: false, write: () => true } as unknown as NodeJS.WriteStream;
  const code = await main(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), stderr: progress } as Parameters<typeof main>[1]);
  return { code, stdout, stderr };
}

/** Runs shard K of N and writes its part to a file; the file's path. */
async function part(k: number, n: number, source = EXAMPLE, tag = ''): Promise<string> {
  const r = await faultline('sweep', source, '--shard', `${k}/${n}`, '--workers', '1');
  expect(r.code, r.stderr).toBe(0);
  const file = join(dir, `part${tag}-${k}-of-${n}.json`);
  writeFileSync(file, r.stdout);
  return file;
}

const whole = { json: '', csv: '', table: '' };
const parts: Record<number, string[]> = {};

beforeAll(async () => {
  const [json, csv, table] = await Promise.all([
    faultline('sweep', EXAMPLE, '--json', '--workers', '1'),
    faultline('sweep', EXAMPLE, '--csv', '-', '--workers', '1'),
    faultline('sweep', EXAMPLE, '--no-timing', '--workers', '1'),
  ]);
  Object.assign(whole, { json: json.stdout, csv: csv.stdout, table: table.stdout });
  for (const n of [1, 2, 3]) parts[n] = await Promise.all(Array.from({ length: n }, (_, i) => part(i + 1, n)));
}, 120_000);

describe('merge of 1, 2 and 3 shards = the unsharded sweep', () => {
  it('the whole sweep has 9 runs, 4 of which never recover (the case a part must keep apart from undefined)', () => {
    const results = JSON.parse(whole.json) as ExperimentResults;
    expect(results.runs).toHaveLength(9);
    expect(results.runs.filter((r) => r.outcomes['recoverySeconds(clients, 20s)'] === null)).toHaveLength(4);
  });

  for (const n of [1, 2, 3]) {
    it(`${n} shard${n === 1 ? '' : 's'}: the parts split the 9 runs by index mod ${n}; merged (in any order) they print the same JSON, CSV and tables`, async () => {
      const docs = parts[n].map((f) => JSON.parse(readFileSync(f, 'utf8')) as SweepPartDocument);
      docs.forEach((doc, i) => {
        expect(doc.kind).toBe('sweep-part');
        expect(doc.shard).toEqual({ index: i + 1, count: n });
        expect(doc.runs.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8].filter((index) => index % n === i));
      });
      const reversed = [...parts[n]].reverse();
      const [json, csv, table] = await Promise.all([faultline('merge', ...reversed, '--json'), faultline('merge', ...reversed, '--csv', '-'), faultline('merge', ...parts[n], '--no-timing')]);
      expect(json.code, json.stderr).toBe(0);
      expect(json.stdout).toBe(whole.json);
      expect(csv.stdout).toBe(whole.csv);
      expect(table.stdout).toBe(whole.table);
    });
  }

  it('a shard beyond the runs (10 of 10 for 9 runs) prints an empty part without starting a thread', async () => {
    const r = await faultline('sweep', EXAMPLE, '--shard', '10/10');
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as SweepPartDocument;
    expect([doc.shard, doc.totalRuns, doc.runs]).toEqual([{ index: 10, count: 10 }, 9, []]);
  });

  it('--shard index/3 takes the shard from JOB_COMPLETION_INDEX (0-based): index 1 is shard 2', async () => {
    process.env.JOB_COMPLETION_INDEX = '1';
    try {
      const r = await faultline('sweep', EXAMPLE, '--shard', 'index/3', '--workers', '1');
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(readFileSync(parts[3][1], 'utf8'));
    } finally {
      delete process.env.JOB_COMPLETION_INDEX;
    }
  });
});

describe('merge refuses what would change the result, naming it (exit 1, nothing on stdout)', () => {
  async function refused(...files: string[]): Promise<string> {
    const r = await faultline('merge', ...files, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    return r.stderr;
  }

  it('a missing shard', async () => {
    const [one, , three] = parts[3];
    expect(await refused(one, three)).toBe(`faultline merge: shard 2 of 3 is missing (given: 1 in ${one}, 3 in ${three})\n`);
  });

  it('a shard given twice', async () => {
    const [one, two, three] = parts[3];
    const copy = join(dir, 'copy-of-2.json');
    writeFileSync(copy, readFileSync(two));
    expect(await refused(one, two, copy, three)).toBe(`${copy}: shard 2 of 3 again (${two} holds it too); give each part once\n`);
  });

  it('a part of another experiment (one more seed)', async () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { experiment: { seeds: number } };
    doc.experiment.seeds = 4;
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify(doc));
    const foreign = await part(2, 3, other, '-other');
    const message = await refused(parts[3][0], foreign, parts[3][2]);
    expect(message).toMatch(new RegExp(`^${foreign}: a part of a different experiment \\(sha256:[0-9a-f]{12}…\\) than ${parts[3][0]}`));
  });

  it('parts of different splits (shard 1 of 2 with shards of 3)', async () => {
    expect(await refused(parts[3][0], parts[2][0], parts[3][2])).toBe(
      `${parts[2][0]}: shard 1 of 2, but ${parts[3][0]} is shard 1 of 3; the parts of one sweep are split the same way\n`,
    );
  });

  it('a part written by another faultline version', async () => {
    const doc = JSON.parse(readFileSync(parts[3][1], 'utf8')) as SweepPartDocument;
    const older = join(dir, 'older.json');
    writeFileSync(older, JSON.stringify({ ...doc, faultlineVersion: '0.0.9' }));
    expect(await refused(parts[3][0], older, parts[3][2])).toBe(`${older}: written by faultline 0.0.9, ${parts[3][0]} by ${doc.faultlineVersion}; run every shard with one version\n`);
  });

  it('a part cut short, a whole sweep, a file that is not JSON, a file that is not there', async () => {
    const doc = JSON.parse(readFileSync(parts[3][0], 'utf8')) as SweepPartDocument;
    doc.runs.pop();
    const short = join(dir, 'short.json');
    writeFileSync(short, JSON.stringify(doc));
    expect(await refused(short, parts[3][1], parts[3][2])).toMatch(`${short}: shard 1 of 3 holds 3 runs (every 3rd from run 1), but this part has 2 (runs 1, 4)`);

    const sweepJson = join(dir, 'whole.json');
    writeFileSync(sweepJson, whole.json);
    expect(await refused(sweepJson)).toMatch(`${sweepJson}: not a sweep part (expected "format": "faultline.report/v1", "kind": "sweep-part"`);

    const truncated = join(dir, 'truncated.json');
    writeFileSync(truncated, readFileSync(parts[3][0], 'utf8').slice(0, 200));
    expect(await refused(truncated)).toMatch(`${truncated}: invalid JSON`);

    expect(await refused(join(dir, 'nope.json'), parts[3][0])).toBe(`${join(dir, 'nope.json')}: no such file\n`);
  });
});

describe('--shard usage (exit 2)', () => {
  const cases: [string[], string, Record<string, string>?][] = [
    [['--shard', 'index/3'], 'index/3 reads JOB_COMPLETION_INDEX (0-based, set in each pod of a Kubernetes Indexed Job), but it is not set'],
    [['--shard', 'index/3'], 'JOB_COMPLETION_INDEX is "3", not a whole number from 0 to 2', { JOB_COMPLETION_INDEX: '3' }],
    [['--shard', '4/3'], 'shard 4 of 3 does not exist: shards are numbered 1 to 3'],
    [['--shard', '0/3'], 'shard 0 of 3 does not exist'],
    [['--shard', '2'], 'expected K/N'],
    [['--shard', '1/2', '--csv', 'x.csv'], '--shard prints a part for `faultline merge`, not CSV'],
  ];
  for (const [args, message, env = {}] of cases) {
    it(`${args.join(' ')}${Object.keys(env).length ? ` with ${JSON.stringify(env)}` : ''}: "${message}"`, async () => {
      Object.assign(process.env, env);
      try {
        const r = await faultline('sweep', EXAMPLE, ...args);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(message);
      } finally {
        for (const key of Object.keys(env)) delete process.env[key];
      }
    });
  }

  it('merge without parts', async () => {
    const r = await faultline('merge');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('merge takes the part files');
  });
});

describe('a part keeps undefined (NaN) and never (±Infinity) apart', () => {
  it('round-trips each through JSON', () => {
    const results: ExperimentResults = {
      scenario: 's', path: 'p', values: [1], seeds: [1, 2, 3, 4], metrics: ['m'], summary: [],
      runs: [NaN, Infinity, -Infinity, 0.25].map((m, index) => ({ index, valueIndex: 0, value: 1, seed: index + 1, events: 10, outcomes: { m } })),
    };
    const doc = JSON.parse(JSON.stringify(sweepPartDocument(results, { index: 1, count: 1 }, 4, 'sha256:x'))) as SweepPartDocument;
    expect(doc.runs.map((r) => r.outcomes.m)).toEqual([null, 'Infinity', '-Infinity', 0.25]);
    expect(decodePartRuns(doc).map((r) => r.outcomes.m)).toEqual([NaN, Infinity, -Infinity, 0.25]);
  });
});
