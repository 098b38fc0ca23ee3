/**
 * src/scenario: the `faultline.scenario/v1` file format. Parses, validates and normalises a
 * scenario into the engine's ScenarioSpec (src/engine/spec.ts). See README.md and docs/format.md.
 */
export { parseScenario, parseScenarioText, type ParseOptions, type ScenarioResult } from './parse';
export { liveFaultParser, type LiveFaultResult } from './live-fault';
export { formatIssue, formatPath, type ScenarioIssue } from './errors';
export { parseDuration, formatDuration } from './durations';
export { SCENARIO_LIMITS } from './limits';
export { admissionProblem, textSizeProblem } from './admit';
export { UNSAFE_KEYS, isUnsafeKey } from './own-keys';
export { FORMAT_V1, SCENARIO_SCHEMA_ID, withSchemaReference } from './header';
export { METRICS, EXPERIMENT_LIMITS, runDocument, setAtPath, metricFits, metricTargets, type ExperimentSpec, type MetricSpec, type MetricName, type MetricTarget } from './experiment';
export { parseVaryPath } from './vary-path';
export { EXPECT_LIMITS, assertionLabel, describeComparison, type Assertion, type MetricAssertion, type Comparison } from './expect';
export { LEVEL_SERIES, DERIVED_CLIENT_SHARES, WINDOW_AGGREGATES, type ReportGroup, type WindowAggregate } from './expect-paths';
