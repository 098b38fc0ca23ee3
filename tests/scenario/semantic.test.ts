/** Checks that need the whole file: references, links, cycles, fault targets, warnings. */
import { describe, expect, it } from 'vitest';
import { errorsOf, parseOk, scenario, threeTier } from './fixtures';

describe('ids and references', () => {
  it('ids are unique across nodes and links', () => {
    expect(errorsOf(threeTier({}, { links: [
      { id: 'users-api', from: 'users', to: 'api' },
      { id: 'api', from: 'api', to: 'db' },
      { id: 'users-api', from: 'api', to: 'db' },
    ] }))).toEqual([
      'links[1].id: duplicate id "api" (nodes[1] has it too; ids are unique across nodes and links)',
      'links[2].id: duplicate id "users-api" (links[0] has it too; ids are unique across nodes and links)',
    ]);
  });

  it('a link end must name a node, and a link may not lead to a client', () => {
    expect(errorsOf(scenario({ links: [
      { id: 'users-api', from: 'users', to: 'api' },
      { id: 'a', from: 'userz', to: 'api' },
      { id: 'b', from: 'api', to: 'users' },
      { id: 'c', from: 'users-api', to: 'a' },
    ] }))).toEqual([
      'links[1].from: no node has id "userz" (did you mean "users"?)',
      'links[2].to: "users" is a client; clients only send requests, they cannot receive them',
      'links[3].from: no node has id "users-api" ("users-api" is a link)',
      'links[3].to: "a" is a link, not a node',
    ]);
  });

  it('a client target, a call and a balancer target each need a node and a link to it', () => {
    expect(errorsOf(threeTier({ users: { target: 'db' }, api: { calls: [{ to: 'dbb' }, { to: 'users' }] } }))).toEqual([
      'nodes[0].target: no link from "users" to "db"',
      'nodes[1].calls[0].to: no node has id "dbb" (did you mean "db"?)',
      'nodes[1].calls[1].to: "users" is a client; clients only send requests, they cannot receive them',
    ]);
  });

  it('the link must go from this node to the callee (a link the other way does not count)', () => {
    expect(errorsOf(threeTier({}, { links: [{ id: 'users-api', from: 'users', to: 'api' }, { id: 'db-api', from: 'db', to: 'api' }] }))).toEqual([
      'nodes[1].calls[0].to: no link from "api" to "db"',
    ]);
  });

  it('a node with a bad field still has its references checked', () => {
    expect(errorsOf(threeTier({ users: { rate: -5, target: 'nowhere' }, api: { workers: 0, calls: [{ to: 'users' }] } }))).toEqual([
      'nodes[0].rate: expected a number > 0, got -5',
      'nodes[1].workers: expected a whole number ≥ 1 or "unbounded", got 0',
      'nodes[0].target: no node has id "nowhere"',
      'nodes[1].calls[0].to: "users" is a client; clients only send requests, they cannot receive them',
    ]);
  });

  it('a fault with a bad field still has its target checked', () => {
    expect(errorsOf(threeTier({}, { faults: [{ at: 'soon', target: 'api-db', action: 'crash' }] }))).toEqual([
      'faults[0].at: expected a duration (a number of ms, or a string like "250ms", "1.5s", "5m", "12h"), got "soon"',
      'faults[0].action: action "crash" does not apply to "api-db", a link (it takes down, up, degrade)',
    ]);
  });

  it('a node that failed to parse still exists for references (no cascade of "no node" errors)', () => {
    expect(errorsOf(threeTier({ db: { workers: 0 } }))).toEqual(['nodes[2].workers: expected a whole number ≥ 1 or "unbounded", got 0']);
  });

  it('parallel links must agree on routing', () => {
    expect(errorsOf(scenario({ links: [
      { id: 'a', from: 'users', to: 'api', routing: 'spread', weight: 2 },
      { id: 'b', from: 'users', to: 'api', routing: 'spread' },
      { id: 'c', from: 'users', to: 'api' },
    ] }))).toEqual([
      'links[2].routing: parallel links from "users" to "api" must agree on routing: links[0] uses "spread", this one "failover"',
    ]);
  });

  it('parallel links that agree are fine', () => {
    const { spec } = parseOk(scenario({ links: [
      { id: 'primary', from: 'users', to: 'api', priority: 0 },
      { id: 'backup', from: 'users', to: 'api', priority: 1, latency: '80ms' },
    ] }));
    expect(spec.links.map((l) => [l.id, l.priority, l.routing])).toEqual([['primary', 0, 'failover'], ['backup', 1, 'failover']]);
  });
});

describe('request classes', () => {
  it('a call `when` naming a class no client sends is a warning, not an error', () => {
    const { warnings } = parseOk(threeTier({
      users: { classes: [{ name: 'ios', weight: 1 }, { name: 'android', weight: 1 }] },
      api: { calls: [{ to: 'db', when: ['ios', 'andriod'] }, { to: 'db', when: 'web' }] },
    }));
    expect(warnings).toEqual([
      'nodes[1].calls[0].when[1]: no client sends class "andriod" (did you mean "android"?)',
      'nodes[1].calls[1].when: no client sends class "web"',
    ]);
  });

  it('"default" is the class of a client without classes', () => {
    expect(parseOk(threeTier({ api: { calls: [{ to: 'db', when: 'default' }] } })).warnings).toEqual([]);
  });
});

describe('call cycles', () => {
  const cyclic = (apiCalls: unknown[], dbCalls: unknown[]) => threeTier(
    {
      users: { classes: ['a', 'b', 'c'].map((name) => ({ name, weight: 1 })) },
      api: { calls: apiCalls },
      db: { calls: dbCalls },
    },
    { links: [
      { id: 'users-api', from: 'users', to: 'api' },
      { id: 'api-db', from: 'api', to: 'db' },
      { id: 'db-api', from: 'db', to: 'api' },
    ] },
  );

  it('a loop of calls is an error: every request would go round forever', () => {
    expect(errorsOf(cyclic([{ to: 'db' }], [{ to: 'api' }]))).toEqual([
      'nodes[2].calls[0].to: call cycle "api" → "db" → "api": every request would call round it forever',
    ]);
  });

  it('names the classes that can go round when `when` narrows the loop', () => {
    expect(errorsOf(cyclic([{ to: 'db', when: ['a', 'b'] }], [{ to: 'api', when: ['b', 'c'] }]))).toEqual([
      'nodes[2].calls[0].to: call cycle "api" → "db" → "api": requests of class "b" would call round it forever',
    ]);
  });

  it('is no error when no class can go all the way round', () => {
    expect(parseOk(cyclic([{ to: 'db', when: 'a' }], [{ to: 'api', when: 'b' }])).warnings).toEqual([]);
  });

  it('is no error when only classes that no client sends could go round', () => {
    expect(parseOk(cyclic([{ to: 'db', when: 'x' }], [{ to: 'api', when: 'x' }])).warnings).toEqual([
      'nodes[1].calls[0].when: no client sends class "x"',
      'nodes[2].calls[0].when: no client sends class "x"',
    ]);
  });

  it('shortens a long loop in the message', () => {
    const n = 10;
    const nodes: unknown[] = [{ id: 'users', kind: 'client', rate: 1, target: 's0' }];
    const links: unknown[] = [{ id: 'l-users', from: 'users', to: 's0' }];
    for (let i = 0; i < n; i++) {
      nodes.push({ id: `s${i}`, kind: 'service', calls: [{ to: `s${(i + 1) % n}` }] });
      links.push({ id: `l${i}`, from: `s${i}`, to: `s${(i + 1) % n}` });
    }
    expect(errorsOf(scenario({ nodes, links }))).toEqual([
      'nodes[10].calls[0].to: call cycle "s0" → "s1" → "s2" → "s3" → "s4" → … → "s0" (10 nodes): every request would call round it forever',
    ]);
  });

  it('follows balancers too', () => {
    expect(errorsOf(scenario({
      nodes: [
        { id: 'users', kind: 'client', rate: 1, target: 'lb' },
        { id: 'lb', kind: 'balancer', targets: ['api'] },
        { id: 'api', kind: 'service', calls: [{ to: 'lb' }] },
      ],
      links: [{ id: 'l1', from: 'users', to: 'lb' }, { id: 'l2', from: 'lb', to: 'api' }, { id: 'l3', from: 'api', to: 'lb' }],
    }))).toEqual(['nodes[2].calls[0].to: call cycle "lb" → "api" → "lb": every request would call round it forever']);
  });

  it('handles a long chain without overflowing the stack', () => {
    const n = 2000;
    const nodes: unknown[] = [{ id: 'users', kind: 'client', rate: 1, target: 's0' }];
    const links: unknown[] = [{ id: 'l-users', from: 'users', to: 's0' }];
    for (let i = 0; i < n - 1; i++) {
      nodes.push({ id: `s${i}`, kind: 'service', workers: 'unbounded', calls: i < n - 2 ? [{ to: `s${i + 1}` }] : [] });
      if (i < n - 2) links.push({ id: `l${i}`, from: `s${i}`, to: `s${i + 1}` });
    }
    const { spec } = parseOk(scenario({ nodes, links }));
    expect(spec.nodes).toHaveLength(n);
  });
});

describe('faults', () => {
  const faultErrors = (...faults: unknown[]) => errorsOf(threeTier({}, { faults }));

  it('a target must name a node or link', () => {
    expect(faultErrors({ at: '1s', target: 'apii', action: 'crash' })).toEqual(['faults[0].target: no node or link has id "apii" (did you mean "api"?)']);
  });

  it.each([
    [{ target: 'api-db', action: 'crash' }, 'faults[0].action: action "crash" does not apply to "api-db", a link (it takes down, up, degrade)'],
    [{ target: 'api', action: 'down' }, 'faults[0].action: action "down" does not apply to "api", a service (it takes crash, recover, slow, error, setWorkers)'],
    [{ target: 'users', action: 'crash' }, 'faults[0].action: action "crash" does not apply to "users", a client (it takes setRate)'],
    [{ target: 'db', action: 'setRate', rate: 3 }, 'faults[0].action: action "setRate" does not apply to "db", a database (it takes crash, recover, slow, error, setWorkers)'],
  ])('an action that does not fit its target names both: %j', (fault, message) => {
    expect(faultErrors({ at: '1s', ...fault })).toEqual([message]);
  });

  it('a balancer can crash but not slow down', () => {
    const lb = scenario({
      nodes: [{ id: 'users', kind: 'client', rate: 1, target: 'lb' }, { id: 'lb', kind: 'balancer', targets: ['api'] }, { id: 'api', kind: 'service' }],
      links: [{ id: 'l1', from: 'users', to: 'lb' }, { id: 'l2', from: 'lb', to: 'api' }],
    });
    expect(parseOk({ ...lb, faults: [{ at: '1s', target: 'lb', action: 'crash' }] }).spec.faults).toHaveLength(1);
    expect(errorsOf({ ...lb, faults: [{ at: '1s', target: 'lb', action: 'slow', factor: 2 }] })).toEqual([
      'faults[0].action: action "slow" does not apply to "lb", a balancer (it takes crash, recover)',
    ]);
  });

  it('setRate needs an open-loop client', () => {
    expect(errorsOf(threeTier({ users: { rate: undefined, users: 5 } }, { faults: [{ at: '1s', target: 'users', action: 'setRate', rate: 9 }] }))).toEqual([
      'faults[0].action: action "setRate" needs an open-loop client ("rate"); "users" is closed-loop ("users")',
    ]);
  });

  it('"*" is fine where the action applies to something, a warning where it matches nothing', () => {
    const { warnings } = parseOk(threeTier({}, { faults: [{ at: '1s', target: '*', action: 'down' }, { at: '1s', target: '*', action: 'crash' }] }));
    expect(warnings).toEqual([]);
    const noLinks = parseOk(scenario({
      nodes: [{ id: 'users', kind: 'client', rate: 1, target: 'api' }, { id: 'api', kind: 'service' }],
      faults: [{ at: '1s', target: '*', action: 'setWorkers', workers: 2 }, { at: '1s', target: '*', action: 'recover' }],
    }));
    expect(noLinks.warnings).toEqual([]);
  });

  it('a fault or guide step at or after the end of the run is a warning', () => {
    const { warnings } = parseOk(scenario({
      duration: '10m',
      faults: [{ at: '10m', target: 'api', action: 'crash' }, { at: '9m', target: 'api', action: 'recover' }],
      guide: [{ at: '11m', title: 'Late', text: '' }],
    }));
    expect(warnings).toEqual([
      'faults[0].at: 10m is not before the end of the run (10m): this fault never happens',
      'guide[0].at: 11m is not before the end of the run (10m): this step is never shown',
    ]);
  });
});

describe('other warnings', () => {
  it('a buffer without a capacity is mentioned once, not once per direction', () => {
    expect(parseOk(scenario({ links: [{ id: 'users-api', from: 'users', to: 'api', buffer: 10 }] })).warnings).toEqual([
      'links[0].buffer: a buffer has no effect without a capacity: an unlimited link never queues',
    ]);
  });

  it('a buffer without a capacity does nothing', () => {
    expect(parseOk(scenario({ links: [{ id: 'users-api', from: 'users', to: 'api', buffer: 10, back: { capacity: 5 } }] })).warnings).toEqual([
      'links[0].buffer: a buffer has no effect without a capacity: an unlimited link never queues',
    ]);
  });

  it('a balancer target listed twice', () => {
    const { warnings } = parseOk(scenario({
      nodes: [{ id: 'users', kind: 'client', rate: 1, target: 'lb' }, { id: 'lb', kind: 'balancer', targets: ['api', 'api'] }, { id: 'api', kind: 'service' }],
      links: [{ id: 'l1', from: 'users', to: 'lb' }, { id: 'l2', from: 'lb', to: 'api' }],
    }));
    expect(warnings).toEqual(['nodes[1].targets[1]: "api" is listed more than once, so it gets a larger share']);
  });

  it('a sample interval longer than the run', () => {
    expect(parseOk(scenario({ duration: '10s', sampleEvery: '1m' })).warnings).toEqual([
      'sampleEvery: 1m is longer than the run (10s): no sample interval will complete',
    ]);
  });
});
