// A small card's name never has a word broken across lines (src/ui/canvas/nodes/fit-label.ts):
// every word is made to fit one line; one too wide is cut at its end with "…".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitLabel, fitWords, labelLineEm, LABEL_LINE } from '../../src/ui/canvas/nodes/fit-label.ts';

/** A fixed-pitch measure: every character 0.6 em (the ellipsis and the word joiner too). */
const mono = (text: string) => [...text].length * 0.6;

describe('fit-label', () => {
  it('words that fit are kept whole and in order', () => {
    expect(fitWords('Users of office-like', 6, mono)).toBe('Users of office-like');
  });

  it('a word wider than the line is cut at its end with "…", and the words after it kept', () => {
    // 5.4 em: nine characters at 0.6; "Published" is exactly nine, "Publishedx" ten
    expect(fitWords('Publishedx keys (OpenID metadata)', 5.4, mono)).toBe('Publishe… keys (OpenID metadata)');
    expect(fitWords('Published keys', 5.4, mono)).toBe('Published keys');
    for (const word of fitWords('Publishedx keys (OpenID metadata)', 5.4, mono).split(' ')) expect(mono(word)).toBeLessThanOrEqual(5.4);
  });

  it('a hyphenated word is cut only where the browser may break it: each piece fits, the rest of a cut piece goes', () => {
    // "dynamics-" is 9 characters, "like" 4: both fit 5.4 em, so the word stays whole (it may wrap after the hyphen)
    expect(fitWords('Users of dynamics-like', 5.4, mono)).toBe('Users of dynamics-like');
    // 3 em: "dynam…" is 6 characters → 3.6 em, too wide; "dyna…" fits
    expect(fitWords('dynamics-like', 3, mono)).toBe('dyna…');
  });

  it('the leading "…" of a shortened name (distinct-labels.ts) goes first when the word would not fit with it', () => {
    // "…⁠remember" is 10 characters (6 em) and does not fit 5.4 em; "remember" (4.8 em) does
    expect(fitWords('…\u2060remember an unknown key', 5.4, mono)).toBe('remember an unknown key');
    // a hyphenated word too: "…⁠portal-like" would wrap after "portal-"; without the mark it still does, but takes less
    expect(fitWords('…\u2060portal-like', 5.4, mono)).toBe('portal-like');
    // where it fits, it stays
    expect(fitWords('…\u2060keep the last', 5.4, mono)).toBe('…\u2060keep the last');
  });

  it('the line width follows the tier and the text scale; full and overview names are set whole', () => {
    expect(labelLineEm('full', 1)).toBeNull();
    expect(labelLineEm('overview', 8)).toBeNull();
    const compact = labelLineEm('compact', 2.7)!;
    expect(compact).toBeCloseTo((LABEL_LINE.compact!.widthPx * 0.97) / (11 * 2.7), 9);
    // twice the text scale, half the ems a line holds
    expect(labelLineEm('compact', 1.35)!).toBeCloseTo(compact * 2, 9);
    // the tiny tier's name may use the gap beside the card: a wider line than compact at one scale
    expect(labelLineEm('tiny', 3)!).toBeGreaterThan(labelLineEm('compact', 3)!);
  });

  it('a name longer than its lines ends at a whole word and "…", as the browser would fill the lines', () => {
    // 5.4 em holds 9 characters: "People" | "signing" | "in to…" — two lines: "People" "signing…"
    expect(fitLabel('People signing in to Azure', 5.4, mono, 2)).toBe('People signing…');
    // "(identity" fills line 2 and "(identity…" would not fit it: rather than leave the line empty, it keeps what fits
    expect(fitLabel('Sign-in (identity provider)', 5.4, mono, 2)).toBe('Sign-in (identit…');
    // never "re-…": a cut ends at a whole word ("5-min refresh, re-fetch on every unknown key" in the editor)
    // (7 characters a line: "ab re-…" would fit)
    expect(fitLabel('ab re-fetch', 4.2, mono, 1)).toBe('ab…');
    // what fits is left as it is
    expect(fitLabel('SMS gateway', 5.4, mono, 2)).toBe('SMS gateway');
    expect(fitLabel('Code check', 5.4, mono, 1)).toBe('Code…');
    // a line broken after a hyphen runs on without a space: the text is the name's, the browser breaks it there
    expect(fitLabel('Users of dynamics-like', 5.4, mono, 3)).toBe('Users of dynamics-like');
    expect(fitLabel('Users of dynamics-like', 5.4, mono, 2)).toBe('Users of dynamics…');
    expect(fitLabel('teams-like', 3.6, mono, 2)).toBe('teams-like');
    // every line the browser would set fits, the "…" included
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-z]{1,14}$/), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 3 }), (words, maxLines) => {
      const shown = fitLabel(words.join(' '), 5.4, mono, maxLines);
      const lines: string[] = [];
      for (const word of shown.split(' ')) {
        const last = lines.length ? lines[lines.length - 1] : null;
        if (last !== null && mono(`${last} ${word}`) <= 5.4) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      expect(lines.length).toBeLessThanOrEqual(maxLines);
      for (const line of lines) expect(mono(line)).toBeLessThanOrEqual(5.4 + 1e-9);
    }), { seed: 11, numRuns: 200 });
  });
});
