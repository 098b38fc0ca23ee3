import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EMBED_CHOICE_VALUES, EMBED_DEFAULTS as EMBED_PARAM_DEFAULTS, readAllowedOrigin, readEmbedParams, type EmbedChoices } from '../../src/embed/index.ts';
import { appBaseUrl, elementSnippet, EMBED_DEFAULTS, embedSnippet, embedUrl, escapeAttribute, readEmbedOrigin } from '../../src/share/embed-snippet.ts';

describe('embed URL', () => {
  it('keeps the sub-path and drops the query and hash of the app location', () => {
    expect(appBaseUrl('https://host.example/tools/faultline/?scenario=mm1#s=abc')).toBe('https://host.example/tools/faultline/');
    expect(appBaseUrl('https://host.example/tools/faultline/index.html')).toBe('https://host.example/tools/faultline/index.html');
  });

  it('names a built-in and leaves defaults out', () => {
    expect(embedUrl('https://h.example/app/?x=1', { builtinId: 'mfa-outage-2019' }, EMBED_DEFAULTS)).toBe('https://h.example/app/?embed&scenario=mfa-outage-2019');
  });

  it('leaves the story speed and the caption out (they are the defaults) and writes a steady speed', () => {
    const url = embedUrl('https://h.example/', { builtinId: 'key-removal-2021' }, { ...EMBED_DEFAULTS, speed: '10' });
    expect(url).toBe('https://h.example/?embed&scenario=key-removal-2021&speed=10');
    expect(embedUrl('https://h.example/', { builtinId: 'x' }, { ...EMBED_DEFAULTS, speed: 'story', caption: 'on' })).toBe('https://h.example/?embed&scenario=x');
  });

  it('carries every non-default choice, the origin, and a share hash last', () => {
    const url = embedUrl('https://h.example/', { shareHash: '#s=abc' }, { autoplay: 'off', controls: 'full', speed: 'max', caption: 'off', theme: 'dark', motion: 'reduce', origin: 'https://blog.example' });
    expect(url).toBe('https://h.example/?embed&autoplay=off&controls=full&speed=max&caption=off&theme=dark&motion=reduce&origin=https%3A%2F%2Fblog.example#s=abc');
    const parsed = new URL(url);
    expect(parsed.searchParams.get('origin')).toBe('https://blog.example');
    expect(parsed.hash).toBe('#s=abc');
  });
});

describe('embed origin (the embed\'s own rule, src/embed/origin.ts)', () => {
  it('accepts an https origin (a trailing slash is fine), or nothing', () => {
    expect(readEmbedOrigin(' https://blog.example.org/ ')).toEqual({ ok: true, origin: 'https://blog.example.org' });
    expect(readEmbedOrigin('')).toEqual({ ok: true, origin: undefined });
    expect(readEmbedOrigin('http://localhost:8080')).toEqual({ ok: true, origin: 'http://localhost:8080' });
    expect(readEmbedOrigin('http://[::1]:5173/')).toEqual({ ok: true, origin: 'http://[::1]:5173' });
  });

  it('refuses a page URL, naming its origin, as the embed would', () => {
    const read = readEmbedOrigin('https://blog.example.org/posts/1');
    expect(read.ok).toBe(false);
    expect(read.ok ? '' : read.problem).toContain('that is a URL, not an origin (its origin is https://blog.example.org)');
    expect(readAllowedOrigin('https://blog.example.org/posts/1').ok).toBe(false);
  });

  it('refuses plain http and non-URLs, saying why', () => {
    const http = readEmbedOrigin('http://blog.example');
    expect(http.ok ? '' : http.problem).toMatch(/^the origin cannot be "http:\/\/blog\.example": use https \(plain http is allowed only for localhost\)/);
    expect(readEmbedOrigin('javascript:alert(1)').ok).toBe(false);
    expect(readEmbedOrigin('blog').ok).toBe(false);
  });
});

describe('what the dialog writes, the embed reads', () => {
  const choices = fc.record(Object.fromEntries(Object.entries(EMBED_CHOICE_VALUES).map(([name, values]) => [name, fc.constantFrom(...values)])) as {
    [K in keyof EmbedChoices]: fc.Arbitrary<EmbedChoices[K]>;
  });
  const originText = fc.oneof(
    fc.constantFrom('', 'https://blog.example', 'https://blog.example/', 'http://localhost:8080', 'http://blog.example', 'https://blog.example/post', 'https://*.example', 'null', 'javascript:alert(1)', 'https://a.example:8443'),
    fc.webUrl(),
    fc.string({ maxLength: 30 }),
  );

  it('every choice and accepted origin round-trips through readEmbedParams; a refused origin is refused by both (property)', () => {
    fc.assert(
      fc.property(choices, originText, (picked, text) => {
        const origin = readEmbedOrigin(text);
        if (text.trim() !== '') expect(origin.ok).toBe(readAllowedOrigin(text.trim()).ok);
        if (!origin.ok) return;
        const url = new URL(embedUrl('https://h.example/app/', { builtinId: 'x' }, { ...picked, origin: origin.origin }));
        const read = readEmbedParams(url.search);
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(read.warnings).toEqual([]);
        expect(read.params.allowedOrigin).toBe(origin.origin ?? null);
        for (const name of Object.keys(EMBED_CHOICE_VALUES) as (keyof EmbedChoices)[]) expect(String(read.params[name])).toBe(picked[name]);
      }),
      { seed: 1502, numRuns: 500 },
    );
  });

  it('the dialog\'s defaults are the embed\'s, and a default is left out of the URL', () => {
    for (const name of Object.keys(EMBED_DEFAULTS) as (keyof EmbedChoices)[]) expect(String(EMBED_PARAM_DEFAULTS[name])).toBe(EMBED_DEFAULTS[name]);
    expect(new URL(embedUrl('https://h.example/', { builtinId: 'x' }, EMBED_DEFAULTS)).search).toBe('?embed&scenario=x');
  });
});

describe('embed snippet', () => {
  it('is one lazy iframe with a title, full width and a height', () => {
    const snippet = embedSnippet('https://h.example/?embed&scenario=mm1', 'M/M/1', 420);
    expect(snippet).toBe('<iframe src="https://h.example/?embed&amp;scenario=mm1" title="Faultline: M/M/1" width="100%" height="420" loading="lazy" style="border: 0; max-width: 100%"></iframe>');
  });

  it('escapes a hostile title so it cannot leave the attribute', () => {
    const snippet = embedSnippet('https://h.example/', '"><script>alert(1)</script><x y=\'');
    expect(snippet).not.toContain('<script>');
    expect(snippet).toContain('title="Faultline: &quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;x y=&#39;"');
  });

  it('never lets any title add a tag or an attribute (property)', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        const snippet = embedSnippet('https://h.example/', title);
        const inner = snippet.slice('<iframe '.length, -'></iframe>'.length);
        // Outside the escaped values, only the fixed attributes remain.
        expect(inner.replace(/="[^"]*"/g, '')).toBe('src title width height loading style');
        expect(escapeAttribute(title)).not.toMatch(/[<>"']/);
      }),
      { seed: 1501 },
    );
  });

  it('clamps a silly height', () => {
    expect(embedSnippet('https://h.example/', 't', 5)).toContain('height="200"');
    expect(embedSnippet('https://h.example/', 't', Number.NaN)).toContain('height="480"');
  });
});

describe('elementSnippet: the same embed as <faultline-embed>', () => {
  const defaults = { ...EMBED_DEFAULTS };

  it('loads the script from the app\'s own folder and writes only the choices that differ, the title escaped', () => {
    const snippet = elementSnippet('https://you.github.io/faultline/?x=1#s=old', { builtinId: 'mfa-outage-2019' }, { ...defaults, controls: 'full', speed: '10' }, 'MFA "outage" <2019>', 600);
    expect(snippet).toBe(
      '<script src="https://you.github.io/faultline/faultline-embed.js"></script>\n' +
        '<faultline-embed scenario="mfa-outage-2019" controls="full" speed="10" height="600" title="MFA &quot;outage&quot; &lt;2019&gt;"></faultline-embed>',
    );
  });

  it('an app opened as …/index.html loads the script beside it', () => {
    expect(elementSnippet('https://h.example/tools/index.html', { builtinId: 'mm1' }, defaults, 't')).toContain('<script src="https://h.example/tools/faultline-embed.js">');
  });

  it('a shared graph travels as share="#s=…"; defaults and the default height are left out', () => {
    expect(elementSnippet('https://f.example/', { shareHash: '#s=abc' }, defaults, 't')).toBe(
      '<script src="https://f.example/faultline-embed.js"></script>\n<faultline-embed share="#s=abc" title="t"></faultline-embed>',
    );
  });
});
