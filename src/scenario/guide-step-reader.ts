/**
 * A guide step read without the parser: the editor's page shows its guide from the document as
 * it is edited — each step on its own, so one bad step hides only itself — and carries no zod
 * (issue 16). The same rules as header.ts's `guideStepSchema` (which says *why* a step is wrong,
 * in the per-field messages the worker sends); tests/scenario/guide-step-reader.test.ts checks
 * that both accept the same steps and read them the same, on every built-in and on generated steps.
 */
import type { GuideStep } from '../engine/index.ts';
import { parseDuration } from './duration-text.ts';
import { MAX_WATCHED_IDS } from './header-facts.ts';
import { ID_PATTERN } from './id-pattern.ts';
import { isPlainObject } from './issue-text.ts';
import { SCENARIO_LIMITS } from './limits.ts';

const STEP_FIELDS = new Set(['at', 'title', 'text', 'predict', 'outcome', 'reveal', 'watch', 'pause']);
const OPTIONAL = Symbol('absent');

function text(value: unknown, maxLength: number, nonEmpty: boolean): string | null {
  return typeof value === 'string' && value.length <= maxLength && (!nonEmpty || value.length > 0) ? value : null;
}

/** An optional field's value, OPTIONAL when absent, null when present but wrong. */
function optional<T>(step: Record<string, unknown>, key: string, read: (value: unknown) => T | null): T | null | typeof OPTIONAL {
  return step[key] === undefined ? OPTIONAL : read(step[key]);
}

/** The step, or null when the parser would reject it. */
export function readGuideStep(raw: unknown): GuideStep | null {
  if (!isPlainObject(raw) || Object.keys(raw).some((key) => !STEP_FIELDS.has(key))) return null;
  const atMs = parseDuration(raw.at);
  const title = text(raw.title, SCENARIO_LIMITS.maxGuideTitleLength, true);
  const body = text(raw.text, SCENARIO_LIMITS.maxGuideTextLength, false);
  const predict = optional(raw, 'predict', (v) => text(v, SCENARIO_LIMITS.maxGuideTitleLength * 5, true));
  const outcome = optional(raw, 'outcome', (v) => text(v, SCENARIO_LIMITS.maxGuideTextLength, true));
  const revealMs = optional(raw, 'reveal', parseDuration);
  const watch = optional(raw, 'watch', (v) => (Array.isArray(v) && v.length <= MAX_WATCHED_IDS && v.every((id) => typeof id === 'string' && ID_PATTERN.test(id)) ? [...(v as string[])] : null));
  const pause = optional(raw, 'pause', (v) => (typeof v === 'boolean' ? v : null));
  if (atMs === null || atMs < 0 || title === null || body === null) return null;
  if (predict === null || outcome === null || revealMs === null || watch === null || pause === null) return null;
  if (revealMs !== OPTIONAL && revealMs < 0) return null;
  return {
    atMs,
    title,
    text: body,
    // written only when present: a step read back equals the step written (as guideStepSchema)
    ...(predict === OPTIONAL ? {} : { predict }),
    ...(outcome === OPTIONAL ? {} : { outcome }),
    ...(revealMs === OPTIONAL ? {} : { revealMs }),
    ...(watch === OPTIONAL ? {} : { watch }),
    ...(pause === OPTIONAL ? {} : { pause }),
  };
}
