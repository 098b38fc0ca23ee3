/** How the comparison's numbers read: a value per unit, and B − A with its direction. */
import type { CompareRow, RowUnit } from './compare-table.ts';
import { formatSignificant } from '../format/numbers.ts';

const round = (value: number) => formatSignificant(value, 3);

export function formatValue(value: number, unit: RowUnit): string {
  if (Number.isNaN(value)) return '—';
  if (value === Infinity) return unit === 'seconds' ? 'never' : '∞';
  switch (unit) {
    case 'share':
      return `${round(value * 100)}%`;
    case 'perSec':
      return `${round(value)}/s`;
    case 'ms':
      return value >= 10_000 ? `${round(value / 1000)} s` : `${round(value)} ms`;
    case 'seconds':
      return `${round(value)} s`;
    case 'ratio':
      return `${round(value)}×`;
    default:
      return round(value);
  }
}

/** "+97.8 pp, better"; "—" when either side is undefined; "same" within rounding. */
export function formatDifference(row: CompareRow): string {
  const { a, b, unit } = row;
  if (Number.isNaN(a) || Number.isNaN(b)) return '—';
  if (a === b) return 'same';
  if (!Number.isFinite(a) || !Number.isFinite(b)) return verdict(row, `${formatValue(a, unit)} → ${formatValue(b, unit)}`);
  const delta = b - a;
  const text = unit === 'share' ? `${delta > 0 ? '+' : '−'}${round(Math.abs(delta) * 100)} pp` : `${delta > 0 ? '+' : '−'}${formatValue(Math.abs(delta), unit)}`;
  return verdict(row, text);
}

function verdict(row: CompareRow, text: string): string {
  const direction = improvement(row);
  return direction === null ? text : `${text}, ${direction}`;
}

/** 'better' / 'worse' for B against A, or null where the row has no better direction. */
export function improvement(row: CompareRow): 'better' | 'worse' | null {
  if (row.better === null || Number.isNaN(row.a) || Number.isNaN(row.b) || row.a === row.b) return null;
  const higher = row.b > row.a;
  return higher === (row.better === 'higher') ? 'better' : 'worse';
}
