import { describe, expect, it } from 'vitest';
import { EMBED_DEFAULTS, MAX_QUERY_CHARS, isEmbedMode, readEmbedParams, type EmbedParamsResult } from '../../src/embed/params.ts';

function params(search: string) {
  const result = readEmbedParams(search);
  if (!result.ok) throw new Error(`expected ok, got ${result.problems.join('; ')}`);
  return result;
}

function problems(result: EmbedParamsResult): string[] {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('embed URL parameters', () => {
  it('a bare ?embed gets every default: visible autoplay, minimal controls, story pace, a caption, auto theme and motion, no origin', () => {
    const result = params('?embed');
    expect(result.params).toEqual({ autoplay: 'visible', controls: 'minimal', speed: 'story', caption: 'on', theme: 'auto', motion: 'auto', allowedOrigin: null });
    expect(result.warnings).toEqual([]);
  });

  it('reads every parameter it is given', () => {
    const result = params('?embed&scenario=mm1&autoplay=off&controls=full&speed=max&caption=off&theme=dark&motion=reduce&origin=https://blog.example');
    expect(result.params).toEqual({ autoplay: 'off', controls: 'full', speed: 'max', caption: 'off', theme: 'dark', motion: 'reduce', allowedOrigin: 'https://blog.example' });
  });

  it.each([
    ['speed=1', { speed: 1 }],
    ['speed=10', { speed: 10 }],
    ['speed=STORY', { speed: 'story' }],
    ['caption=off', { caption: 'off' }],
    ['caption', { caption: 'on' }],
    ['speed=100', { speed: 100 }],
    ['autoplay=on', { autoplay: 'on' }],
    ['autoplay', { autoplay: 'on' }],
    ['motion', { motion: 'reduce' }],
    ['controls=NONE', { controls: 'none' }],
    ['theme=light', { theme: 'light' }],
  ])('%s', (query, expected) => {
    expect(params(`?embed&${query}`).params).toMatchObject(expected);
  });

  it('an unknown value falls back to the default and the warning names the parameter, the value and the allowed values', () => {
    const result = params('?embed&controls=<script>alert(1)</script>&speed=5');
    expect(result.params.controls).toBe('minimal');
    expect(result.params.speed).toBe('story');
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings[0]).toContain('"controls" cannot be "<script>alert(1)</script>"; it is one of full, minimal, none (using the default, minimal)');
    expect(result.warnings[1]).toContain('"speed"');
    expect(result.warnings[1]).toContain('1, 10, 100, story, max (using the default, story)');
  });

  it('a value quoted back is cut short', () => {
    const [warning] = params(`?embed&theme=${'x'.repeat(500)}`).warnings;
    expect(warning!.length).toBeLessThan(200);
  });

  it('the same parameter twice with different values is not guessed at', () => {
    const result = params('?embed&speed=1&speed=max');
    expect(result.params.speed).toBe(EMBED_DEFAULTS.speed);
    expect(result.warnings[0]).toContain('"speed" is given 2 times');
    expect(params('?embed&speed=1&speed=1').params.speed).toBe(1);
  });

  it.each([
    ['javascript:alert(1)', 'only https origins'],
    ['https://blog.example/post', 'that is a URL, not an origin'],
    ['http://blog.example', 'use https'],
    ['*', 'cannot be "*"'],
    ['null', 'cannot be "null"'],
  ])('origin=%s is refused: %s', (origin, message) => {
    const [problem] = problems(readEmbedParams(`?embed&origin=${encodeURIComponent(origin)}`));
    expect(problem).toContain('"origin"');
    expect(problem).toContain(message);
  });

  it('an origin is kept in its canonical form; http is allowed on this machine only', () => {
    expect(params('?embed&origin=HTTPS://Blog.Example/').params.allowedOrigin).toBe('https://blog.example');
    expect(params('?embed&origin=http://127.0.0.1:5173').params.allowedOrigin).toBe('http://127.0.0.1:5173');
  });

  it('two different origins are a problem, not a choice', () => {
    expect(problems(readEmbedParams('?embed&origin=https://a.example&origin=https://b.example'))[0]).toContain('"origin" is given 2 times');
  });

  it('an over-long query is refused before it is read', () => {
    const long = `?embed&x=${'a'.repeat(MAX_QUERY_CHARS)}`;
    expect(problems(readEmbedParams(long))[0]).toContain(`at most ${MAX_QUERY_CHARS}`);
  });

  it('unknown parameters (a tracker\'s utm_source) are ignored', () => {
    expect(params('?embed&utm_source=feed').warnings).toEqual([]);
  });

  it('embed mode is ?embed, with or without a value', () => {
    expect(isEmbedMode('?embed')).toBe(true);
    expect(isEmbedMode('?scenario=mm1&embed=1')).toBe(true);
    expect(isEmbedMode('?scenario=mm1')).toBe(false);
    expect(isEmbedMode('?embedded')).toBe(false);
  });
});
