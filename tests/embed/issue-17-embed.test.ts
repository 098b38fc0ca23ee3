// Issue 17, finding 6 (embed): a bad presentation parameter is told to the page around the
// embed as a faultline:error, and a message that uses one object twice (a DAG) is accepted while
// a real cycle, an over-deep or an over-large message is still refused.
import { describe, expect, it } from 'vitest';
import { MAX_SCENARIO_BYTES, parseInboundMessage } from '../../src/embed/messages.ts';
import { readEmbedParams } from '../../src/embed/params.ts';
import { MAX_NESTING, measurePayload } from '../../src/embed/payload-size.ts';
import { parameterErrorEvents } from '../../src/embed/startup-errors.ts';

describe('a bad embed parameter is posted as faultline:error', () => {
  it('a bad controls and a bad speed each give one event with the warning text', () => {
    const read = readEmbedParams('?embed&controls=%3Cscript%3E&speed=warp');
    expect(read.ok).toBe(true);
    expect(parameterErrorEvents(read)).toEqual([
      { type: 'faultline:error', message: '"controls" cannot be "<script>"; it is one of full, minimal, none (using the default, minimal)' },
      { type: 'faultline:error', message: '"speed" cannot be "warp"; it is one of 1, 10, 100, story, max (using the default, story)' },
    ]);
  });

  it('good parameters give no event; a bad origin gives its problem', () => {
    expect(parameterErrorEvents(readEmbedParams('?embed&controls=full&speed=max'))).toEqual([]);
    const bad = parameterErrorEvents(readEmbedParams('?embed&origin=javascript:alert(1)'));
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toMatch(/^"origin" /);
  });
});

describe('shared references are data, cycles are not', () => {
  const sharedTime = { dist: 'exponential', mean: '100ms' };
  const dag = {
    format: 'faultline.scenario/v1',
    name: 'shared',
    nodes: [
      { id: 'users', kind: 'client', rate: 5, target: 'a' },
      { id: 'a', kind: 'service', serviceTime: sharedTime },
      { id: 'b', kind: 'service', serviceTime: sharedTime },
    ],
    links: [{ id: 'users-a', from: 'users', to: 'a' }],
  };

  it('accepts a scenario that uses the same object twice, and counts it twice as JSON would', () => {
    expect(parseInboundMessage({ type: 'faultline:load', scenario: dag })).toEqual({ ok: true, command: { type: 'load', scenario: dag } });
    const shared = measurePayload(dag, 1e6);
    const copied = measurePayload(JSON.parse(JSON.stringify(dag)), 1e6);
    expect(shared).toEqual(copied);
  });

  it('accepts the same array in two places and the same leaf object many times', () => {
    const keys = ['K1', 'K2'];
    const leaf = { at: 0 };
    expect(measurePayload({ a: keys, b: keys, list: Array.from({ length: 100 }, () => leaf) }, 1e6).ok).toBe(true);
  });

  it('still refuses a real cycle, deep or shallow', () => {
    const self: Record<string, unknown> = {};
    self.me = self;
    expect(measurePayload(self, 1e6)).toEqual({ ok: false, problem: 'refers to itself (a cycle); send JSON-like data' });
    const a: Record<string, unknown> = { name: 'a' };
    const b = { next: { deeper: [a] } };
    a.back = b;
    expect(parseInboundMessage({ type: 'faultline:load', scenario: { nodes: [a] } })).toEqual({ ok: false, problem: 'the message refers to itself (a cycle); send JSON-like data' });
  });

  it('a DAG that doubles at every level is refused by its size as JSON, quickly, not walked forever', () => {
    let level: unknown = { leaf: 'x'.repeat(10) };
    for (let i = 0; i < 60; i++) level = { left: level, right: level }; // 2^60 paths
    const started = performance.now();
    expect(parseInboundMessage({ type: 'faultline:load', scenario: level })).toEqual({ ok: false, problem: `the message is larger than ${MAX_SCENARIO_BYTES / 1024} KB` });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('still refuses a message nested deeper than the limit, even through shared objects', () => {
    let deep: unknown = {};
    for (let i = 0; i < MAX_NESTING + 1; i++) deep = { deep };
    expect(parseInboundMessage({ type: 'faultline:load', scenario: { a: deep, b: deep } })).toEqual({ ok: false, problem: `the message is nested more than ${MAX_NESTING} levels deep` });
  });
});
