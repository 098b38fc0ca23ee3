/**
 * src/expect: a scenario's `expect` list checked against its run's report (docs/format.md
 * "Expectations"; the CLI's `run` and `test`). Pure and host-free. See README.md.
 */
export { evaluateExpect, expectPassed, type AssertionResult, type AssertionStatus, type AssertionValue, type ExpectReport } from './evaluate.ts';
export { formatExpectTable, describeResult, formatValue, counts } from './table.ts';
