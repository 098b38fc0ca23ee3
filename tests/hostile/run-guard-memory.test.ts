// The run guard at its real size: a million requests a second into one worker with no queue limit
// (the case that took a Chromium tab to 5 GB and the CLI to 3.9 GB) is stopped by the count of
// requests alive — no heap probe, as in the browser — before the process passes 1.5 GB. A child
// process with a 2 GB heap cap, so a failing guard ends as an out-of-memory exit, not a frozen machine.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUN_GUARD_LIMITS } from '../../src/engine/index.ts';

const GB = 2 ** 30;

describe('the run guard at real size', () => {
  it('stops runaway-queue-1e6 on calls in flight, naming api, below 1.5 GB measured', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=2048', '--import', 'tsx', join(import.meta.dirname, 'support/grow-until-stopped.ts'), join(import.meta.dirname, 'corpus/runaway-queue-1e6.json')], {
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { kind: string; culprit: string; liveCalls: number; peakRssBytes: number; peakHeapBytes: number };
    expect(out.kind).toBe('callsInFlight');
    expect(out.culprit).toBe('api');
    expect(out.liveCalls).toBeGreaterThan(RUN_GUARD_LIMITS.maxCallsInFlight);
    expect(out.peakRssBytes).toBeLessThan(1.5 * GB);
    expect(out.peakHeapBytes).toBeGreaterThan(0.5 * GB); // it really grew: the bound is what stopped it
  }, 180_000);
});
