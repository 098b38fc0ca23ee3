/** Every field of a valid file lands in the engine's ScenarioSpec with the right number and unit. */
import { describe, expect, it } from 'vitest';
import { nodeOf, parseOk, scenario, threeTier } from './fixtures';

describe('top level', () => {
  it('fills the defaults: seed 1, sampleEvery 1 s, warmup 0, description "", empty lists', () => {
    const { spec, warnings } = parseOk(scenario({ links: [{ id: 'users-api', from: 'users', to: 'api' }] }));
    expect(spec).toMatchObject({ name: 'test', description: '', seed: 1, durationMs: 10_000, sampleEveryMs: 1000, warmupMs: 0 });
    expect(spec.faults).toEqual([]);
    expect(spec.guide).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('converts every time to milliseconds', () => {
    const { spec } = parseOk(scenario({ seed: 42, duration: '2h', sampleEvery: '250ms', warmup: '1.5m', description: '# Hi' }));
    expect(spec).toMatchObject({ seed: 42, durationMs: 7_200_000, sampleEveryMs: 250, warmupMs: 90_000, description: '# Hi' });
  });

  it('accepts "$schema" for editors and leaves it out of the spec', () => {
    const { spec } = parseOk(scenario({ $schema: '../docs/scenario.schema.json' }));
    expect(spec).not.toHaveProperty('$schema');
  });

  it('reads guide steps', () => {
    const { spec } = parseOk(scenario({ guide: [{ at: '5s', title: 'Look', text: 'The *queue*.' }] }));
    expect(spec.guide).toEqual([{ atMs: 5000, title: 'Look', text: 'The *queue*.' }]);
  });
});

describe('distributions', () => {
  const serviceTime = (value: unknown) => nodeOf(parseOk(scenario({ nodes: [
    { id: 'users', kind: 'client', rate: 1, target: 'api' },
    { id: 'api', kind: 'service', serviceTime: value },
  ] })).spec, 'api', 'service').serviceTime;

  it.each([
    ['25ms', { dist: 'constant', valueMs: 25 }],
    [7, { dist: 'constant', valueMs: 7 }],
    [{ dist: 'exponential', mean: '100ms' }, { dist: 'exponential', meanMs: 100 }],
    [{ dist: 'uniform', min: '1ms', max: '1s' }, { dist: 'uniform', minMs: 1, maxMs: 1000 }],
    [{ dist: 'uniform', min: 5, max: 5 }, { dist: 'uniform', minMs: 5, maxMs: 5 }],
    [{ dist: 'lognormal', median: '20ms', p99: '0.5s' }, { dist: 'lognormal', medianMs: 20, p99Ms: 500 }],
  ])('reads %j', (input, expected) => {
    expect(serviceTime(input)).toEqual(expected);
  });
});

describe('client', () => {
  it('open loop: rate per second, Poisson by default, no users, no think time, one default class, no retry', () => {
    const users = nodeOf(parseOk(scenario()).spec, 'users', 'client');
    expect(users).toEqual({
      kind: 'client', id: 'users', label: 'users', loop: 'open', ratePerSec: 10, arrival: 'poisson', users: 0,
      think: { dist: 'constant', valueMs: 0 }, classes: [{ name: 'default', weight: 1 }], target: 'api',
      timeoutMs: Infinity, deadlineMs: Infinity, propagateDeadline: true,
      retry: { attempts: 1, backoff: { baseMs: 0, capMs: Infinity, multiplier: 2 }, jitter: 'none', budget: null, breaker: null }, auth: null,
    });
  });

  it('closed loop: users and think time, rate 0', () => {
    const { spec } = parseOk(threeTier({ users: { rate: undefined, users: 50, think: { dist: 'exponential', mean: '2s' } } }));
    expect(nodeOf(spec, 'users', 'client')).toMatchObject({ loop: 'closed', users: 50, ratePerSec: 0, think: { dist: 'exponential', meanMs: 2000 } });
  });

  it('reads label, arrival, classes, timeout, deadline and retry', () => {
    const { spec } = parseOk(threeTier({
      users: {
        label: 'Mobile users', arrival: 'constant',
        classes: [{ name: 'ios', weight: 3 }, { name: 'android', weight: 1.5 }],
        timeout: '2s', deadline: '10s',
        retry: { attempts: 3, backoff: { base: '100ms', cap: '1s', multiplier: 3 }, jitter: 'full' },
        position: { x: 10, y: -20.5 },
      },
    }));
    const users = nodeOf(spec, 'users', 'client');
    expect(users).toMatchObject({
      label: 'Mobile users', arrival: 'constant', classes: [{ name: 'ios', weight: 3 }, { name: 'android', weight: 1.5 }],
      timeoutMs: 2000, deadlineMs: 10_000,
      retry: { attempts: 3, backoff: { baseMs: 100, capMs: 1000, multiplier: 3 }, jitter: 'full' },
    });
    expect(users).not.toHaveProperty('position');
  });

  it('fills a partial retry: backoff base 0, no cap, multiplier 2, no jitter', () => {
    const { spec } = parseOk(threeTier({ users: { retry: { attempts: 4, backoff: { base: '50ms' } } } }));
    expect(nodeOf(spec, 'users', 'client').retry).toEqual({ attempts: 4, backoff: { baseMs: 50, capMs: Infinity, multiplier: 2 }, jitter: 'none', budget: null, breaker: null });
  });
});

describe('service, database, external', () => {
  const kinds = scenario({
    nodes: [
      { id: 'users', kind: 'client', rate: 1, target: 'svc' },
      { id: 'svc', kind: 'service', calls: [{ to: 'db' }, { to: 'push' }] },
      { id: 'db', kind: 'database' },
      { id: 'push', kind: 'external' },
    ],
    links: [
      { id: 'l1', from: 'users', to: 'svc' },
      { id: 'l2', from: 'svc', to: 'db' },
      { id: 'l3', from: 'svc', to: 'push' },
    ],
  });

  it.each([
    ['svc', 'service', 1, { dist: 'exponential', meanMs: 10 }],
    ['db', 'database', 10, { dist: 'exponential', meanMs: 5 }],
    ['push', 'external', Infinity, { dist: 'constant', valueMs: 50 }],
  ] as const)('%s (%s) defaults: %d workers, unbounded FIFO queue, its own service time, no errors, no token validation, one replica', (id, kind, workers, serviceTime) => {
    const node = nodeOf(parseOk(kinds).spec, id, kind);
    expect(node).toMatchObject({ kind, label: id, workers, queue: { capacity: Infinity, discipline: 'fifo', maxWaitMs: Infinity }, serviceTime, errorRate: 0, auth: null, replicas: 1 });
  });

  it('reads workers, queue, service time, error rate', () => {
    const { spec } = parseOk(threeTier({
      api: { workers: 'unbounded', queue: { capacity: 0, discipline: 'lifo' }, serviceTime: '3ms', errorRate: 0.25 },
      db: { workers: 4, queue: { capacity: 100 } },
    }));
    expect(nodeOf(spec, 'api', 'service')).toMatchObject({ workers: Infinity, queue: { capacity: 0, discipline: 'lifo' }, serviceTime: { dist: 'constant', valueMs: 3 }, errorRate: 0.25 });
    expect(nodeOf(spec, 'db', 'database')).toMatchObject({ workers: 4, queue: { capacity: 100, discipline: 'fifo' } });
  });

  it('reads calls: when as a string or a list (null = every class), timeout, retry', () => {
    const { spec } = parseOk(threeTier({
      users: { classes: [{ name: 'ios', weight: 1 }, { name: 'web', weight: 1 }] },
      api: { calls: [{ to: 'db', when: 'ios', timeout: '200ms', retry: { attempts: 2 } }, { to: 'db', when: ['ios', 'web'] }, { to: 'db' }] },
    }));
    const calls = nodeOf(spec, 'api', 'service').calls;
    expect(calls[0]).toEqual({
      to: 'db', when: ['ios'], timeoutMs: 200, circuitBreaker: null,
      retry: { attempts: 2, backoff: { baseMs: 0, capMs: Infinity, multiplier: 2 }, jitter: 'none', budget: null, breaker: null },
    });
    expect(calls[1]?.when).toEqual(['ios', 'web']);
    expect(calls[2]).toMatchObject({ when: null, timeoutMs: Infinity, retry: { attempts: 1 } });
  });
});

describe('balancer', () => {
  const withBalancer = (fields: Record<string, unknown>) => scenario({
    nodes: [
      { id: 'users', kind: 'client', rate: 1, target: 'lb' },
      { id: 'lb', kind: 'balancer', targets: ['a', 'b'], ...fields },
      { id: 'a', kind: 'service' },
      { id: 'b', kind: 'service' },
    ],
    links: [{ id: 'l0', from: 'users', to: 'lb' }, { id: 'la', from: 'lb', to: 'a' }, { id: 'lbb', from: 'lb', to: 'b' }],
  });

  it('defaults: round robin, notices a crash after 5 s, no timeout, no retry', () => {
    expect(nodeOf(parseOk(withBalancer({})).spec, 'lb', 'balancer')).toMatchObject({
      policy: 'roundRobin', targets: ['a', 'b'], detectAfterMs: 5000, timeoutMs: Infinity, retry: { attempts: 1 },
    });
  });

  it('reads policy, detectAfter, timeout, retry', () => {
    const lb = nodeOf(parseOk(withBalancer({ policy: 'powerOfTwo', detectAfter: '500ms', timeout: '1s', retry: { attempts: 2, jitter: 'equal' } })).spec, 'lb', 'balancer');
    expect(lb).toMatchObject({ policy: 'powerOfTwo', detectAfterMs: 500, timeoutMs: 1000, retry: { attempts: 2, jitter: 'equal' } });
  });
});

describe('links', () => {
  it('defaults: no latency, unlimited, unbounded, lossless, failover, priority 0, weight 1, up; back = forward', () => {
    const [link] = parseOk(scenario()).spec.links;
    const direction = { latency: { dist: 'constant', valueMs: 0 }, capacityPerSec: Infinity, buffer: Infinity, loss: 0 };
    expect(link).toEqual({ id: 'users-api', from: 'users', to: 'api', forward: direction, back: direction, routing: 'failover', priority: 0, weight: 1, detectAfterMs: 0, up: true });
  });

  it('reads every field, and `back` overrides only what it names', () => {
    const { spec } = parseOk(scenario({ links: [{
      id: 'users-api', from: 'users', to: 'api', latency: { dist: 'uniform', min: '1ms', max: '3ms' }, capacity: 500, buffer: 20, loss: 0.01,
      priority: 2, weight: 0.5, routing: 'spread', detectAfter: '2s', up: false, back: { latency: '10ms', loss: 0 },
    }] }));
    const [link] = spec.links;
    expect(link?.forward).toEqual({ latency: { dist: 'uniform', minMs: 1, maxMs: 3 }, capacityPerSec: 500, buffer: 20, loss: 0.01 });
    expect(link?.back).toEqual({ latency: { dist: 'constant', valueMs: 10 }, capacityPerSec: 500, buffer: 20, loss: 0 });
    expect(link).toMatchObject({ priority: 2, weight: 0.5, routing: 'spread', detectAfterMs: 2000, up: false });
  });

  it('`back: { capacity: null }` makes the response direction unlimited', () => {
    const [link] = parseOk(scenario({ links: [{ id: 'users-api', from: 'users', to: 'api', capacity: 10, back: { capacity: null } }] })).spec.links;
    expect([link?.forward.capacityPerSec, link?.back.capacityPerSec]).toEqual([10, Infinity]);
  });

  it('does not share the latency object between the two directions', () => {
    const [link] = parseOk(scenario()).spec.links;
    expect(link?.back.latency).not.toBe(link?.forward.latency);
  });
});

describe('faults', () => {
  const withFaults = (faults: unknown[]) => parseOk(threeTier({}, { faults })).spec.faults;

  it('at, for (default permanent), target, action', () => {
    expect(withFaults([{ at: '2s', target: 'users-api', action: 'down', for: '500ms' }, { at: 0, target: 'api', action: 'crash' }])).toEqual([
      { atMs: 2000, forMs: 500, target: 'users-api', action: 'down', params: {} },
      { atMs: 0, forMs: Infinity, target: 'api', action: 'crash', params: {} },
    ]);
  });

  it.each([
    [{ action: 'degrade', target: 'api-db', latency: { dist: 'exponential', mean: '40ms' }, loss: 0.1, capacity: 50 }, { latency: { dist: 'exponential', meanMs: 40 }, loss: 0.1, capacityPerSec: 50 }],
    [{ action: 'degrade', target: 'api-db', loss: 0.5 }, { loss: 0.5 }],
    [{ action: 'slow', target: 'db', factor: 4 }, { factor: 4 }],
    [{ action: 'error', target: 'api', errorRate: 0.3 }, { errorRate: 0.3 }],
    [{ action: 'setWorkers', target: 'db', workers: 2 }, { workers: 2 }],
    [{ action: 'setWorkers', target: 'db', workers: 'unbounded' }, { workers: Infinity }],
    [{ action: 'setRate', target: 'users', rate: 0 }, { ratePerSec: 0 }],
    [{ action: 'setRate', target: 'users', rate: 250 }, { ratePerSec: 250 }],
    [{ action: 'recover', target: '*' }, {}],
    [{ action: 'up', target: 'api-db' }, {}],
  ])('%j → params %j', (fault, params) => {
    expect(withFaults([{ at: '1s', ...fault }])[0]?.params).toEqual(params);
  });
});
