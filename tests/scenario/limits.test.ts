/** SCENARIO_LIMITS: a hostile or mistaken file gets a clear message, quickly, never a frozen tab. */
import { describe, expect, it } from 'vitest';
import { SCENARIO_LIMITS, parseScenario, parseScenarioText } from '../../src/scenario';
import { errorsOf, parseOk, scenario, threeTier } from './fixtures';

// No wall-clock limits (speed belongs in benchmarks): an input that made the parser hang would
// hit the test timeout instead.

describe('SCENARIO_LIMITS', () => {
  it('are the documented values', () => {
    expect(SCENARIO_LIMITS).toMatchObject({
      maxNodes: 2000, maxLinks: 10_000, maxFaults: 10_000, maxDurationMs: 30 * 86_400_000, minSampleEveryMs: 1, maxSamples: 1_000_000,
      maxTotalRatePerSec: 1_000_000, maxTotalUsers: 1_000_000, maxRetryAttempts: 100, maxWorkers: 1_000_000,
      maxCallsPerNode: 100, maxBulkheadsPerNode: 100, maxCacheKeys: 1_000_000,
      maxSessions: 1_000_000, maxTotalSessions: 2_000_000, maxReplicas: 100_000, maxTotalReplicas: 1_000_000, maxKeyIds: 31,
      maxNameLength: 200, maxLabelLength: 200, maxDescriptionLength: 100_000, maxTextBytes: 5 * 1024 * 1024,
    });
  });
});

describe('list lengths are checked before the items are read', () => {
  it('nodes', () => {
    const nodes = Array.from({ length: 2001 }, (_, i) => ({ id: `n${i}`, kind: 'service' }));
    expect(errorsOf(scenario({ nodes, links: [] }))).toEqual(['nodes: expected at most 2000 nodes (a Faultline limit), got 2001']);
  });

  it('links and faults', () => {
    expect(errorsOf(scenario({ links: new Array(10_001).fill(0), faults: new Array(10_001).fill(0) }))).toEqual([
      'links: expected at most 10000 links (a Faultline limit), got 10001',
      'faults: expected at most 10000 faults (a Faultline limit), got 10001',
    ]);
  });

  it('a million calls cost one message, not a million', () => {
    const value = errorsOf(threeTier({ api: { calls: new Array(1_000_000).fill({ to: 'db' }) } }));
    expect(value).toEqual(['nodes[1].calls: expected at most 100 calls (a Faultline limit), got 1000000']);
  });

  it('the largest graph allowed (2000 nodes, 10000 links) parses in seconds at most', () => {
    const nodes: unknown[] = [{ id: 'users', kind: 'client', rate: 1, target: 's0' }];
    const links: unknown[] = [{ id: 'l-users', from: 'users', to: 's0' }];
    for (let i = 0; i < 1999; i++) nodes.push({ id: `s${i}`, kind: 'service', calls: [{ to: `s${(i + 1) % 1999}`, when: 'never' }] });
    for (let i = 0; i < 9999; i++) links.push({ id: `l${i}`, from: `s${i % 1999}`, to: `s${(i + 1) % 1999}`, latency: '1ms' });
    const value = parseScenario(scenario({ nodes, links }));
    expect(value.ok).toBe(true);
  });
});

describe('time limits', () => {
  it('duration at most 30 days', () => {
    expect(parseOk(scenario({ duration: '30d', sampleEvery: '1h' })).spec.durationMs).toBe(2_592_000_000);
    expect(errorsOf(scenario({ duration: '31d', sampleEvery: '1h' }))).toEqual(['duration: expected at most 30d (a Faultline limit), got "31d"']);
  });

  it('sampleEvery at least 1 ms and at most a million samples', () => {
    expect(parseOk(scenario({ duration: '1000s', sampleEvery: '1ms' })).spec.sampleEveryMs).toBe(1);
    expect(errorsOf(scenario({ duration: '1001s', sampleEvery: '1ms' }))).toEqual([
      'sampleEvery: expected at most 1000000 samples per run (a Faultline limit), got 1001s / 1ms = 1001000; use a sampleEvery of at least 2ms',
    ]);
  });
});

describe('load limits', () => {
  it('one client above the total rate', () => {
    expect(errorsOf(threeTier({ users: { rate: 1_000_001 } }))).toEqual(['nodes[0].rate: expected at most 1000000 (a Faultline limit), got 1000001']);
  });

  it('the clients together above the total rate', () => {
    const twoClients = scenario({
      nodes: [
        { id: 'a', kind: 'client', rate: 600_000, target: 'api' },
        { id: 'b', kind: 'client', rate: 400_001, target: 'api' },
        { id: 'api', kind: 'service' },
      ],
      links: [{ id: 'la', from: 'a', to: 'api' }, { id: 'lb', from: 'b', to: 'api' }],
    });
    expect(errorsOf(twoClients)).toEqual(["nodes: the clients' rates add up to 1000001 per second; at most 1000000 (a Faultline limit)"]);
  });

  it('a rate that is legal alone but asks for too many requests over the run', () => {
    const errors = errorsOf(threeTier({ users: { rate: 100_000 } }, { duration: '6h' })); // 2.16e9 requests
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^duration: at 100000 requests per second the clients would send about 2\.16e\+9 requests over 6h; at most 2e\+9 per run/);
    expect(parseOk(threeTier({ users: { rate: 100_000 } }, { duration: '5h' })).spec.durationMs).toBe(5 * 3_600_000);
  });

  it('users, retry attempts, workers, setRate', () => {
    expect(errorsOf(threeTier({ users: { rate: undefined, users: 1_000_001 } }))).toEqual([
      'nodes[0].users: expected at most 1000000 (a Faultline limit), got 1000001',
    ]);
    expect(errorsOf(threeTier({ api: { calls: [{ to: 'db', retry: { attempts: 1000 } }] } }))).toEqual([
      'nodes[1].calls[0].retry.attempts: expected at most 100 (a Faultline limit), got 1000',
    ]);
    expect(errorsOf(threeTier({}, { faults: [{ at: 0, target: 'db', action: 'setWorkers', workers: 1e7 }, { at: 0, target: 'users', action: 'setRate', rate: 2e6 }] }))).toEqual([
      'faults[0].workers: expected at most 1000000 (a Faultline limit), got 10000000 (or write "unbounded")',
      'faults[1].rate: expected at most 1000000 (a Faultline limit), got 2000000',
    ]);
  });
});

describe('text limits', () => {
  it('name, label, description', () => {
    expect(errorsOf(threeTier({ api: { label: 'x'.repeat(201) } }, { name: 'n'.repeat(201), description: 'd'.repeat(100_001) }))).toEqual([
      'name: expected a name (1–200 characters), got 201 characters',
      'description: expected a markdown description (0–100000 characters), got 100001 characters',
      'nodes[1].label: expected a label (0–200 characters), got 201 characters',
    ]);
  });

  it('a text file above 5 MB is refused before it is parsed', () => {
    const text = JSON.stringify(scenario({ description: 'é'.repeat(2_800_000) })); // 2.8 M two-byte characters: 5.3 MB
    const value = parseScenarioText(text);
    expect(value).toEqual({ ok: false, errors: [{ path: '(file)', message: 'expected a file of at most 5 MB (a Faultline limit), got 5.3 MB' }] });
  });
});

describe('the number of errors reported', () => {
  it('stops at maxReportedErrors and counts the rest', () => {
    const faults = Array.from({ length: 5000 }, (_, i) => ({ at: 0, target: `ghost${i}`, action: 'crash' }));
    const value = parseScenario(scenario({ faults }));
    if (value.ok) throw new Error('expected errors');
    expect(value.errors).toHaveLength(SCENARIO_LIMITS.maxReportedErrors + 1);
    expect(value.errors.at(-1)).toEqual({ path: '(file)', message: '4000 more problems not shown' });
  });
});
