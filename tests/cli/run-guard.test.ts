// `faultline run` and `faultline sweep` on runaway scenarios (tests/hostile/corpus): the engine's
// run guard stops them with a message naming what grew and where, exit code 1, no stack trace.
// Memory cases run with a 512 MB heap, so the guard's heap probe stops them (the count limits
// are tested in tests/hostile); the zero-delay storm runs with the real event limit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

/** The bundled CLI, laid out as installed (tests/support/cli-bundle-setup.ts). */
const BIN = inject('cliBin');
const corpus = (name: string): string => join(import.meta.dirname, '../hostile/corpus', name);

function faultline(heapMb: number | null, ...args: string[]): { code: number | null; stdout: string; stderr: string; wallMs: number } {
  const started = performance.now();
  const flags = heapMb === null ? [] : [`--max-old-space-size=${heapMb}`];
  const r = spawnSync(process.execPath, [...flags, BIN, ...args], { encoding: 'utf8', timeout: 150_000, env: { ...process.env, NODE_OPTIONS: flags.join(' ') } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, wallMs: performance.now() - started };
}

/** A stopped run: exit 1, one message, no stack trace, nothing on stdout. */
function expectStopped(r: ReturnType<typeof faultline>): void {
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toMatch(/RunawayRunError|heap out of memory/);
}

describe('the run guard in the CLI', () => {
  it('run: a zero-delay storm is stopped (it used to hang)', () => {
    const r = faultline(null, 'run', corpus('zero-delay-storm.json'));
    expectStopped(r);
    expect(r.stderr).toMatch(/^faultline: the run guard stopped this run at t = 0 ms: 10,0\d\d,\d{3} events ran without simulated time moving \(a Faultline limit: 10,000,000\)\. Something loops with zero delay/m);
  }, 160_000);

  it('run: a million requests a second into one worker is stopped naming the node (it used to run out of memory)', () => {
    const r = faultline(512, 'run', corpus('runaway-queue-1e6.json'), '--json');
    expectStopped(r);
    expect(r.stderr).toMatch(/the run guard stopped this run at t = [\d.]+ ms: the simulation's memory reached \d+ MB \(a Faultline limit: \d+ MB\)\. Node `api` holds [\d,]+ queued requests \(its queue has no capacity\): add a queue capacity/);
  }, 160_000);

  it('run: a link that drops everything in front of a client with no timeout is stopped naming the client and the link', () => {
    const r = faultline(512, 'run', corpus('runaway-link-no-buffer.json'));
    expectStopped(r);
    expect(r.stderr).toMatch(/Client `users` is waiting for [\d.,]+ M? ?requests with no answer\. Link `users-api` lost [\d.,]+ M? ?messages \(buffer full\)/);
  }, 160_000);

  it('sweep: names the run the guard stopped (a zero-delay storm as the second value)', () => {
    const r = faultline(null, 'sweep', '--workers', '1', corpus('zero-delay-storm-sweep.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\.json: sweep failed: run 2 of 2 \(nodes\[api\]\.serviceTime = 0, seed 1\) was stopped by the run guard at t = 0 ms: [\d,]+ events ran without simulated time moving/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 160_000);

  it('sweep: names the run the guard stopped for memory, on a worker thread with its own heap probe', () => {
    const r = faultline(512, 'sweep', '--workers', '1', corpus('runaway-queue-sweep.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\.json: sweep failed: run 2 of 2 \(nodes\[users\]\.rate = 1000000, seed 1\) was stopped by the run guard at t = [\d.]+ m?s: the simulation's memory reached \d+ MB .*Node `api` holds [\d,]+ queued requests/);
    expect(r.stderr).not.toMatch(/heap out of memory/);
  }, 160_000);
});
