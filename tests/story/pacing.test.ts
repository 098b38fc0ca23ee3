import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinScenarios } from '../../src/scenarios/index.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import type { ScenarioSpec } from '../../src/engine/spec.ts';
import { planStory, playbackAt, segmentAt, simAtPlayback, storySimAfter, STORY_DEFAULTS } from '../../src/story/index.ts';

function specOf(document: unknown): ScenarioSpec {
  const result = parseScenario(document);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.spec;
}

const builtin = (id: string) => specOf(builtinScenarios.find((b) => b.id === id)!.scenario);
const firstFaultMs = (spec: ScenarioSpec) => Math.min(...spec.faults.map((f) => f.atMs));
const seconds = (ms: number) => ms / 1000;

describe('story targets (issue 11), from the pure schedule', () => {
  it('key-removal-2021: K1 vanishes within 8 s of play; the whole story, forced refresh included, plays in ≤ 150 s', () => {
    const spec = builtin('key-removal-2021');
    const plan = planStory(spec);
    const removal = spec.faults.find((f) => f.action === 'removeKey')!;
    const forced = spec.faults.find((f) => f.action === 'forceRefresh')!;
    expect(seconds(playbackAt(plan, removal.atMs))).toBeLessThanOrEqual(8);
    expect(seconds(playbackAt(plan, forced.atMs))).toBeLessThanOrEqual(150);
    expect(seconds(plan.playbackMs)).toBeLessThanOrEqual(150);
  });

  it('mfa-outage-2019: the route turns lossy within 8 s; the story ends in ≤ 120 s', () => {
    const spec = builtin('mfa-outage-2019');
    const plan = planStory(spec);
    expect(seconds(playbackAt(plan, firstFaultMs(spec)))).toBeLessThanOrEqual(8);
    expect(seconds(plan.playbackMs)).toBeLessThanOrEqual(120);
  });

  const withFaults = builtinScenarios.filter((b) => specOf(b.scenario).faults.length > 0);
  it.each(withFaults.map((b) => [b.id]))('%s reaches its first fault within 10 s', (id) => {
    const spec = builtin(id);
    expect(seconds(playbackAt(planStory(spec), firstFaultMs(spec)))).toBeLessThanOrEqual(10);
  });

  it.each(builtinScenarios.map((b) => [b.id]))('%s: every step and fault gets a readable dwell, never a fast-forward', (id) => {
    const spec = builtin(id);
    const plan = planStory(spec);
    const moments = [...spec.guide.map((s) => s.atMs), ...spec.faults.map((f) => f.atMs)].filter((ms) => ms < spec.durationMs);
    for (const atMs of moments) {
      const segment = segmentAt(plan, atMs)!;
      expect(segment.kind, `${id} at ${atMs} ms`).toBe('dwell');
      // the clock crosses the moment slowly: at most the dwell rate, far from a fast-forward
      expect(segment.rate).toBeLessThanOrEqual(Math.max(1, spec.sampleEveryMs / 1000));
    }
  });

  it.each(builtinScenarios.map((b) => [b.id]))('%s: segments tile the run from 0 to its end, each with a label', (id) => {
    const plan = planStory(builtin(id));
    expect(plan.segments[0]!.fromMs).toBe(0);
    expect(plan.segments.at(-1)!.toMs).toBe(plan.durationMs);
    plan.segments.forEach((segment, i) => {
      if (i > 0) expect(segment.fromMs).toBe(plan.segments[i - 1]!.toMs);
      expect(segment.toMs).toBeGreaterThan(segment.fromMs);
      expect(segment.rate).toBeGreaterThan(0);
      expect(segment.label).toMatch(/^(×\d+ — |fast-forward ×\d+ to )\S/);
    });
  });
});

describe('the pacing plan', () => {
  const spec = builtin('key-removal-2021');
  const plan = planStory(spec);

  it('labels the removal and a quiet span the way a reader reads them', () => {
    expect(segmentAt(plan, 30 * 60_000)!.label).toBe('×60 — K1 is removed from Published keys');
    // 19:05 + the dwell → 19:35: a fast-forward named by the next step's time of day
    expect(segmentAt(plan, 50 * 60_000)!.label).toMatch(/^fast-forward ×\d+ to 19:35$/);
    expect(segmentAt(plan, 50 * 60_000)!.kind).toBe('fastForward');
  });

  it('a quiet span takes the fast-forward time (rounded up to a rate that reads well, so never longer)', () => {
    for (const segment of plan.segments.filter((s) => s.kind === 'fastForward')) {
      expect((segment.toMs - segment.fromMs) / segment.rate).toBeLessThanOrEqual(STORY_DEFAULTS.fastForwardMs + 1e-9);
    }
  });

  it('playback and simulated time are inverse, and storySimAfter adds playback (fixed seed)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: plan.durationMs, noNaN: true }), fc.double({ min: 0, max: 20_000, noNaN: true }), (simMs, wallMs) => {
        expect(simAtPlayback(plan, playbackAt(plan, simMs))).toBeCloseTo(simMs, 3);
        const after = storySimAfter(plan, simMs, wallMs);
        expect(after).toBeGreaterThanOrEqual(simMs - 1e-6);
        expect(playbackAt(plan, after)).toBeCloseTo(Math.min(plan.playbackMs, playbackAt(plan, simMs) + wallMs), 3);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('a scenario with nothing happening plays steadily in about a minute', () => {
    const mm1 = planStory(builtin('mm1'));
    expect(mm1.segments).toHaveLength(1);
    expect(mm1.playbackMs).toBeGreaterThan(30_000);
    expect(mm1.playbackMs).toBeLessThanOrEqual(60_000);
  });
});

describe('the story block overrides the derived plan', () => {
  const base = {
    format: 'faultline.scenario/v1',
    name: 'one crash',
    duration: '10m',
    nodes: [
      { id: 'users', kind: 'client', rate: 5, target: 'api' },
      { id: 'api', kind: 'service', workers: 2, serviceTime: '50ms' },
    ],
    links: [{ id: 'users-api', from: 'users', to: 'api' }],
    faults: [{ at: '5m', target: 'api', action: 'crash', for: '1m' }],
  };

  it('rate, dwell and fast-forward change the schedule', () => {
    const derived = planStory(specOf(base));
    expect(segmentAt(derived, 5 * 60_000)!.rate).toBe(1);
    const told = planStory(specOf({ ...base, story: { rate: 5, dwell: '4s', fastForward: '1s' } }));
    const crash = segmentAt(told, 5 * 60_000)!;
    expect(crash.rate).toBe(5);
    expect(crash.toMs - crash.fromMs).toBe(20_000); // 4 s of playback at ×5
    expect(crash.label).toBe('×5 — api crashes');
    const quiet = told.segments.find((s) => s.kind === 'fastForward')!;
    expect((quiet.toMs - quiet.fromMs) / quiet.rate).toBeLessThanOrEqual(1000);
  });

  it('a declared moment dwells for its own span at its own rate, and startsAt names times of day', () => {
    const plan = planStory(specOf({ ...base, story: { startsAt: '13:20', moments: [{ at: '8m', for: '30s', rate: 2, title: 'the aftermath' }] } }));
    const moment = segmentAt(plan, 8 * 60_000)!;
    expect(moment).toMatchObject({ fromMs: 480_000, toMs: 510_000, rate: 2, label: '×2 — the aftermath' });
    expect(plan.segments.some((s) => s.label === 'fast-forward ×120 to 13:25' || /to 13:25$/.test(s.label))).toBe(true);
  });
});

describe('a step whose answer shows later is a moment of its own', () => {
  it('mfa-outage-2019 dwells at 13:33, where the 13:30 step reveals all 50 workers busy', () => {
    const spec = builtin('mfa-outage-2019');
    const step = spec.guide.find((s) => s.revealMs !== undefined)!;
    const revealMs = step.atMs + step.revealMs!;
    const segment = segmentAt(planStory(spec), revealMs);
    expect(segment?.kind).toBe('dwell');
    expect(segment?.label).toMatch(/what happened/);
  });
});
