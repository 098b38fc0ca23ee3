/** Broken files: every problem is reported at its path, saying what was expected and what was found. */
import { describe, expect, it } from 'vitest';
import { formatIssue, formatPath, parseScenario } from '../../src/scenario';
import { errorsOf, scenario, threeTier } from './fixtures';

const DURATION = 'a duration (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';
const POSITIVE_DURATION = 'a duration > 0 (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';

describe('paths and formatting', () => {
  it('formats paths the way a reader writes them', () => {
    expect(formatPath(['nodes', 2, 'calls', 0, 'timeout'])).toBe('nodes[2].calls[0].timeout');
    expect(formatPath(['links', 1, 'from'])).toBe('links[1].from');
    expect(formatPath(['nodes', 0, 'my key'])).toBe('nodes[0]["my key"]');
    expect(formatPath([])).toBe('(file)');
  });

  it('formatIssue joins path and message', () => {
    expect(formatIssue({ path: 'nodes[2].workers', message: 'expected a whole number ≥ 1 or "unbounded", got -3' })).toBe(
      'nodes[2].workers: expected a whole number ≥ 1 or "unbounded", got -3',
    );
  });
});

describe('the file as a whole', () => {
  it.each([
    [null, 'null'],
    [[], 'an empty list'],
    ['scenario', '"scenario"'],
    [42, '42'],
  ])('%j is not a scenario', (input, got) => {
    expect(errorsOf(input)).toEqual([`(file): expected a scenario object ({ "format": "faultline.scenario/v1", … }), got ${got}`]);
  });

  it('requires format, name, duration and nodes', () => {
    expect(errorsOf({})).toEqual([
      'format: required field is missing; expected "faultline.scenario/v1"',
      'name: required field is missing; expected a name (1–200 characters)',
      `duration: required field is missing; expected ${POSITIVE_DURATION}`,
      'nodes: required field is missing; expected a list of nodes',
    ]);
  });

  it('names a future format version as such', () => {
    expect(errorsOf(scenario({ format: 'faultline.scenario/v2' }))).toEqual([
      'format: this file is "faultline.scenario/v2"; this version of Faultline reads "faultline.scenario/v1"',
    ]);
  });

  it('reports the top-level fields', () => {
    expect(errorsOf(scenario({ name: '', seed: 1.5, duration: '-5s', sampleEvery: 0.5, warmup: 'soon', description: 5 }))).toEqual([
      'name: expected a name (1–200 characters), got ""',
      'description: expected a markdown description (0–100000 characters), got 5',
      'seed: expected a whole number ≥ 0, got 1.5',
      `duration: expected ${POSITIVE_DURATION}, got "-5s"`,
      'sampleEvery: expected a duration ≥ 1ms (a number of ms, or a string like "250ms", "1.5s", "5m", "12h"), got 0.5',
      `warmup: expected ${DURATION}, got "soon"`,
    ]);
  });

  it('requires a warm-up shorter than the run', () => {
    expect(errorsOf(scenario({ duration: '10s', warmup: '10s' }))).toEqual([
      'warmup: expected a warm-up shorter than the duration (10s), got 10s',
    ]);
  });
});

describe('unknown and unsupported fields', () => {
  it('names an unknown field and suggests the nearest known one', () => {
    expect(errorsOf(threeTier({ users: { rate: undefined, rat: 8 } }))).toEqual([
      'nodes[0].rat: unknown field (did you mean "rate"?)',
    ]);
    expect(errorsOf(scenario({ nodez: [] }))).toEqual(['nodez: unknown field (did you mean "nodes"?)']);
    expect(errorsOf(threeTier({ api: { calls: [{ too: 'db' }] } }))).toEqual([
      'nodes[1].calls[0].to: required field is missing; expected a node id: 1–64 letters, digits, "_", ".", ":" or "-"',
      'nodes[1].calls[0].too: unknown field (did you mean "to"?)',
    ]);
  });

  it('quotes field names that are not identifiers, and suggests nothing when nothing is close', () => {
    expect(errorsOf(scenario({ 'my key': 1, zzzzzz: 2 }))).toEqual(['["my key"]: unknown field', 'zzzzzz: unknown field']);
  });

  it('names the kind a misplaced token field belongs to, rather than "unknown field"', () => {
    expect(errorsOf(threeTier({ api: { signingKey: 'k1', keys: ['k1'] }, db: { mfa: { via: 'api' } } }))).toEqual([
      'nodes[1].signingKey: "signingKey" is a field of kind "identity", not of "service"',
      'nodes[1].keys: "keys" is a field of kinds "keyset" (key ids) and "cache" (a key count), not of "service"',
      'nodes[2].mfa: "mfa" is a field of kind "identity", not of "database"',
    ]);
  });

  it('an unknown kind lists the known ones, or suggests the nearest', () => {
    expect(errorsOf(threeTier({ db: { kind: 'queue' } }))).toEqual([
      'nodes[2].kind: unknown kind "queue" (expected one of client, service, database, external, balancer, cache, identity, keyset)',
    ]);
    expect(errorsOf(threeTier({ db: { kind: 'databse' } }))).toEqual(['nodes[2].kind: unknown kind "databse" (did you mean "database"?)']);
    expect(errorsOf(threeTier({ db: { kind: undefined } }))).toEqual([
      'nodes[2].kind: required field is missing; expected one of client, service, database, external, balancer, cache, identity, keyset',
    ]);
  });
});

describe('node fields', () => {
  it.each([
    [{ workers: -3 }, 'nodes[2].workers: expected a whole number ≥ 1 or "unbounded", got -3'],
    [{ workers: 2.5 }, 'nodes[2].workers: expected a whole number ≥ 1 or "unbounded", got 2.5'],
    [{ workers: 'many' }, 'nodes[2].workers: expected a whole number ≥ 1 or "unbounded", got "many"'],
    [{ workers: 2_000_000 }, 'nodes[2].workers: expected at most 1000000 (a Faultline limit), got 2000000 (or write "unbounded")'],
    [{ errorRate: 2 }, 'nodes[2].errorRate: expected a probability from 0 to 1, got 2'],
    [{ queue: { capacity: -1 } }, 'nodes[2].queue.capacity: expected a whole number ≥ 0, or null for unbounded, got -1'],
    [{ queue: { discipline: 'LIFO' } }, 'nodes[2].queue.discipline: expected one of "fifo", "lifo", got "LIFO" (did you mean "lifo"?)'],
    [{ queue: 'big' }, 'nodes[2].queue: expected an object, got "big"'],
    [{ serviceTime: 'fast' }, 'nodes[2].serviceTime: expected a duration (a number of ms, or a string like "250ms", "5m") or a distribution ({ "dist": "exponential", "uniform", "lognormal", … }), got "fast"'],
    [{ serviceTime: { dist: 'normal', mean: 1 } }, 'nodes[2].serviceTime.dist: expected one of "exponential", "uniform", "lognormal", got "normal"'],
    [{ serviceTime: { dist: 'constant', value: 1 } }, 'nodes[2].serviceTime.dist: expected one of "exponential", "uniform", "lognormal", got "constant" (for a constant, write the duration itself)'],
    [{ serviceTime: { mean: '1s' } }, 'nodes[2].serviceTime.dist: required field is missing; expected one of "exponential", "uniform", "lognormal"'],
    [{ serviceTime: { dist: 'exponential', mean: 0 } }, `nodes[2].serviceTime.mean: expected ${POSITIVE_DURATION}, got 0`],
    [{ serviceTime: { dist: 'uniform', min: '5ms', max: '1ms' } }, 'nodes[2].serviceTime.max: expected a duration ≥ min (5ms), got 1ms'],
    [{ serviceTime: { dist: 'lognormal', median: '10ms', p99: '5ms' } }, 'nodes[2].serviceTime.p99: expected a duration ≥ median (10ms), got 5ms'],
    [{ serviceTime: { dist: 'lognormal', median: '10ms', p50: '5ms' } }, `nodes[2].serviceTime.p99: required field is missing; expected ${POSITIVE_DURATION}`],
    [{ calls: { to: 'x' } }, 'nodes[2].calls: expected a list of calls, got an object'],
    [{ label: 7 }, 'nodes[2].label: expected a label (0–200 characters), got 7'],
    [{ id: 'my db' }, 'nodes[2].id: expected an id: 1–64 letters, digits, "_", ".", ":" or "-", got "my db"'],
    [{ id: '__proto__' }, `nodes[2].id: "__proto__" is reserved (JavaScript's object prototype); choose another id`],
    [{ position: { x: 1 } }, 'nodes[2].position.y: required field is missing; expected a number'],
  ])('database %j', (fields, message) => {
    const errors = errorsOf(threeTier({ db: fields }));
    expect(errors[0]).toBe(message);
  });

  it.each([
    [{ users: 3 }, 'nodes[0]: expected exactly one of "rate" (open loop, requests per second) or "users" (closed loop), got both'],
    [{ rate: undefined }, 'nodes[0]: expected exactly one of "rate" (open loop, requests per second) or "users" (closed loop), got neither'],
    [{ rate: 0 }, 'nodes[0].rate: expected a number > 0, got 0'],
    [{ think: '1s' }, 'nodes[0].think: think time applies to a closed-loop client ("users"); this one has a "rate"'],
    [{ rate: undefined, users: 2, arrival: 'constant' }, 'nodes[0].arrival: arrival applies to an open-loop client ("rate"); this one has "users"'],
    [{ rate: undefined, users: 0 }, 'nodes[0].users: expected a whole number ≥ 1, got 0'],
    [{ arrival: 'burst' }, 'nodes[0].arrival: expected one of "poisson", "constant", got "burst"'],
    [{ classes: [{ name: 'a', weight: 1 }, { name: 'a', weight: 2 }] }, 'nodes[0].classes[1].name: duplicate class name "a"'],
    [{ classes: [{ name: 'a', weight: 0 }] }, 'nodes[0].classes[0].weight: expected a number > 0, got 0'],
    [{ classes: [] }, 'nodes[0].classes: expected at least 1 request class, got an empty list'],
    [{ timeout: 0 }, `nodes[0].timeout: expected ${POSITIVE_DURATION}, got 0`],
    [{ timeout: null }, `nodes[0].timeout: expected ${POSITIVE_DURATION}, got null (leave the field out for no timeout)`],
    [{ deadline: '1 minute' }, `nodes[0].deadline: expected ${POSITIVE_DURATION}, got "1 minute"`],
    [{ target: undefined }, 'nodes[0].target: required field is missing; expected a node id: 1–64 letters, digits, "_", ".", ":" or "-"'],
    [{ retry: { attempts: 0 } }, 'nodes[0].retry.attempts: expected a whole number ≥ 1, got 0'],
    [{ retry: { attempts: 101 } }, 'nodes[0].retry.attempts: expected at most 100 (a Faultline limit), got 101'],
    [{ retry: { jitter: 'some' } }, 'nodes[0].retry.jitter: expected one of "none", "full", "equal", "decorrelated", got "some"'],
    [{ retry: { backoff: { multiplier: 0.5 } } }, 'nodes[0].retry.backoff.multiplier: expected a number ≥ 1, got 0.5'],
    [{ retry: { backoff: { cap: null } } }, `nodes[0].retry.backoff.cap: expected ${DURATION}, got null (leave the field out for no cap)`],
  ])('client %j', (fields, message) => {
    expect(errorsOf(threeTier({ users: fields }))).toEqual([message]);
  });

  it.each([
    [{ when: [] }, 'nodes[1].calls[0].when: expected at least one class name, got an empty list (leave "when" out to apply to every class)'],
    [{ when: ['a', 3] }, 'nodes[1].calls[0].when: expected a list of class names, but one is 3'],
    [{ timeout: 0 }, `nodes[1].calls[0].timeout: expected ${POSITIVE_DURATION}, got 0`],
    [{ retry: 3 }, 'nodes[1].calls[0].retry: expected an object, got 3'],
  ])('call %j', (fields, message) => {
    expect(errorsOf(threeTier({ api: { calls: [{ to: 'db', ...fields }] } }))).toEqual([message]);
  });

  it('balancer fields', () => {
    expect(errorsOf(scenario({ nodes: [
      { id: 'users', kind: 'client', rate: 1, target: 'lb' },
      { id: 'lb', kind: 'balancer', targets: [], policy: 'leastConn', detectAfter: -1 },
    ], links: [{ id: 'l', from: 'users', to: 'lb' }] }))).toEqual([
      'nodes[1].policy: expected one of "roundRobin", "random", "leastOutstanding", "powerOfTwo", got "leastConn"',
      'nodes[1].targets: expected at least 1 target, got an empty list',
      `nodes[1].detectAfter: expected ${DURATION}, got -1`,
    ]);
  });
});

describe('links', () => {
  it('reports every bad field of a link', () => {
    expect(errorsOf(scenario({ links: [{
      id: 'bad id', from: 'users', to: 'api', capacity: 0, buffer: 1.5, loss: -0.1, weight: 0, routing: 'x', up: 'yes', priority: 'high',
      back: { latency: 'x', priority: 1 },
    }] }))).toEqual([
      'links[0].id: expected an id: 1–64 letters, digits, "_", ".", ":" or "-", got "bad id"',
      'links[0].capacity: expected a number of messages per second > 0, or null for unlimited, got 0',
      'links[0].buffer: expected a whole number ≥ 0, or null for unbounded, got 1.5',
      'links[0].loss: expected a probability from 0 to 1, got -0.1',
      'links[0].priority: expected a number, got "high"',
      'links[0].weight: expected a number > 0, got 0',
      'links[0].routing: expected one of "failover", "spread", got "x"',
      'links[0].up: expected true or false, got "yes"',
      'links[0].back.latency: expected a duration (a number of ms, or a string like "250ms", "5m") or a distribution ({ "dist": "exponential", "uniform", "lognormal", … }), got "x"',
      'links[0].back.priority: unknown field',
    ]);
  });

  it('a link joins two different nodes', () => {
    expect(errorsOf(scenario({ links: [{ id: 'users-api', from: 'users', to: 'api' }, { id: 'loop', from: 'api', to: 'api' }] }))).toEqual([
      'links[1].to: expected a node other than "from" ("api"); a link joins two different nodes',
    ]);
  });
});

describe('faults', () => {
  const faultErrors = (...faults: unknown[]) => errorsOf(threeTier({}, { faults }));

  it.each([
    [{ at: '1s', target: 'api-db', action: 'degrade' }, 'faults[0]: expected at least one of "latency", "loss", "capacity" for action "degrade", got none'],
    [{ at: '1s', target: 'api', action: 'slow' }, 'faults[0].factor: required field is missing; expected a number > 0'],
    [{ at: '1s', target: 'api', action: 'slow', factor: 2, loss: 1 }, 'faults[0].loss: "loss" is an argument of action "degrade", not of "slow"'],
    [{ at: '1s', target: 'db', action: 'setWorkers', workers: 0 }, 'faults[0].workers: expected a whole number ≥ 1 or "unbounded", got 0'],
    [{ at: '1s', target: 'users', action: 'setRate', rate: -1 }, 'faults[0].rate: expected a number ≥ 0, got -1'],
    [{ at: '1s', target: 'api', action: 'error', errorRate: 1.5 }, 'faults[0].errorRate: expected a probability from 0 to 1, got 1.5'],
    [{ at: '1s', target: 'x y', action: 'crash' }, 'faults[0].target: expected a node or link id, or "*", got "x y"'],
    [{ at: '1s', target: 'api', action: 'crash', for: 0 }, `faults[0].for: expected ${POSITIVE_DURATION}, got 0`],
    [{ at: '1s', target: 'api', action: 'crahs' }, 'faults[0].action: unknown action "crahs" (did you mean "crash"?)'],
    ['crash', 'faults[0]: expected a fault object ({ "at": …, "target": …, "action": … }), got "crash"'],
  ])('%j', (fault, message) => {
    expect(faultErrors(fault)).toEqual([message]);
  });

  it('still checks at and target when the action is unreadable', () => {
    expect(faultErrors({ at: 'later' })).toEqual([
      'faults[0].action: required field is missing; expected one of down, up, degrade, crash, recover, slow, error, setWorkers, flush, setRate, removeKey, addKey, restore, setSigningKey, forceRefresh',
      `faults[0].at: expected ${DURATION}, got "later"`,
      'faults[0].target: required field is missing; expected a node or link id, or "*"',
    ]);
  });
});

describe('guide', () => {
  it('checks each step', () => {
    expect(errorsOf(scenario({ guide: [{ at: '1s', title: '', text: 3 }, { at: '2s', title: 'ok', text: 'ok', when: 1 }] }))).toEqual([
      'guide[0].title: expected a title (1–200 characters), got ""',
      'guide[0].text: expected markdown text (0–100000 characters), got 3',
      'guide[1].when: unknown field',
    ]);
  });
});

describe('a broken file', () => {
  it('lists all of its problems, schema ones first, then the cross-references', () => {
    const broken = {
      format: 'faultline.scenario/v1',
      name: 'everything wrong',
      duration: '10m',
      nodes: [
        { id: 'users', kind: 'client', rate: 8, target: 'api', timeout: '30 seconds' },
        { id: 'api', kind: 'service', workers: 4, calls: [{ to: 'db' }, { to: 'cache' }] },
        { id: 'db', kind: 'database', workers: -3 },
        { id: 'api', kind: 'external' },
        { id: 'lb', kind: 'balancer', targets: ['api', 'users'] },
      ],
      links: [
        { id: 'users-api', from: 'users', to: 'api', loss: 2 },
        { id: 'api-db', from: 'api', to: 'dbb' },
      ],
      faults: [
        { at: '1m', target: 'api-db', action: 'crash' },
        { at: '20m', target: 'api', action: 'recover' },
      ],
    };
    const result = parseScenario(broken);
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([
      `nodes[0].timeout: expected ${POSITIVE_DURATION}, got "30 seconds"`,
      'nodes[2].workers: expected a whole number ≥ 1 or "unbounded", got -3',
      'links[0].loss: expected a probability from 0 to 1, got 2',
      'nodes[3].id: duplicate id "api" (nodes[1] has it too; ids are unique across nodes and links)',
      'links[1].to: no node has id "dbb" (did you mean "db"?)',
      'nodes[1].calls[0].to: no link from "api" to "db"',
      'nodes[1].calls[1].to: no node has id "cache"',
      'nodes[4].targets[0]: no link from "lb" to "api"',
      'nodes[4].targets[1]: "users" is a client; clients only send requests, they cannot receive them',
      'faults[0].action: action "crash" does not apply to "api-db", a link (it takes down, up, degrade)',
    ]);
  });
});
