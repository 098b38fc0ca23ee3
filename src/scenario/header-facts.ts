/**
 * The format's name and its lists' bounds: plain facts, zod-free, so the admission gate
 * (admit.ts) and light readers (light.ts) can know them without the parser. header.ts builds
 * the schema from them.
 */
import { SCENARIO_LIMITS } from './limits.ts';

export const FORMAT_V1 = 'faultline.scenario/v1';

/** Ids a guide step may point at: a screenful of highlights, not a second copy of the graph. */
export const MAX_WATCHED_IDS = 50;

/** Bounds of the four lists, shared by the parser and the editor schema. */
export const LIST_BOUNDS = {
  nodes: { min: 1, max: SCENARIO_LIMITS.maxNodes, noun: ['node', 'nodes'], isLimit: true },
  links: { max: SCENARIO_LIMITS.maxLinks, noun: ['link', 'links'], isLimit: true },
  faults: { max: SCENARIO_LIMITS.maxFaults, noun: ['fault', 'faults'], isLimit: true },
  guide: { max: SCENARIO_LIMITS.maxGuideSteps, noun: ['guide step', 'guide steps'], isLimit: true },
  probes: { max: SCENARIO_LIMITS.maxProbes, noun: ['probe', 'probes'], isLimit: true },
  alerts: { max: SCENARIO_LIMITS.maxAlerts, noun: ['alert', 'alerts'], isLimit: true },
} as const;

/**
 * The `$id` of docs/scenario.schema.json, and the `$schema` the app writes into the files it
 * saves, so an editor (VS Code, JetBrains) completes and checks them. Stable for v1: a v2 format
 * gets a v2.json. Where it is served: docs/format.md, "Editors".
 */
export const SCENARIO_SCHEMA_ID = 'https://faultline.dev/schema/scenario/v1.json';

/**
 * The document as the app saves it: `$schema` first, pointing at the schema — unless the file
 * already names one (a local copy, a pinned version), which is the author's choice and is kept.
 */
export function withSchemaReference<T extends Record<string, unknown>>(document: T): T | ({ $schema: string } & T) {
  if (typeof document.$schema === 'string') return document;
  const { $schema: _dropped, ...rest } = document;
  return { $schema: SCENARIO_SCHEMA_ID, ...(rest as T) };
}
