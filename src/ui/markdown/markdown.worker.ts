/**
 * The markdown worker: formats one text at a time (markdown-to-html.ts) off the page's thread.
 * A text that takes too long is not interrupted here: the page stops this whole worker
 * (markdown-renderer.ts) and starts another for the next text.
 */
import { markdownToHtml } from './markdown-to-html.ts';
import { MARKDOWN_WORKER_READY, type MarkdownReply, type MarkdownRequest } from './markdown-renderer.ts';

self.onmessage = (event: MessageEvent<MarkdownRequest>) => {
  const { id, text } = event.data;
  const reply: MarkdownReply = { id, result: markdownToHtml(text) };
  self.postMessage(reply);
};
self.postMessage(MARKDOWN_WORKER_READY);
