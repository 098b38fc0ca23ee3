/**
 * What scenario markdown may contain once rendered. Descriptions and guide texts come from files
 * and links anyone can write, so the rendered HTML is cut down to prose: no images (a remote image
 * is a tracking pixel, and a guide needs none), raw HTML shown as text, these tags only, links only to
 * http(s) and mailto, opened in a new tab without a referrer or an opener.
 */

export const MARKDOWN_TAGS = [
  'p', 'br', 'hr', 'em', 'strong', 'del', 'code', 'pre', 'blockquote',
  'ul', 'ol', 'li', 'a', 'h3', 'h4', 'h5', 'h6',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
] as const;

export const MARKDOWN_ATTRIBUTES = ['href', 'title', 'start', 'align'] as const;

/** Absolute http(s) and mailto only: no javascript:, data:, relative or protocol-relative links. */
export const ALLOWED_LINK = /^(?:https?:\/\/|mailto:)/i;

export function isAllowedLink(href: string): boolean {
  return ALLOWED_LINK.test(href.trim());
}

/** Headings step down: a description's "# Title" must not outrank the panel's own heading. */
export const HEADING_SHIFT = 2;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Raw HTML written in markdown, as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
