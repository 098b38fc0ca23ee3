// The markdown worker's job (src/ui/markdown/markdown-to-html.ts) in a real worker_threads
// thread, behind the renderer's MarkdownWorkerPort: the Node tests then exercise the same
// renderer the page uses, with a parser that can really hang and a worker that is really stopped.
import { Worker } from 'node:worker_threads';
import type { MarkdownWorkerPort } from '../../src/ui/markdown/markdown-renderer.ts';

const ENTRY = new URL('./markdown-node-worker-entry.mjs', import.meta.url);

export function startNodeMarkdownWorker(): MarkdownWorkerPort {
  const worker = new Worker(ENTRY);
  return {
    postMessage: (request) => worker.postMessage(request),
    listen(reply, fail) {
      worker.on('message', (message: Parameters<typeof reply>[0]) => reply(message));
      worker.on('error', (error) => fail(error.message));
    },
    terminate: () => void worker.terminate(),
  };
}
