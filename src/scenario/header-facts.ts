/**
 * The format's name and its lists' bounds: plain facts, zod-free, so the admission gate
 * (admit.ts) and light readers (light.ts) can know them without the parser. header.ts builds
 * the schema from them.
 */
import { SCENARIO_LIMITS } from './limits.ts';

export const FORMAT_V1 = 'faultline.scenario/v1';

/** Bounds of the four lists, shared by the parser and the editor schema. */
export const LIST_BOUNDS = {
  nodes: { min: 1, max: SCENARIO_LIMITS.maxNodes, noun: ['node', 'nodes'], isLimit: true },
  links: { max: SCENARIO_LIMITS.maxLinks, noun: ['link', 'links'], isLimit: true },
  faults: { max: SCENARIO_LIMITS.maxFaults, noun: ['fault', 'faults'], isLimit: true },
  guide: { max: SCENARIO_LIMITS.maxGuideSteps, noun: ['guide step', 'guide steps'], isLimit: true },
  probes: { max: SCENARIO_LIMITS.maxProbes, noun: ['probe', 'probes'], isLimit: true },
  alerts: { max: SCENARIO_LIMITS.maxAlerts, noun: ['alert', 'alerts'], isLimit: true },
} as const;
