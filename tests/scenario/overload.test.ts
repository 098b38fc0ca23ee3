/**
 * Station fields against overload: queue.maxWait, slowdownPerInFlight, propagateDeadline,
 * cancelOnCallerGiveUp, bulkheads; and the client's propagateDeadline.
 */
import { describe, expect, it } from 'vitest';
import { errorsOf, nodeOf, parseOk, threeTier } from './fixtures';

const DURATION = 'a duration (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';
const POSITIVE_DURATION = 'a duration > 0 (a number of ms, or a string like "250ms", "1.5s", "5m", "12h")';

const api = (fields: Record<string, unknown>, others: Record<string, Record<string, unknown>> = {}) =>
  nodeOf(parseOk(threeTier({ api: fields, ...others })).spec, 'api', 'service');
const apiErrors = (fields: Record<string, unknown>) => errorsOf(threeTier({ api: fields }));

describe('defaults', () => {
  it.each(['service', 'database', 'external'])('%s: no max wait, no slowdown, no bulkheads, deadline kept, work finished', (kind) => {
    const { spec } = parseOk(threeTier({ db: { kind } }));
    expect(spec.nodes[2]).toMatchObject({
      kind, queue: { maxWaitMs: Infinity }, slowdownPerInFlightMs: 0, bulkheads: [], propagateDeadline: false, cancelOnCallerGiveUp: false,
    });
  });

  it('a client sends its deadline by default', () => {
    expect(nodeOf(parseOk(threeTier()).spec, 'users', 'client').propagateDeadline).toBe(true);
  });
});

describe('queue.maxWait', () => {
  it.each([
    ['250ms', 250],
    ['2s', 2000],
    [40, 40],
  ])('%j → %d ms', (maxWait, ms) => {
    expect(api({ queue: { maxWait } }).queue).toEqual({ capacity: Infinity, discipline: 'fifo', maxWaitMs: ms });
  });

  it('goes with capacity and discipline', () => {
    expect(api({ queue: { capacity: 50, discipline: 'lifo', maxWait: '1s' } }).queue).toEqual({ capacity: 50, discipline: 'lifo', maxWaitMs: 1000 });
  });

  it.each([
    [0, `nodes[1].queue.maxWait: expected ${POSITIVE_DURATION}, got 0`],
    [null, `nodes[1].queue.maxWait: expected ${POSITIVE_DURATION}, got null (leave the field out for no limit)`],
    ['soon', `nodes[1].queue.maxWait: expected ${POSITIVE_DURATION}, got "soon"`],
  ])('%j', (maxWait, message) => {
    expect(apiErrors({ queue: { maxWait } })).toEqual([message]);
  });

  it('a misspelling is suggested', () => {
    expect(apiErrors({ queue: { maxwait: '1s' } })).toEqual(['nodes[1].queue.maxwait: unknown field (did you mean "maxWait"?)']);
  });
});

describe('slowdownPerInFlight, propagateDeadline, cancelOnCallerGiveUp', () => {
  it('read as ms and booleans', () => {
    expect(api({ slowdownPerInFlight: '10ms', propagateDeadline: true, cancelOnCallerGiveUp: true })).toMatchObject({
      slowdownPerInFlightMs: 10, propagateDeadline: true, cancelOnCallerGiveUp: true,
    });
    expect(api({ slowdownPerInFlight: 0.5 }).slowdownPerInFlightMs).toBe(0.5);
  });

  it('a client can keep its deadline to itself', () => {
    expect(nodeOf(parseOk(threeTier({ users: { propagateDeadline: false } })).spec, 'users', 'client').propagateDeadline).toBe(false);
  });

  it.each([
    [{ slowdownPerInFlight: -1 }, `nodes[1].slowdownPerInFlight: expected ${DURATION}, got -1`],
    [{ slowdownPerInFlight: '10%' }, `nodes[1].slowdownPerInFlight: expected ${DURATION}, got "10%"`],
    [{ propagateDeadline: 'yes' }, 'nodes[1].propagateDeadline: expected true or false, got "yes"'],
    [{ cancelOnCallerGiveUp: 1 }, 'nodes[1].cancelOnCallerGiveUp: expected true or false, got 1'],
    [{ cancelOnCallerGiveup: true }, 'nodes[1].cancelOnCallerGiveup: unknown field (did you mean "cancelOnCallerGiveUp"?)'],
  ])('%j', (fields, message) => {
    expect(apiErrors(fields)).toEqual([message]);
  });

  it('client propagateDeadline must be a boolean', () => {
    expect(errorsOf(threeTier({ users: { propagateDeadline: null } }))).toEqual(['nodes[0].propagateDeadline: expected true or false, got null']);
  });
});

describe('bulkheads', () => {
  const withClasses = { users: { classes: [{ name: 'ios', weight: 1 }, { name: 'web', weight: 1 }] } };

  it('by target: default name "bulkhead-<index>", every class, its own default queue', () => {
    expect(api({ bulkheads: [{ to: 'db', workers: 4 }] }).bulkheads).toEqual([
      { name: 'bulkhead-0', when: null, to: 'db', workers: 4, queue: { capacity: Infinity, discipline: 'fifo', maxWaitMs: Infinity } },
    ]);
  });

  it('by class (a name or a list), with a name, unbounded workers and a queue of its own', () => {
    const { bulkheads } = api(
      {
        bulkheads: [
          { name: 'ios-pool', when: 'ios', workers: 'unbounded', queue: { capacity: 10, discipline: 'lifo', maxWait: '100ms' } },
          { when: ['ios', 'web'], to: 'db', workers: 2 },
        ],
      },
      withClasses,
    );
    expect(bulkheads).toEqual([
      { name: 'ios-pool', when: ['ios'], to: null, workers: Infinity, queue: { capacity: 10, discipline: 'lifo', maxWaitMs: 100 } },
      { name: 'bulkhead-1', when: ['ios', 'web'], to: 'db', workers: 2, queue: { capacity: Infinity, discipline: 'fifo', maxWaitMs: Infinity } },
    ]);
  });

  it('do not share a queue object', () => {
    const { bulkheads } = api({ bulkheads: [{ to: 'db', workers: 1 }, { when: 'default', workers: 1 }] });
    expect(bulkheads[0]?.queue).not.toBe(bulkheads[1]?.queue);
  });

  it.each([
    [{}, 'nodes[1].bulkheads: expected a list of bulkheads, got an object'],
    [[{ workers: 2 }], 'nodes[1].bulkheads[0]: expected "when" (request classes) or "to" (a node this node calls), got neither'],
    [[{ to: 'db' }], 'nodes[1].bulkheads[0].workers: required field is missing; expected a whole number ≥ 1 or "unbounded"'],
    [[{ to: 'db', workers: 0 }], 'nodes[1].bulkheads[0].workers: expected a whole number ≥ 1 or "unbounded", got 0'],
    [[{ to: 'dbb', workers: 1 }], 'nodes[1].bulkheads[0].to: expected a node this node calls ("db"), got "dbb" (did you mean "db"?)'],
    [[{ to: 'users', workers: 1 }], 'nodes[1].bulkheads[0].to: expected a node this node calls ("db"), got "users"'],
    [[{ to: 3, workers: 1 }], 'nodes[1].bulkheads[0].to: expected a node id: 1–64 letters, digits, "_", ".", ":" or "-", got 3'],
    [[{ when: [], workers: 1 }], 'nodes[1].bulkheads[0].when: expected at least one class name, got an empty list (leave "when" out to apply to every class)'],
    [[{ name: '', to: 'db', workers: 1 }], 'nodes[1].bulkheads[0].name: expected a bulkhead name (1–64 characters), got ""'],
    [[{ to: 'db', workers: 1, queue: { capacity: -1 } }], 'nodes[1].bulkheads[0].queue.capacity: expected a whole number ≥ 0, or null for unbounded, got -1'],
    [[{ to: 'db', workers: 1, queue: { maxWait: 'x' } }], `nodes[1].bulkheads[0].queue.maxWait: expected ${POSITIVE_DURATION}, got "x"`],
    [[{ to: 'db', workers: 1, worker: 2 }], 'nodes[1].bulkheads[0].worker: unknown field (did you mean "workers"?)'],
    [[{ name: 'x', to: 'db', workers: 1 }, { name: 'x', when: 'default', workers: 1 }], 'nodes[1].bulkheads[1].name: duplicate bulkhead name "x" (bulkheads[0] has it too)'],
    [
      [{ name: 'bulkhead-1', to: 'db', workers: 1 }, { when: 'default', workers: 1 }],
      'nodes[1].bulkheads[1].name: duplicate bulkhead name "bulkhead-1" (bulkheads[0] has it too; this one has it by default: give it a "name")',
    ],
  ])('%j', (bulkheads, message) => {
    expect(apiErrors({ bulkheads })).toEqual([message]);
  });

  it('"to" must be one of the node\'s calls, even with no calls at all', () => {
    expect(errorsOf(threeTier({ db: { bulkheads: [{ to: 'api', workers: 1 }] } }))).toEqual([
      'nodes[2].bulkheads[0].to: expected a node this node calls, got "api"; this node makes no calls',
    ]);
  });

  it('at most 100 per node (a Faultline limit)', () => {
    expect(apiErrors({ bulkheads: new Array(101).fill({ to: 'db', workers: 1 }) })).toEqual([
      'nodes[1].bulkheads: expected at most 100 bulkheads (a Faultline limit), got 101',
    ]);
  });

  it('a "when" naming a class no client sends is a warning, as for calls', () => {
    const { warnings } = parseOk(threeTier({ ...withClasses, api: { bulkheads: [{ when: ['ios', 'andriod'], workers: 1 }, { when: 'android', workers: 1 }] } }));
    expect(warnings).toEqual([
      'nodes[1].bulkheads[0].when[1]: no client sends class "andriod"',
      'nodes[1].bulkheads[1].when: no client sends class "android"',
    ]);
  });
});
