/**
 * Markdown → safe HTML on the page: the markdown worker formats (markdown-renderer.ts, with
 * marked, within time and size limits), DOMPurify keeps only what markdown-policy.ts allows.
 * DOMPurify needs a DOM (it parses with the browser's own parser), so this half lives in the
 * lazily loaded library and guide chunks, never in a worker or the CLI.
 */
import DOMPurify from 'dompurify';
import { ALLOWED_LINK, MARKDOWN_ATTRIBUTES, MARKDOWN_TAGS, isAllowedLink } from './markdown-policy.ts';
import type { MarkdownResult } from './markdown-limits.ts';
import { createMarkdownRenderer, type MarkdownRenderer, type MarkdownWorkerPort } from './markdown-renderer.ts';

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

export function sanitizeMarkdownHtml(html: string): string {
  addLinkHook();
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: [...MARKDOWN_TAGS],
    ALLOWED_ATTR: [...MARKDOWN_ATTRIBUTES, 'target', 'rel'],
    ALLOWED_URI_REGEXP: ALLOWED_LINK,
  });
}

function startBrowserWorker(): MarkdownWorkerPort {
  const worker = new Worker(new URL('./markdown.worker.ts', import.meta.url), { type: 'module', name: 'markdown' });
  return {
    postMessage: (request) => worker.postMessage(request),
    listen(reply, fail) {
      worker.addEventListener('message', (event: MessageEvent<Parameters<typeof reply>[0]>) => reply(event.data));
      worker.addEventListener('error', (event) => fail(event.message || 'its script failed'));
      worker.addEventListener('messageerror', () => fail('a reply could not be read'));
    },
    terminate: () => worker.terminate(),
  };
}

let pageRenderer: MarkdownRenderer | null = null;

/** The page's one markdown renderer (one worker, started on first use). */
export function markdownRenderer(): MarkdownRenderer {
  pageRenderer ??= createMarkdownRenderer({ startWorker: startBrowserWorker });
  return pageRenderer;
}

/** What the page shows for a formatted result: sanitized HTML, or plain text with its reason. */
export type ShownMarkdown = { kind: 'html'; html: string } | { kind: 'plain'; reason: string } | { kind: 'pending' };

export function toShown(result: MarkdownResult | undefined): ShownMarkdown {
  if (result === undefined) return { kind: 'pending' };
  if (result.kind === 'plain') return result;
  try {
    return { kind: 'html', html: sanitizeMarkdownHtml(result.html) };
  } catch (error) {
    return { kind: 'plain', reason: `the formatted text could not be made safe (${error instanceof Error ? error.message.slice(0, 120) : 'unknown error'})` };
  }
}
