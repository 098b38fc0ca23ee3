/**
 * src/scenario: the `faultline.scenario/v1` file format. Parses, validates and normalises a
 * scenario into the engine's ScenarioSpec (src/engine/spec.ts). See README.md and docs/format.md.
 */
export { parseScenario, parseScenarioText, type ParseOptions, type ScenarioResult } from './parse.ts';
export { liveFaultParser, type LiveFaultResult } from './live-fault.ts';
export { formatIssue, formatPath, type ScenarioIssue } from './errors.ts';
export { parseDuration, formatDuration } from './durations.ts';
export { SCENARIO_LIMITS } from './limits.ts';
export { admissionProblem, textSizeProblem } from './admit.ts';
export { UNSAFE_KEYS, isUnsafeKey } from './own-keys.ts';
export { FORMAT_V1, SCENARIO_SCHEMA_ID, withSchemaReference } from './header.ts';
export { METRICS, EXPERIMENT_LIMITS, runDocument, setAtPath, metricFits, metricTargets, type ExperimentSpec, type MetricSpec, type MetricName, type MetricTarget } from './experiment.ts';
export { EXPECT_LIMITS, assertionLabel, describeComparison, type Assertion, type MetricAssertion, type Comparison } from './expect.ts';
export { LEVEL_SERIES, DERIVED_CLIENT_SHARES, WINDOW_AGGREGATES, type ReportGroup, type WindowAggregate } from './expect-paths.ts';
export { defaultOf, type DefaultsOwner, type DefaultsPath } from './defaults.ts';
export { CLIENT_AUTH_DEFAULTS } from './auth.ts';
export { NODE_KINDS, type NodeKind } from './nodes.ts';
export { FAULT_TARGET_KINDS, FAULT_ACTIONS } from './faults.ts';
export { didYouMean } from './suggest.ts';
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
