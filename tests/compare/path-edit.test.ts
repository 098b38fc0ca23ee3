import { describe, expect, it } from 'vitest';
import { diffDocuments, normalisePath, pathEditVariant, readAt, readJsonValue, sameTraffic, writeAt } from '../../src/compare';
import { findBuiltin } from '../../src/scenarios';

const storm = (): Record<string, unknown> => structuredClone(findBuiltin('retry-storm')?.scenario) as Record<string, unknown>;

describe('a generic edit: a field path and a JSON value', () => {
  it('reads the dotted form people type as the experiments\' path notation', () => {
    expect(normalisePath('nodes.api.workers')).toBe('nodes[api].workers');
    expect(normalisePath('links.clients-server.latency')).toBe('links[clients-server].latency');
    expect(normalisePath('nodes[api].calls[0].timeout')).toBe('nodes[api].calls[0].timeout');
    expect(normalisePath('duration')).toBe('duration');
  });

  it('a valid edit gives B with exactly that field changed, and a diff line saying so', () => {
    const a = storm();
    const result = pathEditVariant(a, 'nodes.clients.retry.attempts', '1');
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(readAt(result.variant.doc, 'nodes[clients].retry.attempts')).toBe(1);
    expect(diffDocuments(a, result.variant.doc)).toEqual([{ path: 'nodes[clients].retry.attempts', before: 2, after: 1 }]);
    expect(result.variant.diff).toEqual(['nodes[clients].retry.attempts: 2 → 1']);
    expect(readAt(a, 'nodes[clients].retry.attempts')).toBe(2); // A is untouched
  });

  it('creates missing objects on the way (a budget on a client without one)', () => {
    const result = pathEditVariant(storm(), 'nodes.clients.retry.budget', '{"ratio": 0.1}');
    expect(result.ok && readAt(result.variant.doc, 'nodes[clients].retry.budget')).toEqual({ ratio: 0.1 });
  });

  it('a bare duration is taken as the string it spells', () => {
    expect(readJsonValue('5s')).toEqual({ ok: true, value: '5s' });
    expect(readJsonValue('"5s"')).toEqual({ ok: true, value: '5s' });
    const result = pathEditVariant(storm(), 'nodes.clients.timeout', '5s');
    expect(result.ok && result.variant.diff).toEqual(['nodes[clients].timeout: 3s → 5s']);
  });

  it('a value the format rejects shows the parser\'s message with its path', () => {
    const result = pathEditVariant(storm(), 'nodes.server.workers', '-3');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(['nodes[1].workers: expected a whole number ≥ 1 or "unbounded", got -3']);
  });

  it('an unknown field is the parser\'s "unknown field" message, with its suggestion', () => {
    const result = pathEditVariant(storm(), 'nodes.server.wrokers', '8');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/nodes\[1\]\.wrokers: unknown field.*workers/);
  });

  it('a path to a node that does not exist names the nodes there are', () => {
    const result = pathEditVariant(storm(), 'nodes.servr.workers', '8');
    expect(result).toEqual({ ok: false, errors: ['nodes.servr.workers: nodes has no item "servr" (there are: clients, server)'] });
  });

  it('bad syntax, bad JSON and a change that changes nothing are refused with a reason', () => {
    const syntax = pathEditVariant(storm(), 'nodes..workers', '8');
    expect(syntax.ok === false && syntax.errors[0]).toMatch(/^path: expected a path such as/);
    const json = pathEditVariant(storm(), 'nodes.server.workers', '{workers: 8');
    expect(json.ok === false && json.errors[0]).toMatch(/^value: the value is not JSON/);
    const same = pathEditVariant(storm(), 'nodes.server.workers', '"unbounded"');
    expect(same).toEqual({ ok: false, errors: ['the change leaves the scenario as it is: nothing to compare'] });
  });

  it('writeAt removes a field with undefined and leaves the original alone', () => {
    const a = storm();
    const written = writeAt(a, 'nodes[clients].retry', undefined);
    expect(written.ok && readAt(written.doc, 'nodes[clients].retry')).toBeUndefined();
    expect(readAt(a, 'nodes[clients].retry')).toEqual({ attempts: 2 });
  });
});

describe('which edits keep the traffic', () => {
  it('a fault on the clients or the seed changes it; a link\'s loss, a timeout or the workers do not', () => {
    const a = storm();
    const verdict = (path: string, value: string) => {
      const result = pathEditVariant(a, path, value);
      if (!result.ok) throw new Error(result.errors.join('\n'));
      return sameTraffic(a, diffDocuments(a, result.variant.doc)).same;
    };
    expect(verdict('faults[0].for', '"20s"')).toBe(false); // setRate on clients, longer
    expect(verdict('nodes.clients.timeout', '"5s"')).toBe(true);
    expect(verdict('nodes.server.workers', '8')).toBe(true);
    expect(verdict('links.clients-server.loss', '0.1')).toBe(true);
    expect(verdict('seed', '5')).toBe(false);
  });
});
