/**
 * Markdown → safe HTML: marked turns the text into HTML, DOMPurify keeps only what
 * markdown-policy.ts allows. Needs a DOM (DOMPurify parses with the browser's own parser), so it
 * lives in the lazily loaded library and guide chunks, never in the worker or the CLI.
 *
 * Raw HTML in the markdown is shown as text, never parsed: even an inert parse of `onerror=`
 * makes the CSP report a violation, and a guide needs no HTML that markdown cannot write.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { ALLOWED_LINK, HEADING_SHIFT, MARKDOWN_ATTRIBUTES, MARKDOWN_TAGS, escapeHtml, isAllowedLink } from './markdown-policy.ts';

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

let hooked = false;

function addLinkHook(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = node.getAttribute('href');
    if (href === null || !isAllowedLink(href)) {
      node.removeAttribute('href');
      return;
    }
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  });
}

export function renderMarkdown(text: string): string {
  addLinkHook();
  const html = marked.parse(text) as string;
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [...MARKDOWN_TAGS],
    ALLOWED_ATTR: [...MARKDOWN_ATTRIBUTES, 'target', 'rel'],
    ALLOWED_URI_REGEXP: ALLOWED_LINK,
  });
}
