// Bounded markdown (issue 17, finding 3): src/ui/markdown/markdown-to-html.ts (the worker's job)
// and markdown-renderer.ts (the page's side: one worker, a time limit, a cache), here with the
// real marked in a real worker_threads thread.
import { afterEach, describe, expect, it } from 'vitest';
import { blockNestingDepth, MARKDOWN_LIMITS } from '../../src/ui/markdown/markdown-limits.ts';
import { markdownToHtml } from '../../src/ui/markdown/markdown-to-html.ts';
import { plainChunks } from '../../src/ui/markdown/plain-chunks.ts';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../src/ui/markdown/markdown-renderer.ts';
import { startNodeMarkdownWorker } from '../support/markdown-node-worker.ts';

/** The probe's inputs: 99,000 characters that froze the page for 63 s, 3,000 `>` that threw. */
const EMPHASIS_BOMB = 'a*_a'.repeat(24_750);
const DEEP_QUOTE = '>'.repeat(3000);
/** Under the size limit, and still more than 10 s of marked's backtracking. */
const SLOW_EMPHASIS = 'a*_a'.repeat(12_000);

describe('markdownToHtml: limits before marked sees the text', () => {
  it('formats ordinary markdown (headings shifted, raw HTML as text)', () => {
    const result = markdownToHtml('# Title\n\nSome **bold** text <img src=x>\n\n> a quote\n\n- one\n  - two');
    expect(result.kind).toBe('html');
    const html = result.kind === 'html' ? result.html : '';
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).toContain('<blockquote>');
  });

  it('shows 3,000 nested quotes as plain text, naming the depth, instead of throwing a RangeError', () => {
    const started = performance.now();
    expect(markdownToHtml(DEEP_QUOTE)).toEqual({ kind: 'plain', reason: 'quotes or lists are nested 3000 levels deep; markdown is formatted up to 16' });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('shows 2,000 nested list markers on one line as plain text', () => {
    expect(markdownToHtml(`${'- '.repeat(2000)}a`)).toEqual({ kind: 'plain', reason: 'quotes or lists are nested 2000 levels deep; markdown is formatted up to 16' });
  });

  it('refuses the 99,000-character emphasis bomb by its size, at once', () => {
    const started = performance.now();
    expect(markdownToHtml(EMPHASIS_BOMB)).toEqual({ kind: 'plain', reason: 'the text is 99,000 characters long; markdown is formatted up to 50,000' });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('formats 16 nested lists and refuses 17', () => {
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}- item **${i}** [link](https://example.com)`).join('\n');
    expect(markdownToHtml(nested(16)).kind).toBe('html');
    expect(markdownToHtml(nested(17))).toEqual({ kind: 'plain', reason: 'quotes or lists are nested 17 levels deep; markdown is formatted up to 16' });
  });

  it('counts nesting from markers at line starts, not from indented code', () => {
    expect(blockNestingDepth('plain\n> a\n> > b\n> > > - c')).toBe(4);
    expect(blockNestingDepth('```\n' + ' '.repeat(80) + 'deeply indented code\n```')).toBe(0);
    expect(blockNestingDepth('      - item')).toBe(4);
    expect(blockNestingDepth('1. one\n   2) two')).toBe(2);
  });
});

describe('the markdown renderer: off the thread, with a time limit', () => {
  let renderer: MarkdownRenderer | undefined;
  afterEach(() => renderer?.dispose());

  it('stops a worker that takes longer than the limit, answers plain text, and the caller never waits on the parser', async () => {
    renderer = createMarkdownRenderer({ startWorker: startNodeMarkdownWorker, timeLimitMs: 1_500 });
    expect(await renderer.render('warm *up*')).toEqual({ kind: 'html', html: '<p>warm <em>up</em></p>\n' }); // the worker is loaded
    // the caller's event loop keeps turning while marked backtracks in the worker
    let longestGapMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
    }, 10);
    const started = performance.now();
    const result = await renderer.render(SLOW_EMPHASIS);
    const tookMs = performance.now() - started;
    clearInterval(ticker);
    expect(result).toEqual({ kind: 'plain', reason: 'formatting took longer than 1.5 s' });
    // Node's timers count on libuv's loop clock, whole milliseconds read at the start of a loop
    // turn, so the 1,500 ms limit can end up to 1 ms early by performance.now (1,499.87 seen)
    expect(tookMs).toBeGreaterThanOrEqual(1_500 - 1);
    expect(tookMs).toBeLessThan(5_000); // marked alone needs > 10 s for this text
    expect(longestGapMs).toBeLessThan(250);
    // the next text gets a fresh worker and is formatted
    const next = await renderer.render('**after**');
    expect(next).toEqual({ kind: 'html', html: '<p><strong>after</strong></p>\n' });
    expect(renderer.workersStarted).toBe(2);
    // a result is remembered: the bomb is not parsed again
    expect(renderer.peek(SLOW_EMPHASIS)).toEqual(result);
  });

  it('formats texts in order, one worker, and answers a repeated text from memory', async () => {
    renderer = createMarkdownRenderer({ startWorker: startNodeMarkdownWorker });
    const [a, b, deep] = await Promise.all([renderer.render('*a*'), renderer.render('`b`'), renderer.render(DEEP_QUOTE)]);
    expect(a).toEqual({ kind: 'html', html: '<p><em>a</em></p>\n' });
    expect(b).toEqual({ kind: 'html', html: '<p><code>b</code></p>\n' });
    expect(deep.kind).toBe('plain');
    expect(renderer.workersStarted).toBe(1);
    expect(renderer.peek('*a*')).toEqual(a);
  });

  it('answers plain text when the worker cannot start or dies', async () => {
    renderer = createMarkdownRenderer({
      startWorker: () => {
        throw new Error('blocked by policy');
      },
    });
    expect(await renderer.render('*x*')).toEqual({ kind: 'plain', reason: 'the markdown worker could not start (blocked by policy)' });
    let fail: (problem: string) => void = () => undefined;
    const dying = createMarkdownRenderer({ startWorker: () => ({ postMessage: () => fail('out of memory'), listen: (_reply, onFail) => (fail = onFail), terminate: () => undefined }) });
    expect(await dying.render('*y*')).toEqual({ kind: 'plain', reason: 'the markdown worker stopped (out of memory)' });
    dying.dispose();
  });

  it('refuses by size or nesting without starting a worker', async () => {
    renderer = createMarkdownRenderer({ startWorker: startNodeMarkdownWorker });
    expect((await renderer.render(EMPHASIS_BOMB)).kind).toBe('plain');
    expect((await renderer.render(DEEP_QUOTE)).kind).toBe('plain');
    expect(renderer.workersStarted).toBe(0);
  });

  it('starts the clock when the worker is ready, and gives up on a worker that never is', async () => {
    const stuck = createMarkdownRenderer({ startWorker: () => ({ postMessage: () => undefined, listen: () => undefined, terminate: () => undefined }), startLimitMs: 300, timeLimitMs: 100 });
    const started = performance.now();
    expect(await stuck.render('*z*')).toEqual({ kind: 'plain', reason: 'the markdown worker did not start within 0.3 s' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290); // not the 100 ms time limit
    stuck.dispose();
  });

  it('keeps its limits where the docs say they are', () => {
    expect(MARKDOWN_LIMITS).toMatchObject({ maxChars: 50_000, maxDepth: 16, timeLimitMs: 1_500 });
  });
});

describe('plain text in pieces', () => {
  it('cuts at line ends, keeps every character, and cuts a 99,000-character line into pieces of 2,000', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join('\n');
    const chunks = plainChunks(text);
    expect(chunks.every((c) => c.length <= 2_000)).toBe(true);
    expect(chunks.join('\n')).toBe(text);
    expect(plainChunks(EMPHASIS_BOMB).map((c) => c.length)).toEqual(Array.from({ length: 50 }, (_, i) => (i < 49 ? 2_000 : 1_000)));
    expect(plainChunks('short')).toEqual(['short']);
  });
});
