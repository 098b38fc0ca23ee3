/**
 * The story's pacing plan: a scenario → a schedule of simulated time against seconds of playback.
 * The clock dwells at a readable rate on each moment (a fault, a guide step, a declared moment)
 * and the simulated span after it where its consequence shows, takes a short run-up into the
 * next moment at the same rate, and fast-forwards through the quiet spans between. Pure: the
 * worker follows it (workers/run-loop.ts), the embed labels the current rate from it, and the
 * tests check every built-in's targets against it (tests/story).
 */
import type { ScenarioSpec } from '../engine/index.ts';
import { storyMoments, type StoryMoment } from './moments.ts';
import { clockPrefix, storyClock } from './story-clock.ts';

/** Playback defaults (real time), each overridable in the format's `story`. */
export const STORY_DEFAULTS = {
  /** Playback spent on a moment and what follows it. */
  dwellMs: 8000,
  /** Playback a quiet span takes, however long it is in simulated time. */
  fastForwardMs: 2000,
} as const;

/** The opening: the scenario before anything happens, long enough to see it is healthy. */
const OPENING_MS = 2500;
/** The run-up into a moment after a fast-forward, at the moment's rate. */
const LEAD_MS = 1500;
/** A quiet span shorter than this at the dwell rate is not worth a fast-forward. */
const SHORT_QUIET_MS = 3000;
/** A scenario without moments plays as one steady span of about this long. */
const STEADY_STORY_MS = 60_000;

/**
 * Rates a label can say at a glance: a second, a minute or an hour per second, and the steps
 * between. A derived rate is rounded onto this ladder (fast-forwards round up: never slower).
 */
const NICE_RATES = [1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600, 7200, 14_400, 36_000, 86_400, 172_800, 432_000, 864_000];

export function niceRateUp(rate: number): number {
  return NICE_RATES.find((nice) => nice >= rate) ?? Math.ceil(rate);
}

export function niceRateDown(rate: number): number {
  let best = NICE_RATES[0]!;
  for (const nice of NICE_RATES) if (nice <= rate) best = nice;
  return best;
}

export type StorySegmentKind = 'dwell' | 'lead' | 'fastForward';

export interface StorySegment {
  fromMs: number;
  toMs: number;
  /** Simulated ms per ms of playback (×). */
  rate: number;
  kind: StorySegmentKind;
  /** "×60 — Published keys stops publishing K1", "fast-forward ×1200 to 19:35". */
  label: string;
  /** Playback time (ms) at which the story reaches `fromMs`. */
  startPlaybackMs: number;
}

export interface StoryPlan {
  durationMs: number;
  /** Contiguous, from 0 to durationMs. */
  segments: StorySegment[];
  /** Playback the whole run takes at story pace, ms. */
  playbackMs: number;
}

type PlanSource = Pick<ScenarioSpec, 'durationMs' | 'sampleEveryMs' | 'faults' | 'guide' | 'nodes' | 'links' | 'story'>;

/**
 * The readable rate: the scenario's own time scale. Authors pick `sampleEvery` for what is worth
 * seeing (1 s for a retry storm, 1 min for a twelve-hour key incident), so one sample per second
 * of playback is the default; `story.rate` overrides it.
 */
export function dwellRate(spec: Pick<ScenarioSpec, 'sampleEveryMs' | 'story'>): number {
  return spec.story?.rate ?? niceRateDown(Math.max(1, spec.sampleEveryMs / 1000));
}

export function planStory(spec: PlanSource): StoryPlan {
  const rate = dwellRate(spec);
  const dwellMs = spec.story?.dwellMs ?? STORY_DEFAULTS.dwellMs;
  const fastForwardMs = spec.story?.fastForwardMs ?? STORY_DEFAULTS.fastForwardMs;
  const startsAt = spec.story?.startsAtMin;
  const end = spec.durationMs;
  const segments: StorySegment[] = [];
  const push = (fromMs: number, toMs: number, segmentRate: number, kind: StorySegmentKind, label: string) => {
    if (toMs > fromMs) segments.push({ fromMs, toMs, rate: segmentRate, kind, label, startPlaybackMs: 0 });
  };

  const moments = storyMoments(spec);
  if (moments.length === 0) {
    const steady = Math.max(rate, niceRateUp(end / STEADY_STORY_MS));
    push(0, end, steady, 'dwell', `×${steady} — steady state: no faults, no steps`);
    return withPlayback(end, segments);
  }
  if (moments[0]!.atMs > 0) moments.unshift({ atMs: 0, label: 'before anything happens', hasFault: false });

  /** Simulated time from `fromMs` up to the moment `next` (or the end): quiet, then a run-up. */
  const approach = (fromMs: number, toMs: number, next: StoryMoment | undefined) => {
    const nextRate = next?.rate ?? rate;
    const span = toMs - fromMs;
    if (span <= 0) return;
    const lead = next === undefined ? 0 : Math.min(span, nextRate * LEAD_MS);
    const quiet = span - lead;
    if (quiet / rate <= SHORT_QUIET_MS) {
      // Not worth a fast-forward: the run-up starts here.
      push(fromMs, toMs, nextRate, 'lead', next === undefined ? `×${nextRate} — to the end` : `×${nextRate} — next: ${next.label}`);
      return;
    }
    const hurry = Math.max(rate, niceRateUp(quiet / fastForwardMs));
    const where = next === undefined ? 'the end' : (clockPrefix(next.stepTitle ?? '') ?? storyClock(next.atMs, startsAt));
    push(fromMs, fromMs + quiet, hurry, 'fastForward', `fast-forward ×${hurry} to ${where}`);
    if (next !== undefined) push(fromMs + quiet, toMs, nextRate, 'lead', `×${nextRate} — next: ${next.label}`);
  };

  let cursor = 0;
  moments.forEach((moment, i) => {
    approach(cursor, moment.atMs, moment);
    const momentRate = moment.rate ?? rate;
    const playback = moment.atMs === 0 ? OPENING_MS : dwellMs;
    const wanted = moment.forMs ?? momentRate * playback;
    const until = Math.min(end, moment.atMs + wanted, moments[i + 1]?.atMs ?? end);
    push(moment.atMs, until, momentRate, 'dwell', `×${momentRate} — ${moment.label}`);
    cursor = Math.max(cursor, until);
  });
  approach(cursor, end, undefined);
  return withPlayback(end, segments);
}

function withPlayback(durationMs: number, segments: StorySegment[]): StoryPlan {
  let playbackMs = 0;
  for (const segment of segments) {
    segment.startPlaybackMs = playbackMs;
    playbackMs += (segment.toMs - segment.fromMs) / segment.rate;
  }
  return { durationMs, segments, playbackMs };
}

/** The segment that holds `simMs` (the last one at the end). */
export function segmentAt(plan: StoryPlan, simMs: number): StorySegment | undefined {
  const { segments } = plan;
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.fromMs <= simMs) lo = mid;
    else hi = mid - 1;
  }
  return segments[lo];
}

/** Playback time (ms) at which the story reaches `simMs`. */
export function playbackAt(plan: StoryPlan, simMs: number): number {
  const segment = segmentAt(plan, simMs);
  if (segment === undefined) return 0;
  const within = Math.min(Math.max(simMs, segment.fromMs), segment.toMs) - segment.fromMs;
  return segment.startPlaybackMs + within / segment.rate;
}

/** Simulated time the story shows after `playbackMs` of playback (the end after its last). */
export function simAtPlayback(plan: StoryPlan, playbackMs: number): number {
  const { segments } = plan;
  let lo = 0;
  let hi = segments.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.startPlaybackMs <= playbackMs) lo = mid;
    else hi = mid - 1;
  }
  const segment = segments[lo]!;
  return Math.min(segment.toMs, segment.fromMs + Math.max(0, playbackMs - segment.startPlaybackMs) * segment.rate);
}

/** Where the story's clock is `wallMs` of playback after `fromSimMs`: what the worker follows. */
export function storySimAfter(plan: StoryPlan, fromSimMs: number, wallMs: number): number {
  return simAtPlayback(plan, playbackAt(plan, fromSimMs) + wallMs);
}
