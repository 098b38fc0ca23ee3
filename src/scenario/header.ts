/**
 * The top level of a scenario file, and its guide steps. The lists (nodes, links, faults, guide)
 * are only bounded here; parse.ts reads their items one by one, so one broken node does not hide
 * the problems of the others.
 */
import type { GuideStep } from '../engine/index.ts';
import { z } from './zod.ts';
import { fields, leaf, list, reject } from './fields.ts';
import { describeValue, quote } from './errors.ts';
import { durationField, formatDuration } from './durations.ts';
import { booleanField, ID_PATTERN, textField, wholeNumberField } from './values.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { storySchema } from './story.ts';
import { FORMAT_V1, LIST_BOUNDS, MAX_WATCHED_IDS } from './header-facts.ts';

export { SCENARIO_SCHEMA_ID, withSchemaReference } from './header-facts.ts';

export { FORMAT_V1, LIST_BOUNDS, MAX_WATCHED_IDS };

const formatField = leaf({
  expected: quote(FORMAT_V1),
  json: { const: FORMAT_V1, description: 'The format and its version.' },
  read: (value) => {
    if (value === FORMAT_V1) return FORMAT_V1;
    if (typeof value === 'string' && value.startsWith('faultline.scenario/')) {
      return reject(`this file is ${quote(value)}; this version of Faultline reads ${quote(FORMAT_V1)}`);
    }
    return reject(`expected ${quote(FORMAT_V1)}, got ${describeValue(value)}`);
  },
});

/** A node or link id in a step's `watch` (whether it exists is checked with the whole file: guide-checks.ts). */
const watchedIdField = leaf({
  expected: 'a node or link id: 1–64 letters, digits, "_", ".", ":" or "-"',
  json: { type: 'string', pattern: ID_PATTERN.source, description: 'A node or link id.' },
  read: (value) => (typeof value === 'string' && ID_PATTERN.test(value) ? value : reject()),
});

export const guideStepSchema = fields({
  at: durationField({ description: 'When this step is shown, from the start of the run.' }),
  title: textField({ maxLength: SCENARIO_LIMITS.maxGuideTitleLength, what: 'a title', nonEmpty: true }),
  text: textField({ maxLength: SCENARIO_LIMITS.maxGuideTextLength, what: 'markdown text' }),
  predict: textField({
    maxLength: SCENARIO_LIMITS.maxGuideTitleLength * 5,
    what: 'a question',
    nonEmpty: true,
    description: 'A question for the participants; a box takes their guess, shown later beside the step\'s `outcome` (or, without one, its text). Default: none.',
  }).optional(),
  outcome: textField({
    maxLength: SCENARIO_LIMITS.maxGuideTextLength,
    what: 'markdown text',
    nonEmpty: true,
    description: 'Markdown: the answer, hidden until the run has played on to `at` + `reveal`. Default: none.',
  }).optional(),
  reveal: durationField({
    description: 'How long after `at` the step\'s outcome is visible on the canvas: the guide pauses there too and only then shows `outcome`. Default 0 (shown once the run plays on from `at`).',
  }).optional(),
  watch: list(watchedIdField, { max: MAX_WATCHED_IDS, noun: ['id', 'ids'], isLimit: true })
    .meta({ description: 'Node and link ids to look at while this step is current (highlighted on the canvas). Default: none.' })
    .optional(),
  pause: booleanField('Whether the guide pauses the run at this step (when its "pause at steps" toggle is on). Default true.').optional(),
}).transform(({ at, title, text, predict, outcome, reveal, watch, pause }): GuideStep => ({
  atMs: at,
  title,
  text,
  // written only when present: a step read back equals the step written
  ...(predict === undefined ? {} : { predict }),
  ...(outcome === undefined ? {} : { outcome }),
  ...(reveal === undefined ? {} : { revealMs: reveal }),
  ...(watch === undefined ? {} : { watch }),
  ...(pause === undefined ? {} : { pause }),
}));

export const headerShape = {
  /** Lets a file point editors at its schema (SCENARIO_SCHEMA_ID, or a local docs/scenario.schema.json); ignored. */
  $schema: z.string().optional(),
  format: formatField,
  name: textField({ maxLength: SCENARIO_LIMITS.maxNameLength, what: 'a name', nonEmpty: true }),
  description: textField({
    maxLength: SCENARIO_LIMITS.maxDescriptionLength,
    what: 'a markdown description',
    description: 'Markdown shown in the library and the guide panel. Default "".',
  }).prefault(''),
  seed: wholeNumberField({ min: 0, max: Number.MAX_SAFE_INTEGER, maxIsLimit: true, description: 'Seed of every random stream. Default 1.' }).prefault(1),
  duration: durationField({
    positive: true,
    maxMs: SCENARIO_LIMITS.maxDurationMs,
    maxIsLimit: true,
    description: 'Simulated time the run covers.',
  }),
  sampleEvery: durationField({
    minMs: SCENARIO_LIMITS.minSampleEveryMs,
    description: 'Interval of the metric series. Default "1s".',
  }).prefault('1s'),
  warmup: durationField({ description: 'Totals and percentiles ignore what happens before this. Default 0.' }).prefault(0),
  story: storySchema.optional(),
};

export const headerSchema = fields({
  ...headerShape,
  nodes: list(z.unknown(), LIST_BOUNDS.nodes),
  links: list(z.unknown(), LIST_BOUNDS.links).prefault([]),
  faults: list(z.unknown(), LIST_BOUNDS.faults).prefault([]),
  guide: list(z.unknown(), LIST_BOUNDS.guide).prefault([]),
  probes: list(z.unknown(), LIST_BOUNDS.probes).optional(),
  alerts: list(z.unknown(), LIST_BOUNDS.alerts).optional(),
}).transform((header, ctx) => {
  const { duration, sampleEvery, warmup } = header;
  if (warmup >= duration) {
    ctx.addIssue({ code: 'custom', path: ['warmup'], message: `expected a warm-up shorter than the duration (${formatDuration(duration)}), got ${formatDuration(warmup)}` });
  }
  if (duration / sampleEvery > SCENARIO_LIMITS.maxSamples) {
    const smallest = formatDuration(Math.ceil(duration / SCENARIO_LIMITS.maxSamples));
    ctx.addIssue({
      code: 'custom',
      path: ['sampleEvery'],
      message: `expected at most ${SCENARIO_LIMITS.maxSamples} samples per run (a Faultline limit), got ${formatDuration(duration)} / ${formatDuration(sampleEvery)} = ${Math.ceil(duration / sampleEvery)}; use a sampleEvery of at least ${smallest}`,
    });
  }
  header.story?.moments?.forEach((moment, i) => {
    if (moment.atMs >= duration) {
      ctx.addIssue({ code: 'custom', path: ['story', 'moments', i, 'at'], message: `expected a moment before the end of the run (${formatDuration(duration)}), got ${formatDuration(moment.atMs)}` });
    }
  });
  return {
    name: header.name,
    description: header.description,
    seed: header.seed,
    durationMs: duration,
    sampleEveryMs: sampleEvery,
    warmupMs: warmup,
    ...(header.story === undefined ? {} : { story: header.story }),
  };
});

export type ScenarioHeader = z.output<typeof headerSchema>;
