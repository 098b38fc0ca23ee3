/**
 * src/scenario: the `faultline.scenario/v1` file format. Parses, validates and normalises a
 * scenario into the engine's ScenarioSpec (src/engine/spec.ts). See README.md and docs/format.md.
 */
export { parseScenario, parseScenarioText, type ScenarioResult } from './parse';
export { formatIssue, formatPath, type ScenarioIssue } from './errors';
export { parseDuration, formatDuration } from './durations';
export { SCENARIO_LIMITS } from './limits';
export { admissionProblem, textSizeProblem } from './admit';
export { UNSAFE_KEYS, isUnsafeKey } from './own-keys';
export { FORMAT_V1 } from './header';
export { METRICS, EXPERIMENT_LIMITS, runDocument, setAtPath, type ExperimentSpec, type MetricSpec, type MetricName } from './experiment';
export { defaultOf, type DefaultsOwner, type DefaultsPath } from './defaults';
export { CLIENT_AUTH_DEFAULTS } from './auth';
export { NODE_KINDS, type NodeKind } from './nodes';
export { FAULT_TARGET_KINDS, FAULT_ACTIONS } from './faults';
export type { FaultAction } from '../engine/spec';
