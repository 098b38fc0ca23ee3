/**
 * Every number a person reads, formatted in one place: the canvas, the panels, the CLI tables
 * and the CSV files. Compact notation comes from Intl.NumberFormat (en-US, so a report reads the
 * same on every machine), with the SI "k" for thousands: 1.23k, 12.3k, 123k, 1.23M.
 */

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * 7.25 → "7.3", 420 → "420", 1234 → "1.23k", 123456 → "123k", 2.5e6 → "2.5M". Three significant
 * digits at most above 1000, so a number that changes every frame keeps its width.
 */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  if (abs < 10) return value.toFixed(1);
  if (abs < 1000) return String(Math.round(value));
  return COMPACT.format(value).replace('K', 'k');
}

/** A rate per second on the canvas or a panel: "0" when nothing flows (or not known yet). */
export function formatRate(perSec: number): string {
  return !Number.isFinite(perSec) || perSec <= 0 ? '0' : formatCompact(perSec);
}

/** A count: whole below 1000, compact above. */
export function formatCount(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '0';
  return count < 1000 ? String(Math.round(count)) : formatCompact(count);
}

/** 4.2 → "4.2 ms", 420 → "420 ms", 4200 → "4.20 s"; "–" when not measured. */
export function formatLatencyMs(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '–';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** A share for a glance: 0.042 → "4.2%", 0.42 → "42%". */
export function formatShare(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  return share < 0.1 ? `${(share * 100).toFixed(1)}%` : `${Math.round(share * 100)}%`;
}

/** A share with fixed decimals, for tables: 0.1234 → "12.3%". */
export function formatPercent(share: number, decimals = 1): string {
  return `${(share * 100).toFixed(decimals)}%`;
}

/** `digits` significant digits, thousands grouped: 0.1234 → "0.123", 12345 → "12,345". */
export function formatSignificant(value: number, digits = 3): string {
  if (value === 0) return '0';
  if (Math.abs(value) >= 1000) return GROUPED.format(Math.round(value));
  return String(Number(value.toPrecision(digits)));
}

/** A chart's value axis: 150000 → "150k", 1500 → "1500", 0.25 → "0.25". */
export function formatAxisNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (abs >= 1e4) return `${Number((value / 1e3).toPrecision(3))}k`;
  return String(Number(value.toPrecision(4)));
}

// CSV is a public contract (docs/report.md, docs/experiments.md): these two keep their exact forms.

/** A series CSV cell (`faultline run --csv`, the app's download): whole numbers as is, else 6 significant digits as written by toPrecision ("0.500000"). */
export function csvSeriesNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(6);
}

/** An experiment CSV cell: 6 significant digits without trailing zeros ("0.5"); empty for NaN or ±Infinity. */
export function csvOutcomeNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

// The CLI's printed tables (docs/report.md shows them): exact, grouped, more decimals than a glance.

const EN_US = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567" (up to 3 decimals, as toLocaleString('en-US')). */
export function formatGrouped(value: number): string {
  return EN_US.format(value);
}

/** A latency cell: 0 → "0", 4.2 → "4.20 ms", 42 → "42.0 ms", 4200 → "4.20 s". */
export function formatTableLatencyMs(value: number): string {
  if (value === 0) return '0';
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
}
