/**
 * src/scenario: the `faultline.scenario/v1` file format. Parses, validates and normalises a
 * scenario into the engine's ScenarioSpec (src/engine/spec.ts). See README.md and docs/format.md.
 */
export { parseScenario, parseScenarioText, type ScenarioResult } from './parse.ts';
export { formatIssue, formatPath, type ScenarioIssue } from './errors.ts';
export { parseDuration, formatDuration } from './durations.ts';
export { SCENARIO_LIMITS } from './limits.ts';
export { admissionProblem, textSizeProblem } from './admit.ts';
export { UNSAFE_KEYS, isUnsafeKey } from './own-keys.ts';
export { FORMAT_V1 } from './header.ts';
export { METRICS, EXPERIMENT_LIMITS, runDocument, setAtPath, type ExperimentSpec, type MetricSpec, type MetricName } from './experiment.ts';
export { defaultOf, type DefaultsOwner, type DefaultsPath } from './defaults.ts';
export { CLIENT_AUTH_DEFAULTS } from './auth.ts';
export { NODE_KINDS, type NodeKind } from './nodes.ts';
export { FAULT_TARGET_KINDS, FAULT_ACTIONS } from './faults.ts';
export type { FaultAction } from '../engine/index.ts';
// Parts other folders build on (the CLI's locator, the editor's JSON box, compare's paths…).
export { FILE_PATH, isPlainObject } from './errors.ts';
export { lineAndColumn, parseJsonText } from './json-text.ts';
export { MAX_NESTING_DEPTH, nestingProblem } from './json-depth.ts';
export { guideStepSchema } from './header.ts';
export { listItemIds, listItemIndex, parseVaryPath, type PathStep } from './vary-path.ts';
export { ownValue, setOwnValue } from './own-keys.ts';
export { ID_PATTERN } from './values.ts';
/** The zod the format uses (jitless, for the app's CSP): the CLI's report schema is written with it too. */
export { z } from './zod.ts';
