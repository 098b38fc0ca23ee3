/**
 * A problem with a source, as every command prints it: `file: path: message`, or
 * `file:line:column: path: message` where the JSON text has a position for it.
 */
import { FILE_PATH } from '../scenario/index.ts';

export { FILE_PATH };
import type { ScenarioIssue } from '../scenario/index.ts';
import { locatePath } from './locate.ts';

export interface Problem {
  /** Where in the document ("nodes[1].workers"), or "(file)" for the file as a whole. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

/** Positions cost a scan of the text each: enough for every file a person fixes by hand. */
const MAX_LOCATED = 200;

/** Issues from the parser, with their line and column in `text` (if the document came from text). */
export function locateIssues(issues: readonly ScenarioIssue[], text: string | undefined): Problem[] {
  return issues.map((issue, index) => {
    const position = text !== undefined && index < MAX_LOCATED ? locatePath(text, issue.path) : null;
    return position === null ? { ...issue } : { ...issue, ...position };
  });
}

export function formatProblem(file: string, problem: Problem): string {
  const where = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column}`;
  // a problem with the file as a whole ("(file)") needs no path: `x.json: expected a file of…`
  return problem.path === FILE_PATH ? `${where}: ${problem.message}` : `${where}: ${problem.path}: ${problem.message}`;
}
