// Charts skip a poll whose numbers they already drew (polled 4× a second, the series change once
// per sample interval): equal only when every column holds the same numbers, NaN (a gap) included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameColumns } from '../../src/ui/charts/same-columns.ts';

describe('sameColumns', () => {
  it('is false before anything was drawn, and for a new row, a changed value or a changed gap', () => {
    const t = Float64Array.of(0, 1000, 2000);
    const goodput = Float64Array.of(5, NaN, 7);
    expect(sameColumns([t, goodput], null)).toBe(false);
    expect(sameColumns([Float64Array.from(t), Float64Array.from(goodput)], [t, goodput])).toBe(true); // fresh arrays, same numbers
    expect(sameColumns([Float64Array.of(0, 1000, 2000, 3000), Float64Array.of(5, NaN, 7, 8)], [t, goodput])).toBe(false);
    expect(sameColumns([t, Float64Array.of(5, NaN, 7.5)], [t, goodput])).toBe(false);
    expect(sameColumns([t, Float64Array.of(5, 6, 7)], [t, goodput])).toBe(false);
    expect(sameColumns([t], [t, goodput])).toBe(false); // a line fewer
  });

  it('agrees with an element-by-element comparison (fixed seed)', () => {
    const column = fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN)), { maxLength: 6 });
    fc.assert(
      fc.property(fc.array(column, { minLength: 1, maxLength: 3 }), fc.array(column, { minLength: 1, maxLength: 3 }), (a, b) => {
        const same = a.length === b.length && a.every((col, c) => col.length === b[c].length && col.every((v, i) => Object.is(v, b[c][i])));
        expect(sameColumns(a.map((col) => Float64Array.from(col)), b.map((col) => Float64Array.from(col)))).toBe(same);
      }),
      { seed: 16, numRuns: 500 },
    );
  });
});
