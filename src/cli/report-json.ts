/**
 * The JSON that `run --json` and `sweep --json` print: the engine's report (or the sweep's
 * results) under a versioned header — `format`, `kind`, `faultlineVersion`. The header lives here,
 * in the CLI's output layer, not in the engine's RunReport (tests/golden hashes those).
 * Shape: docs/report.md; schema: docs/report.schema.json (src/cli/report-schema.ts).
 */
import type { RunReport } from '../engine/index.ts';
import type { ExperimentResults, WeakPointsResults } from '../experiments/index.ts';
import type { ExpectReport } from '../expect/index.ts';
import { resultsToJson, weakPointsToJson } from '../experiments/index.ts';
import { FAULTLINE_VERSION } from './version.ts';

export const REPORT_FORMAT = 'faultline.report/v1';

/** `sweep-part`: one shard's runs (src/cli/sweep-part.ts), joined by `faultline merge`; `weak-points`: `sweep --single-failures`. */
export type ReportKind = 'run' | 'sweep' | 'sweep-part' | 'weak-points';

export interface ReportHeader<Kind extends ReportKind> {
  format: typeof REPORT_FORMAT;
  kind: Kind;
  faultlineVersion: string;
}

/**
 * `--no-timing` leaves out the one field that differs between two runs of the same seed; `expect`
 * (the scenario's assertions checked, src/expect) comes last, only when the scenario has a list.
 */
export type RunReportDocument = ReportHeader<'run'> & Omit<RunReport, 'wallMs'> & { wallMs?: number; expect?: ExpectReport };
export type SweepReportDocument = ReportHeader<'sweep'> & ExperimentResults;
export type WeakPointsReportDocument = ReportHeader<'weak-points'> & WeakPointsResults;

export function reportHeader<Kind extends ReportKind>(kind: Kind): ReportHeader<Kind> {
  return { format: REPORT_FORMAT, kind, faultlineVersion: FAULTLINE_VERSION };
}

export function runReportDocument(report: RunReport, options: { timing: boolean; expect?: ExpectReport }): RunReportDocument {
  const expect = options.expect === undefined ? {} : { expect: options.expect };
  if (options.timing) return { ...reportHeader('run'), ...report, ...expect };
  const { wallMs: _wallMs, ...untimed } = report;
  return { ...reportHeader('run'), ...untimed, ...expect };
}

export function runReportJson(report: RunReport, options: { timing: boolean; expect?: ExpectReport }): string {
  return JSON.stringify(runReportDocument(report, options));
}

/** Non-finite numbers become null (src/experiments/writers.ts: NaN "undefined", Infinity "never"). */
export function sweepReportJson(results: ExperimentResults): string {
  const document: SweepReportDocument = { ...reportHeader('sweep'), ...results };
  return resultsToJson(document);
}

/** `sweep --single-failures --json`: the ranking under the header; NaN and Infinity as null, as in a sweep. */
export function weakPointsReportJson(results: WeakPointsResults): string {
  const document: WeakPointsReportDocument = { ...reportHeader('weak-points'), ...results };
  return weakPointsToJson(document);
}
