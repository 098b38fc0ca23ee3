/**
 * The Compare dialog's choices, asked of a compare worker (issue 16: the page carries no parser):
 * A's problems or its length and faults, the built-in's fixes and suggested changes, and a typed
 * path edit checked as it is typed. One compare worker, started when first asked and ended when
 * the dialog goes (`close`); the runs themselves still go through the pool (run-pair.ts). A
 * worker that fails to start fails every question with its message, instead of leaving it hanging.
 */
import { wrap } from 'comlink';
import type { CompareChoices, CompareHost } from '../../../workers/protocol.ts';
import type { VariantResult } from '../../compare/facts.ts';
import type { WorkerThread } from '../../experiments/worker-pool.ts';

export interface CompareChooser {
  choices(doc: Record<string, unknown>): Promise<CompareChoices>;
  pathEdit(doc: Record<string, unknown>, pathText: string, valueText: string): Promise<VariantResult>;
  /** Ends the worker; a later question starts a new one. */
  close(): void;
}

/** `start`: the page's compare worker (run-pair.ts's), or a Node thread in tests/contract. */
export function createCompareChooser(start: () => WorkerThread): CompareChooser {
  let thread: { thread: WorkerThread; host: CompareHost } | null = null;
  const ask = async <R>(question: (host: CompareHost) => R | Promise<R>): Promise<R> => {
    if (thread === null) {
      const started = start();
      thread = { thread: started, host: wrap<CompareHost>(started.endpoint) as unknown as CompareHost };
    }
    const { thread: current, host } = thread;
    const failed = current.failed ? current.failed.then((error) => Promise.reject(error)) : new Promise<never>(() => {});
    return Promise.race([Promise.resolve(question(host)), failed]);
  };
  return {
    choices: (doc) => ask((host) => host.choices(doc)),
    pathEdit: (doc, pathText, valueText) => ask((host) => host.pathEdit(doc, pathText, valueText)),
    close() {
      thread?.thread.terminate();
      thread = null;
    },
  };
}
