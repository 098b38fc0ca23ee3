// worker_threads entry for tests/support/markdown-node-worker.ts: tsx's loader, then the worker's job.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { markdownToHtml } = await import('../../src/ui/markdown/markdown-to-html.ts');
const { MARKDOWN_WORKER_READY } = await import('../../src/ui/markdown/markdown-renderer.ts');
parentPort.on('message', ({ id, text }) => parentPort.postMessage({ id, result: markdownToHtml(text) }));
parentPort.postMessage(MARKDOWN_WORKER_READY);
