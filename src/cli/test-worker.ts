/**
 * Inside a `faultline test` worker thread (test-command.ts starts them through the one abortable
 * pool, src/experiments/worker-pool.ts): whole files, one at a time, exposed with comlink on the
 * thread's port as the sweep's threads are. A bug throws, and comlink carries its stack back.
 */
import { expose } from 'comlink';
import { parentPort } from 'node:worker_threads';
import { nodeEndpoint } from '../experiments/node-endpoint.ts';
import { runFile, type FileRun } from './test-run.ts';

/** What a test thread answers: one file's run, by its document. */
export interface TestFileHost {
  run(doc: unknown): FileRun;
}

if (parentPort === null) throw new Error('test-worker.ts runs only as a worker thread');
expose({ run: runFile } satisfies TestFileHost, nodeEndpoint(parentPort));
