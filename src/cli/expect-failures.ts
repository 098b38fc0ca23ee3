/**
 * Failed expectations as problems: `file:line:column: expect[2]: <what was wanted and got>`, the
 * line being the entry's in the JSON text (for stderr and GitHub annotations).
 */
import type { Assertion } from '../scenario/index.ts';
import { describeResult, type ExpectReport } from '../expect/index.ts';
import { formatProblem, locateIssues, type Problem } from './problems.ts';

export function expectProblems(assertions: readonly Assertion[], section: ExpectReport, text: string | undefined): Problem[] {
  const failed = section.results.flatMap((result, i) => (result.status === 'pass' ? [] : [{ path: `expect[${result.index}]`, message: describeResult(assertions[i], result) }]));
  return locateIssues(failed, text);
}

export function expectFailures(loaded: { name: string; expect?: readonly Assertion[]; text?: string }, section: ExpectReport): string[] {
  return expectProblems(loaded.expect ?? [], section, loaded.text).map((p) => formatProblem(loaded.name, p));
}
