import { describe, expect, it } from 'vitest';
import { editorUrl } from '../../src/embed/open-link.ts';
import { initiallyWantsToPlay, shouldRun } from '../../src/embed/playback.ts';

describe('when the embed runs', () => {
  const seen = { wantsToPlay: true, onScreen: true, pageVisible: true };

  it('autoplay=visible runs only while on screen and in a foreground tab', () => {
    expect(shouldRun({ autoplay: 'visible', ...seen })).toBe(true);
    expect(shouldRun({ autoplay: 'visible', ...seen, onScreen: false })).toBe(false);
    expect(shouldRun({ autoplay: 'visible', ...seen, pageVisible: false })).toBe(false);
  });

  it('a pause from the reader or the parent wins over visibility', () => {
    expect(shouldRun({ autoplay: 'visible', ...seen, wantsToPlay: false })).toBe(false);
    expect(shouldRun({ autoplay: 'on', ...seen, wantsToPlay: false })).toBe(false);
  });

  it('autoplay=on and off are not gated by visibility once play is asked for', () => {
    expect(shouldRun({ autoplay: 'on', wantsToPlay: true, onScreen: false, pageVisible: false })).toBe(true);
    expect(shouldRun({ autoplay: 'off', wantsToPlay: true, onScreen: false, pageVisible: true })).toBe(true);
  });

  it('only autoplay=off waits for a play at the start', () => {
    expect(initiallyWantsToPlay('off')).toBe(false);
    expect(initiallyWantsToPlay('on')).toBe(true);
    expect(initiallyWantsToPlay('visible')).toBe(true);
  });
});

describe('"Open in Faultline"', () => {
  it('keeps the sub-path, drops the embed parameters and names the built-in', () => {
    expect(editorUrl('https://x.example/tools/faultline/?embed&scenario=mm1&controls=full&origin=https://b.example', { builtinId: 'mm1' })).toBe(
      'https://x.example/tools/faultline/?scenario=mm1',
    );
  });

  it('carries any other graph as its share hash', () => {
    expect(editorUrl('https://x.example/app/?embed#s=abc', { shareHash: '#s=abc' })).toBe('https://x.example/app/#s=abc');
  });
});
