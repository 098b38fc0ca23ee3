/**
 * The JSON that `run --json` and `sweep --json` print: the engine's report (or the sweep's
 * results) under a versioned header — `format`, `kind`, `faultlineVersion`. The header lives here,
 * in the CLI's output layer, not in the engine's RunReport (tests/golden hashes those).
 * Shape: docs/report.md; schema: docs/report.schema.json (src/cli/report-schema.ts).
 */
import type { RunReport } from '../engine/index.ts';
import type { ExperimentResults } from '../experiments/index.ts';
import { resultsToJson } from '../experiments/index.ts';
import { FAULTLINE_VERSION } from './version.ts';

export const REPORT_FORMAT = 'faultline.report/v1';

export interface ReportHeader<Kind extends 'run' | 'sweep'> {
  format: typeof REPORT_FORMAT;
  kind: Kind;
  faultlineVersion: string;
}

/** `--no-timing` leaves out the one field that differs between two runs of the same seed. */
export type RunReportDocument = ReportHeader<'run'> & Omit<RunReport, 'wallMs'> & { wallMs?: number };
export type SweepReportDocument = ReportHeader<'sweep'> & ExperimentResults;

function header<Kind extends 'run' | 'sweep'>(kind: Kind): ReportHeader<Kind> {
  return { format: REPORT_FORMAT, kind, faultlineVersion: FAULTLINE_VERSION };
}

export function runReportDocument(report: RunReport, options: { timing: boolean }): RunReportDocument {
  if (options.timing) return { ...header('run'), ...report };
  const { wallMs: _wallMs, ...untimed } = report;
  return { ...header('run'), ...untimed };
}

export function runReportJson(report: RunReport, options: { timing: boolean }): string {
  return JSON.stringify(runReportDocument(report, options));
}

/** Non-finite numbers become null (src/experiments/writers.ts: NaN "undefined", Infinity "never"). */
export function sweepReportJson(results: ExperimentResults): string {
  const document: SweepReportDocument = { ...header('sweep'), ...results };
  return resultsToJson(document);
}
