/**
 * Inside a `faultline test` worker thread (test-pool.ts): says `{ ready: true }` once the engine
 * is loaded, then answers `{ index, doc }` with `{ index, run }` (or `{ index, error }` for a bug),
 * one whole file at a time.
 */
import { parentPort } from 'node:worker_threads';
import { runFile } from './test-run.ts';

if (parentPort === null) throw new Error('test-worker.ts runs only as a worker thread');
const port = parentPort;
port.postMessage({ ready: true });

port.on('message', ({ index, doc }: { index: number; doc: unknown }) => {
  try {
    port.postMessage({ index, run: runFile(doc) });
  } catch (error) {
    port.postMessage({ index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
