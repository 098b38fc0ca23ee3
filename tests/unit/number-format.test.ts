/** src/format/numbers.ts: one compact style everywhere; the CSV and CLI-table forms unchanged. */
import { describe, expect, it } from 'vitest';
import { csvOutcomeNumber, csvSeriesNumber, formatAxisNumber, formatCompact, formatCount, formatGrouped, formatLatencyMs, formatPercent, formatRate, formatShare, formatSignificant, formatTableLatencyMs } from '../../src/format/numbers.ts';
import { formatRate as panelRate } from '../../src/ui/run/format-run.ts';
import { formatRate as canvasRate } from '../../src/ui/canvas/live/format-live.ts';

describe('compact numbers (Intl.NumberFormat, SI k)', () => {
  it('reads 1.23k, 12.3k, 123k, 1.23M: at most three significant digits above 1000', () => {
    expect([7.25, 42.4, 999, 1234, 12_345, 123_456, 1_234_567, 2.5e9].map(formatCompact)).toEqual(['7.3', '42', '999', '1.23k', '12.3k', '123k', '1.23M', '2.5B']);
    expect(formatCompact(-1234)).toBe('-1.23k');
    expect(formatCompact(Number.NaN)).toBe('–');
  });

  it('the canvas and the summary strip write the same rate (issue 15: "1.2k" vs "1.2 k")', () => {
    for (const perSec of [0, 3.3, 450, 1234, 56_789, 3.2e6]) expect(canvasRate(perSec)).toBe(panelRate(perSec));
    expect(formatRate(1234)).toBe('1.23k');
    expect(formatRate(-5)).toBe('0');
    expect(formatRate(Infinity)).toBe('0');
  });

  it('keeps a changing number\'s width: every rate from 1000 to 1e6 is at most 4 characters and a suffix', () => {
    for (let perSec = 1000; perSec < 1e6; perSec *= 1.07) expect(formatRate(perSec)).toMatch(/^\d(\.\d\d?)?k$|^\d\d(\.\d)?k$|^\d\d\dk$|^1M$/);
  });

  it('counts, latencies and shares for a glance', () => {
    expect([0, 7, 999.4, 4321].map(formatCount)).toEqual(['0', '7', '999', '4.32k']);
    expect([0, 4.24, 420.4, 4200, 42_000].map(formatLatencyMs)).toEqual(['–', '4.2 ms', '420 ms', '4.20 s', '42.0 s']);
    expect([0, 0.042, 0.42, 1].map(formatShare)).toEqual(['0%', '4.2%', '42%', '100%']);
  });
});

describe('tables and axes', () => {
  it('significant digits with grouped thousands (the comparison table)', () => {
    expect([0, 0.12345, 12.345, 12_345.6].map((v) => formatSignificant(v))).toEqual(['0', '0.123', '12.3', '12,346']);
  });

  it('the CLI table\'s exact forms', () => {
    expect(formatGrouped(1_234_567)).toBe('1,234,567');
    expect(formatPercent(0.1234)).toBe('12.3%');
    expect([0, 4.2, 42, 4200].map(formatTableLatencyMs)).toEqual(['0', '4.20 ms', '42.0 ms', '4.20 s']);
  });

  it('chart axes', () => {
    expect([0.25, 1500, 150_000, 2_500_000].map(formatAxisNumber)).toEqual(['0.25', '1500', '150k', '2.5M']);
  });
});

describe('CSV cells keep their documented forms (a public contract)', () => {
  it('series: whole numbers as they are, others with toPrecision(6)', () => {
    expect([3, 0.5, 1 / 3, 1234.5678].map(csvSeriesNumber)).toEqual(['3', '0.500000', '0.333333', '1234.57']);
  });

  it('experiment outcomes: six significant digits without trailing zeros, empty when not finite', () => {
    expect([3, 0.5, 1 / 3, Number.NaN, Infinity].map(csvOutcomeNumber)).toEqual(['3', '0.5', '0.333333', '', '']);
  });
});
