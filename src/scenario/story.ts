/**
 * The top level's optional `story`: overrides of the pacing plan that src/story derives from the
 * guide and the faults (docs/format.md, "story"). Every field is optional; the whole block is
 * presentation, so the engine never reads it and editing it changes no number.
 */
import type { StoryMomentSpec, StorySpec } from '../engine/index.ts';
import { fields, leaf, list, reject } from './fields.ts';
import { durationField } from './durations.ts';
import { numberField, textField } from './values.ts';
import { SCENARIO_LIMITS } from './limits.ts';

/** Playback (real) time of a dwell or a fast-forward: a blink to a minute. */
const MIN_PLAYBACK_MS = 100;
const MAX_PLAYBACK_MS = 60_000;
/** A day per second of playback is already a blur; beyond that a rate means nothing. */
const MAX_STORY_RATE = 1_000_000;

const rateField = (description: string) => numberField({ min: 0.01, max: MAX_STORY_RATE, description });

const playbackField = (description: string) =>
  durationField({ minMs: MIN_PLAYBACK_MS, maxMs: MAX_PLAYBACK_MS, description });

/** "13:20" → 800 (minutes after midnight). */
const timeOfDayField = leaf({
  expected: 'a time of day "HH:MM" (00:00–23:59)',
  json: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'The time of day at t = 0, for captions made from faults and fast-forward labels ("13:20"). Default: none (the run\'s own clock).' },
  read: (value) => {
    const match = typeof value === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value) : null;
    return match === null ? reject() : Number(match[1]) * 60 + Number(match[2]);
  },
});

const storyMomentSchema = fields({
  at: durationField({ description: 'When it happens, from the start of the run.' }),
  for: durationField({ positive: true, description: 'Simulated time to dwell over from `at`. Default: the story\'s dwell at its rate.' }).optional(),
  rate: rateField('Simulated seconds per second of playback while dwelling here. Default: the story\'s rate.').optional(),
  title: textField({ maxLength: SCENARIO_LIMITS.maxGuideTitleLength, what: 'a caption', nonEmpty: true, description: 'A caption for this moment. Default: none.' }).optional(),
}).transform(({ at, for: forMs, rate, title }): StoryMomentSpec => ({
  atMs: at,
  ...(forMs === undefined ? {} : { forMs }),
  ...(rate === undefined ? {} : { rate }),
  ...(title === undefined ? {} : { title }),
}));

export const storySchema = fields({
  rate: rateField('Simulated seconds per second of playback where something happens. Default: one sample interval per second (at least 1).').optional(),
  dwell: playbackField('Playback (real) time spent on each moment — a fault, a guide step, a story moment. Default "8s".').optional(),
  fastForward: playbackField('Playback (real) time each quiet span between moments takes. Default "2s".').optional(),
  startsAt: timeOfDayField.optional(),
  moments: list(storyMomentSchema, { max: SCENARIO_LIMITS.maxGuideSteps, noun: ['moment', 'moments'], isLimit: true })
    .meta({ description: 'Moments to dwell on besides the guide\'s steps and the faults. Default: none.' })
    .optional(),
})
  .meta({ description: 'How the story plays at speed "story" (docs/format.md). Default: derived from the guide steps and faults.' })
  .transform(({ rate, dwell, fastForward, startsAt, moments }): StorySpec => ({
    ...(rate === undefined ? {} : { rate }),
    ...(dwell === undefined ? {} : { dwellMs: dwell }),
    ...(fastForward === undefined ? {} : { fastForwardMs: fastForward }),
    ...(startsAt === undefined ? {} : { startsAtMin: startsAt }),
    ...(moments === undefined ? {} : { moments }),
  }));
