/**
 * src/scenario's zod-free facts: what the graph store, the canvas's card summaries, the inspector's
 * fields and the fault list read of the format without validating anything — ids, durations,
 * kinds, defaults, fault actions. The embed's live stage reads the format only through here and
 * light.ts, so it carries no parser (its worker validates; issue 16); the editor validates with
 * src/store/graph/validate-document.ts. Whatever is exported here must stay zod-free —
 * tests/embed/first-load.test.ts follows its imports and fails if zod comes along.
 */
export { admissionProblem, textSizeProblem } from './admit.ts';
export { ID_PATTERN } from './id-pattern.ts';
export { ownValue, setOwnValue } from './own-keys.ts';
export { parseDuration, formatDuration } from './duration-text.ts';
export { listItemIds, listItemIndex, parseVaryPath, type PathStep } from './vary-path.ts';
export { NODE_KINDS, type NodeKind } from './node-kinds.ts';
export { defaultOf, type DefaultsOwner, type DefaultsPath } from './defaults.ts';
export { CLIENT_AUTH_DEFAULTS } from './default-values.ts';
export { FAULT_ACTIONS, FAULT_TARGET_KINDS } from './fault-targets.ts';
export { DEFAULT_BURN_WINDOWS, MAX_BURN_WINDOWS, NEXT_BURN_WINDOW } from './monitoring-facts.ts';
export type { FaultAction } from '../engine/index.ts';
// The editor's page reads these (issue 16: its page carries no parser either; the simulation
// worker validates): how a problem reads, the JSON box's and a file's text checks, the saved
// file's `$schema`, suggestions.
export { FILE_PATH, formatIssue, formatPath, isPlainObject, quote, type ScenarioIssue } from './issue-text.ts';
export { lineAndColumn, parseJsonText, type JsonTextResult } from './json-text.ts';
export { MAX_NESTING_DEPTH, nestingProblem } from './json-depth.ts';
export { FORMAT_V1, SCENARIO_SCHEMA_ID, withSchemaReference } from './header-facts.ts';
export { SCENARIO_LIMITS } from './limits.ts';
export { didYouMean } from './suggest.ts';
export { readGuideStep } from './guide-step-reader.ts';
export { EXPERIMENT_LIMITS, METRICS, metricFits, metricTargets, type MetricName, type MetricSpec, type MetricTarget } from './metric-facts.ts';
