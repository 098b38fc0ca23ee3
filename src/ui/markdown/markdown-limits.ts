/**
 * Bounds on rendering scenario markdown (docs/security.md, "Bounded markdown"). marked is a
 * recursive, backtracking parser: 16 KB of `a*_a` takes seconds, 2,000 `>` or `- ` overflow its
 * stack. Text past a bound is shown as plain text with the reason, never a frozen or blank page.
 */
export const MARKDOWN_LIMITS = {
  /** Characters formatted as markdown; a longer text is shown as plain text. */
  maxChars: 50_000,
  /** Nested blocks (quotes, lists), counted from line starts before marked runs. */
  maxDepth: 16,
  /** marked's token tree, blocks and inline marks together (16 nested lists of links make 36). */
  maxTokenDepth: 48,
  /** HTML handed to the sanitizer on the page (DOMPurify runs on the main thread). */
  maxHtmlChars: 400_000,
  /** Wall time for one text in the markdown worker; past it the worker is stopped. */
  timeLimitMs: 1_500,
  /** Wall time for the worker to load before the time limit starts; past it the text is plain. */
  workerStartLimitMs: 20_000,
} as const;

/** Why a text is shown as plain text, as a reader sees it ("Shown as plain text: …"). */
export type PlainReason = string;

export type MarkdownResult = { kind: 'html'; html: string } | { kind: 'plain'; reason: PlainReason };

const QUOTE_OR_LIST_MARKER = /^(?:>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$))/;

/**
 * How deeply the text nests block containers, read from line starts without parsing: every
 * `>`, every list marker (`-`, `*`, `+`, `1.`) before the line's text, plus one level per two
 * columns of indentation in front of them. An over-estimate is fine (the text is only shown plain); the point
 * is to refuse 3,000 `>` in linear time before the parser's recursion sees them.
 */
export function blockNestingDepth(text: string): number {
  let deepest = 0;
  for (const line of text.split('\n')) {
    let rest = line;
    let markers = 0;
    const indent = /^[ \t]*/.exec(rest)![0];
    rest = rest.slice(indent.length);
    for (;;) {
      const marker = QUOTE_OR_LIST_MARKER.exec(rest);
      if (marker === null) break;
      markers++;
      rest = rest.slice(marker[0].length).trimStart();
    }
    // indentation nests only in front of a marker: an indented code line is not a deeper list
    const depth = markers === 0 ? 0 : markers + Math.floor(indent.replace(/\t/g, '    ').length / 2);
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** The bounds that can be checked before marked sees the text; null when none is passed. */
export function precheckMarkdown(text: string): PlainReason | null {
  if (text.length > MARKDOWN_LIMITS.maxChars) {
    return `the text is ${text.length.toLocaleString('en')} characters long; markdown is formatted up to ${MARKDOWN_LIMITS.maxChars.toLocaleString('en')}`;
  }
  const depth = blockNestingDepth(text);
  if (depth > MARKDOWN_LIMITS.maxDepth) return `quotes or lists are nested ${depth} levels deep; markdown is formatted up to ${MARKDOWN_LIMITS.maxDepth}`;
  return null;
}
