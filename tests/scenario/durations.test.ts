import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/scenario';

describe('parseDuration', () => {
  it.each([
    [250, 250],
    [0, 0],
    [1.5, 1.5],
    ['0', 0],
    ['250ms', 250],
    ['1.5s', 1500],
    ['30s', 30_000],
    ['.5s', 500],
    ['30 s', 30_000],
    ['5m', 300_000],
    ['12h', 43_200_000],
    ['2d', 172_800_000],
    ['0ms', 0],
    ['0.25ms', 0.25],
  ])('reads %j as %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each([
    [-1],
    [Number.NaN],
    [Infinity],
    [''],
    ['-5s'],
    ['5'],
    ['100'],
    ['5 minutes'],
    ['5M'],
    ['1m30s'],
    ['1e3ms'],
    [' 5s'],
    ['5s '],
    ['5.s'],
    ['+5s'],
    ['9'.repeat(400) + 'd'],
    [null],
    [true],
    [{}],
    [['5s']],
    [undefined],
  ])('rejects %j', (input) => {
    expect(parseDuration(input)).toBeNull();
  });

  it('turns -0 into 0 (so specs compare equal)', () => {
    expect(Object.is(parseDuration(-0), 0)).toBe(true);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0'],
    [250, '250ms'],
    [1500, '1.5s'],
    [60_000, '1m'],
    [90_000, '1.5m'],
    [43_200_000, '12h'],
    [2_592_000_000, '30d'],
    [0.5, '0.5ms'],
  ])('writes %d ms as %j', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('writes what parseDuration reads back exactly', () => {
    for (const ms of [1, 7, 999, 1001, 61_000, 3_599_999, 86_400_001, 123.456]) {
      expect(parseDuration(formatDuration(ms))).toBe(ms);
    }
  });
});
