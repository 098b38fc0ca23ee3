/**
 * `faultline test`'s outcome per file, and the reporters that write it for CI: JUnit XML
 * (`--reporter junit=FILE`, read by most CI systems) and GitHub Actions annotations
 * (`--reporter github`: `::error file=…,line=…::` on stdout, shown on the pull request's diff).
 */
import { assertionLabel, type Assertion } from '../scenario/index.ts';
import { describeResult, type ExpectReport } from '../expect/index.ts';
import { FILE_PATH, type Problem } from './problems.ts';
import { commandData as data, commandProperty as property } from './github-commands.ts';

export type FileOutcome =
  | { name: string; status: 'pass' | 'fail'; assertions: Assertion[]; expect: ExpectReport; problems: Problem[]; wallMs: number }
  /** Could not be checked: invalid, or its run did not finish (the run guard stopped it). */
  | { name: string; status: 'error'; problems: Problem[]; wallMs: number }
  | { name: string; status: 'skipped'; reason: string };

function xml(text: string): string {
  // characters XML 1.0 cannot hold at all are dropped; the five specials escaped
  // eslint-disable-next-line no-control-regex
  return text.replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function problemText(p: Problem): string {
  const where = p.line === undefined ? '' : `line ${p.line}: `;
  return p.path === FILE_PATH ? `${where}${p.message}` : `${where}${p.path}: ${p.message}`;
}

/** One <testsuite> per file, one <testcase> per assertion (an invalid file: one errored case). */
export function junitXml(outcomes: readonly FileOutcome[]): string {
  let tests = 0;
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  const suites = outcomes.map((o) => {
    if (o.status === 'skipped') {
      tests++;
      skipped++;
      return `  <testsuite name="${xml(o.name)}" tests="1" failures="0" errors="0" skipped="1" time="0.000">\n    <testcase classname="${xml(o.name)}" name="expect" time="0.000"><skipped message="${xml(o.reason)}"/></testcase>\n  </testsuite>`;
    }
    if (o.status === 'error') {
      tests++;
      errors++;
      const text = o.problems.map(problemText).join('\n');
      return `  <testsuite name="${xml(o.name)}" tests="1" failures="0" errors="1" skipped="0" time="${seconds(o.wallMs)}">\n    <testcase classname="${xml(o.name)}" name="scenario" time="${seconds(o.wallMs)}"><error message="${xml(o.problems[0]?.message ?? 'error')}">${xml(text)}</error></testcase>\n  </testsuite>`;
    }
    const cases = o.expect.results.map((r, i) => {
      const name = xml(assertionLabel(o.assertions[i]));
      if (r.status === 'pass') return `    <testcase classname="${xml(o.name)}" name="${name}" time="0.000"/>`;
      const message = xml(describeResult(o.assertions[i], r));
      const tag = r.status === 'fail' ? 'failure' : 'error';
      return `    <testcase classname="${xml(o.name)}" name="${name}" time="0.000"><${tag} message="${message}">${xml(`expect[${r.index}]: `)}${message}</${tag}></testcase>`;
    });
    tests += o.expect.results.length;
    failures += o.expect.failed;
    errors += o.expect.errors;
    return `  <testsuite name="${xml(o.name)}" tests="${o.expect.results.length}" failures="${o.expect.failed}" errors="${o.expect.errors}" skipped="0" time="${seconds(o.wallMs)}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="faultline test" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}">\n${suites.join('\n')}\n</testsuites>\n`;
}


/** `::error file=…,line=…,col=…,title=…::message` for every failed assertion and every problem. */
export function githubAnnotations(outcomes: readonly FileOutcome[]): string[] {
  return outcomes.flatMap((o) => {
    if (o.status === 'skipped' || o.status === 'pass') return [];
    return o.problems.map((p) => {
      const position = p.line === undefined ? '' : `,line=${p.line},col=${p.column}`;
      const title = p.path === FILE_PATH ? '' : `,title=${property(p.path)}`;
      return `::error file=${property(o.name)}${position}${title}::${data(p.message)}`;
    });
  });
}
