// The story's time of day (src/story/story-clock.ts): the embed's clock reads the incident's time,
// as the captions do — from `story.startsAt`, or the time a guide step at t = 0 opens its title with.
import { describe, expect, it } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { storyOf, storyStartOfDay, timeOfDay } from '../../src/story/index.ts';

function storyOfBuiltin(id: string) {
  const result = parseScenario(builtinScenarios.find((b) => b.id === id)!.scenario);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return storyOf(result.spec);
}

describe("the story's time of day", () => {
  it('comes from the opening guide step of both outage stories, with its zone', () => {
    expect(storyOfBuiltin('key-removal-2021').startOfDay).toEqual({ minutes: 18 * 60 + 30, zone: 'UTC' });
    expect(storyOfBuiltin('mfa-outage-2019').startOfDay).toEqual({ minutes: 13 * 60 + 20, zone: 'UTC' });
    expect(storyOfBuiltin('checkout').startOfDay, 'a story without a time of day keeps the run clock alone').toBeNull();
  });

  it('story.startsAt wins over a title; a step after t = 0 or a title without a time sets nothing', () => {
    const at0 = [{ atMs: 0, title: '18:30 UTC — healthy' }];
    expect(storyStartOfDay(9 * 60, at0)).toEqual({ minutes: 540, zone: '' });
    expect(storyStartOfDay(undefined, [{ atMs: 1000, title: '18:30 — later' }])).toBeNull();
    expect(storyStartOfDay(undefined, [{ atMs: 0, title: 'Healthy — at first' }])).toBeNull();
    expect(storyStartOfDay(undefined, [{ atMs: 0, title: '25:10 — not a time' }])).toBeNull();
    expect(storyStartOfDay(undefined, [{ atMs: 0, title: '09:25 the next day — a phrase' }])).toBeNull();
    expect(storyStartOfDay(undefined, [{ atMs: 0, title: '7:05 — early' }])).toEqual({ minutes: 425, zone: '' });
  });

  it('reads to the second and wraps past midnight', () => {
    const start = { minutes: 18 * 60 + 30, zone: 'UTC' };
    expect(timeOfDay(0, start)).toBe('18:30:00 UTC');
    expect(timeOfDay(35 * 60_000 + 22_700, start)).toBe('19:05:22 UTC');
    expect(timeOfDay(895 * 60_000, start)).toBe('09:25:00 UTC'); // "09:25 the next day"
    expect(timeOfDay(61_000, { minutes: 23 * 60 + 59, zone: '' })).toBe('00:00:01');
  });
});
