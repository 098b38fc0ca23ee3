/**
 * The whole system at a glance: goodput, error rate and retry amplification over the last
 * ~10 s of simulated time. Sampled from the worker at most 4× a second and written straight
 * into the DOM (no React render per update: DESIGN.md §5).
 */
import { useEffect, useRef } from 'react';
import type { SeriesSlice } from '../../../workers/protocol.ts';
import { formatRate } from '../run/format-run.ts';
import { pollSeries } from './series-poller.ts';
import { writeData, writeText } from '../write-text.ts';
import './charts.css';

const WINDOW_MS = 10_000;

export interface SystemSummary {
  goodputPerSec: number;
  /** Failed share of finished requests; NaN when none finished. */
  errorRate: number;
  /** Attempts per original request; NaN when none were made. */
  retryAmplification: number;
}

/** Means over the trailing window of the system series (per-second rates). */
export function summarise(slice: SeriesSlice): SystemSummary {
  const rows = slice.t.length;
  const take = Math.min(rows, Math.max(1, Math.ceil(WINDOW_MS / slice.intervalMs)));
  const sum = (metric: string): number => {
    const values = slice.system[metric];
    let total = 0;
    for (let i = rows - take; i < rows; i++) total += values?.[i] ?? 0;
    return total;
  };
  const succeeded = sum('succeeded');
  const failed = sum('failed');
  const generated = sum('generated');
  return {
    goodputPerSec: take > 0 ? sum('goodput') / take : 0,
    errorRate: succeeded + failed > 0 ? failed / (succeeded + failed) : NaN,
    retryAmplification: generated > 0 ? sum('attempts') / generated : NaN,
  };
}

const NO_IDS: readonly string[] = [];

export function SummaryStrip() {
  const goodput = useRef<HTMLElement>(null);
  const errorRate = useRef<HTMLElement>(null);
  const amplification = useRef<HTMLElement>(null);

  useEffect(
    () =>
      pollSeries(
        () => NO_IDS,
        (slice) => {
          // Only what changed is written: each write repaints the page (../write-text.ts).
          if (slice === null) {
            for (const field of [goodput, errorRate, amplification]) if (field.current) writeText(field.current, '–');
            return;
          }
          const s = summarise(slice);
          if (goodput.current) writeText(goodput.current, `${formatRate(s.goodputPerSec)}/s`);
          if (errorRate.current) {
            writeText(errorRate.current, Number.isNaN(s.errorRate) ? '–' : `${(s.errorRate * 100).toFixed(1)}%`);
            writeData(errorRate.current, 'level', s.errorRate > 0.01 ? 'bad' : 'ok');
          }
          if (amplification.current) {
            writeText(amplification.current, Number.isNaN(s.retryAmplification) ? '–' : `${s.retryAmplification.toFixed(2)}×`);
            writeData(amplification.current, 'level', s.retryAmplification > 1.5 ? 'bad' : 'ok');
          }
        },
        () => ({ tailMs: WINDOW_MS }),
      ),
    [],
  );

  return (
    <dl className="fl-summary" aria-label="System summary, last 10 simulated seconds">
      <div title="Successful requests per second that met their deadline, over all clients">
        <dt>Goodput</dt>
        <dd ref={goodput} data-testid="summary-goodput">–</dd>
      </div>
      <div title="Failed share of the requests that finished">
        <dt>Error rate</dt>
        <dd ref={errorRate} data-testid="summary-error-rate">–</dd>
      </div>
      <div title="Attempts per original request, retries included (1× = no retries)">
        <dt>Retry amplification</dt>
        <dd ref={amplification} data-testid="summary-retry-amplification">–</dd>
      </div>
    </dl>
  );
}
