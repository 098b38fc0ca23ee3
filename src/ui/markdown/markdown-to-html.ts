/**
 * Markdown → HTML with marked, within MARKDOWN_LIMITS, never throwing: the part of rendering
 * that needs no DOM, so it runs in the markdown worker (markdown.worker.ts) where a slow text
 * costs no frame and a stopped worker costs nothing. The page sanitizes what comes back
 * (render-markdown.ts). Also runs in Node for the tests.
 *
 * Raw HTML in the markdown is shown as text, never parsed: even an inert parse of `onerror=`
 * makes the CSP report a violation, and a guide needs no HTML that markdown cannot write.
 */
import { Marked, type Token, type TokensList } from 'marked';
import { HEADING_SHIFT, escapeHtml } from './markdown-policy.ts';
import { MARKDOWN_LIMITS, precheckMarkdown, type MarkdownResult } from './markdown-limits.ts';

const marked = new Marked({
  async: false,
  gfm: true,
  breaks: false,
  renderer: {
    html({ text }) {
      return escapeHtml(text);
    },
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + HEADING_SHIFT);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
  },
});

/** The depth of marked's token tree, walked without recursion. */
export function tokenTreeDepth(tokens: readonly Token[]): number {
  let deepest = 0;
  const stack: { tokens: readonly Token[]; depth: number }[] = [{ tokens, depth: 1 }];
  while (stack.length > 0) {
    const { tokens: level, depth } = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const token of level) {
      const children = childTokens(token);
      for (const child of children) stack.push({ tokens: child, depth: depth + 1 });
    }
  }
  return deepest;
}

function childTokens(token: Token): (readonly Token[])[] {
  const children: (readonly Token[])[] = [];
  const { tokens, items } = token as { tokens?: Token[]; items?: Token[] };
  if (Array.isArray(tokens) && tokens.length > 0) children.push(tokens);
  if (Array.isArray(items) && items.length > 0) children.push(items);
  if (token.type === 'table') {
    const table = token as { header?: { tokens: Token[] }[]; rows?: { tokens: Token[] }[][] };
    for (const cell of [...(table.header ?? []), ...(table.rows ?? []).flat()]) children.push(cell.tokens);
  }
  return children;
}

export function markdownToHtml(text: string): MarkdownResult {
  const refused = precheckMarkdown(text);
  if (refused !== null) return { kind: 'plain', reason: refused };
  let tokens: TokensList;
  try {
    tokens = marked.lexer(text);
  } catch (error) {
    return { kind: 'plain', reason: failureReason(error) };
  }
  const depth = tokenTreeDepth(tokens);
  if (depth > MARKDOWN_LIMITS.maxTokenDepth) return { kind: 'plain', reason: `the markdown nests ${depth} levels deep; it is formatted up to ${MARKDOWN_LIMITS.maxTokenDepth}` };
  let html: string;
  try {
    html = marked.parser(tokens);
  } catch (error) {
    return { kind: 'plain', reason: failureReason(error) };
  }
  if (html.length > MARKDOWN_LIMITS.maxHtmlChars) return { kind: 'plain', reason: `the formatted text would be ${html.length.toLocaleString('en')} characters of HTML; at most ${MARKDOWN_LIMITS.maxHtmlChars.toLocaleString('en')} are shown` };
  return { kind: 'html', html };
}

function failureReason(error: unknown): string {
  if (error instanceof RangeError) return 'the markdown nests too deeply to format';
  return `the markdown could not be formatted (${error instanceof Error ? error.message.split('\n')[0].slice(0, 120) : 'unknown error'})`;
}
