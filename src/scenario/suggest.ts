/** "Did you mean …?" for misspelt field names, kinds and ids. */
import { quote } from './issue-text.ts';

/**
 * Edit distance counting an insertion, deletion, substitution or swap of two neighbours as one
 * ("crahs" is one edit from "crash"), or `limit + 1` when it exceeds `limit`. Only the diagonal
 * band of width 2·limit+1 is computed, so checking a word against thousands of ids stays cheap.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const over = limit + 1;
  if (Math.abs(a.length - b.length) > limit) return over;
  let twoRowsBack = new Array<number>(b.length + 1).fill(over);
  let previous = new Array<number>(b.length + 1).fill(over);
  let current = new Array<number>(b.length + 1).fill(over);
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const jStart = Math.max(1, i - limit);
    const jEnd = Math.min(b.length, i + limit);
    current[jStart - 1] = jStart === 1 && i <= limit ? i : over;
    let rowMin = current[jStart - 1] as number;
    for (let j = jStart; j <= jEnd; j++) {
      let value = Math.min(
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, (twoRowsBack[j - 2] as number) + 1);
      }
      current[j] = Math.min(over, value);
      if (value < rowMin) rowMin = value;
    }
    // the next row reads one cell past this band: make sure it is not left over from an older row
    if (jEnd + 1 <= b.length) current[jEnd + 1] = over;
    if (rowMin > limit) return over;
    [twoRowsBack, previous, current] = [previous, current, twoRowsBack];
  }
  return previous[b.length] as number;
}

/**
 * The closest candidate within a third of the word's length (at most 3 edits; a word of one or
 * two letters only matches a different capitalisation: "x" is not a typo of "a").
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const limit = Math.min(3, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), limit);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean "rate"?)`, or "" when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean ${quote(match)}?)`;
}
