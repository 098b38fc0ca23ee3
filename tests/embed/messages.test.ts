import { describe, expect, it } from 'vitest';
import { MAX_COMMAND_BYTES, MAX_SCENARIO_BYTES, parseInboundMessage, type InboundResult } from '../../src/embed/messages.ts';
import { measurePayload, MAX_NESTING } from '../../src/embed/payload-size.ts';

function problemOf(result: InboundResult): string {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.command)}`);
  return result.problem;
}

describe('inbound embed messages', () => {
  it.each(['play', 'pause', 'reset'])('faultline:%s is a command', (name) => {
    expect(parseInboundMessage({ type: `faultline:${name}` })).toEqual({ ok: true, command: { type: name } });
  });

  it('setSpeed takes "story", 1, 10, 100 or "max" (numbers as text too)', () => {
    expect(parseInboundMessage({ type: 'faultline:setSpeed', speed: 100 })).toEqual({ ok: true, command: { type: 'setSpeed', speed: 100 } });
    expect(parseInboundMessage({ type: 'faultline:setSpeed', speed: '10' })).toEqual({ ok: true, command: { type: 'setSpeed', speed: 10 } });
    expect(parseInboundMessage({ type: 'faultline:setSpeed', speed: 'story' })).toEqual({ ok: true, command: { type: 'setSpeed', speed: 'story' } });
    expect(problemOf(parseInboundMessage({ type: 'faultline:setSpeed', speed: 7 }))).toContain('"speed" must be one of "story", 1, 10, 100, "max", not 7');
  });

  it('load takes a built-in id or a document, exactly one', () => {
    expect(parseInboundMessage({ type: 'faultline:load', builtin: 'mm1' })).toEqual({ ok: true, command: { type: 'load', builtin: 'mm1' } });
    const scenario = { format: 'faultline.scenario/v1', nodes: [] };
    expect(parseInboundMessage({ type: 'faultline:load', scenario })).toEqual({ ok: true, command: { type: 'load', scenario } });
    expect(problemOf(parseInboundMessage({ type: 'faultline:load' }))).toContain('exactly one of "scenario"');
    expect(problemOf(parseInboundMessage({ type: 'faultline:load', builtin: 'mm1', scenario }))).toContain('exactly one of');
    expect(problemOf(parseInboundMessage({ type: 'faultline:load', scenario: [1, 2] }))).toContain('not an array');
  });

  it('inject needs a target and one of the format\'s fault actions', () => {
    expect(parseInboundMessage({ type: 'faultline:inject', fault: { target: 'api', action: 'crash' } })).toEqual({
      ok: true,
      command: { type: 'inject', fault: { target: 'api', action: 'crash' } },
    });
    expect(problemOf(parseInboundMessage({ type: 'faultline:inject', fault: { target: 'api', action: 'explode' } }))).toContain('"fault".action must be one of down, up,');
    expect(problemOf(parseInboundMessage({ type: 'faultline:inject', fault: { action: 'crash' } }))).toContain('"fault".target must be');
    expect(problemOf(parseInboundMessage({ type: 'faultline:inject' }))).toContain('"fault" must be an object');
  });

  it('names the unknown type and lists the known ones', () => {
    const problem = problemOf(parseInboundMessage({ type: 'faultline:explode' }));
    expect(problem).toContain('unknown message type "faultline:explode"');
    expect(problem).toContain('faultline:load, faultline:play');
  });

  it.each([
    [null, 'not null'],
    ['faultline:play', 'not a string'],
    [[{ type: 'faultline:play' }], 'not an array'],
    [{}, 'needs a string "type"'],
    [{ type: 'faultline:play', version: 2 }, 'version 2 is not spoken here'],
  ])('refuses %j', (data, message) => {
    expect(problemOf(parseInboundMessage(data))).toContain(message);
  });

  it('a scenario above 2 MB is refused by size', () => {
    const huge = { format: 'faultline.scenario/v1', description: 'x'.repeat(MAX_SCENARIO_BYTES) };
    expect(problemOf(parseInboundMessage({ type: 'faultline:load', scenario: huge }))).toContain('larger than 2048 KB');
  });

  it('a command other than load is limited to 16 KB', () => {
    const fault = { target: 'api', action: 'crash', note: 'x'.repeat(MAX_COMMAND_BYTES) };
    expect(problemOf(parseInboundMessage({ type: 'faultline:inject', fault }))).toContain(`at most ${MAX_COMMAND_BYTES}`);
  });

  it('cycles, deep nesting and non-JSON values are refused by name', () => {
    const cyclic: Record<string, unknown> = { format: 'faultline.scenario/v1' };
    cyclic.self = cyclic;
    expect(problemOf(parseInboundMessage({ type: 'faultline:load', scenario: cyclic }))).toContain('refers to itself');
    let deep: unknown = {};
    for (let i = 0; i < MAX_NESTING + 5; i++) deep = { deep };
    expect(problemOf(parseInboundMessage({ type: 'faultline:load', scenario: deep }))).toContain(`more than ${MAX_NESTING} levels`);
    expect(problemOf(parseInboundMessage({ type: 'faultline:load', scenario: { when: new Date(0) } }))).toContain('carries a Date');
    expect(problemOf(parseInboundMessage({ type: 'faultline:play', extra: new Map() }))).toContain('carries a Map');
  });

  it('the size measure counts roughly as JSON does', () => {
    const doc = { name: 'x'.repeat(1000), nodes: [{ id: 'a', rate: 1 }] };
    const measured = measurePayload(doc, 1e6);
    expect(measured.ok).toBe(true);
    const json = JSON.stringify(doc).length;
    if (measured.ok) expect(measured.bytes).toBeGreaterThan(json * 0.8);
    if (measured.ok) expect(measured.bytes).toBeLessThan(json * 1.5);
  });

  it('refuses a huge sparse array by its length, before walking its elements', () => {
    const sparse: unknown[] = [];
    sparse.length = 50_000_000; // a few bytes through postMessage; 50 M holes to walk
    let visited = 0;
    const probe = new Proxy(sparse, { get: (target, key) => (key !== 'length' && typeof key === 'string' && /^\d+$/.test(key) ? (visited++, undefined) : Reflect.get(target, key)) });
    const measured = measurePayload({ scenario: probe }, 2 * 1024 * 1024);
    expect(measured).toMatchObject({ ok: false, problem: 'is larger than 2048 KB' });
    expect(visited).toBe(0);
  });
});
