/** The pass/fail table `faultline run` prints after the summary, and `faultline test --verbose`. */
import { assertionLabel, describeComparison, type Assertion } from '../scenario/index.ts';
import type { AssertionResult, AssertionValue, ExpectReport } from './evaluate.ts';

const STATUS_WORD = { pass: 'pass', fail: 'FAIL', error: 'ERROR' } as const;

/** A value as the table shows it: numbers to 6 significant digits. */
export function formatValue(value: AssertionValue): string {
  if (value === null) return '—';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  return JSON.stringify(value);
}

/** One line saying what an assertion wanted and got: `clients.users.goodputShare over 1m–2m = 0.12, expected ≥ 0.9`. */
export function describeResult(assertion: Assertion, result: AssertionResult): string {
  const label = assertionLabel(assertion);
  if (result.status === 'error') return `${label}: ${result.message}`;
  return `${label} = ${formatValue(result.value)}, expected ${describeComparison(result)}`;
}

export function formatExpectTable(assertions: readonly Assertion[], section: ExpectReport): string {
  const rows = section.results.map((r, i) => [STATUS_WORD[r.status], assertionLabel(assertions[i]), formatValue(r.value), describeComparison(r)]);
  const headers = ['result', 'expectation', 'value', 'expected'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [`Expectations — ${counts(section)}`, line(headers), line(widths.map((w) => '─'.repeat(w)))];
  section.results.forEach((r, i) => {
    out.push(line(rows[i]));
    if (r.message !== undefined) out.push(`      ${r.message}`);
  });
  return out.join('\n');
}

/** "3 passed, 1 failed" (", 1 error" when a value could not be read). */
export function counts(section: ExpectReport): string {
  const errors = section.errors === 0 ? '' : `, ${section.errors} error${section.errors === 1 ? '' : 's'}`;
  return `${section.passed} passed, ${section.failed} failed${errors}`;
}
