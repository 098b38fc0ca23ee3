/**
 * Formats markdown in a worker with a time limit: the page never runs marked itself, so a text
 * that makes marked backtrack for a minute costs the reader nothing but a plain-text rendering.
 * One text at a time goes to the worker; one that is not back within `timeLimitMs` stops the
 * worker (the only way to interrupt a running parser) and a fresh one takes the next text.
 * The clock starts once the worker has said it is ready (loading its script on a busy machine
 * is not the text's fault); a worker that is not ready within `startLimitMs` counts as failed.
 * The limits that need no parser (size, nesting) are checked here first, so those refusals
 * never wait for a worker. Results are remembered per text, so a text seen before renders at once.
 *
 * Pure of the DOM: the worker is whatever `startWorker` returns (a Web Worker on the page, a
 * worker_threads adapter in the Node tests).
 */
import { MARKDOWN_LIMITS, precheckMarkdown, type MarkdownResult } from './markdown-limits.ts';

export interface MarkdownRequest {
  id: number;
  text: string;
}
export interface MarkdownReply {
  id: number;
  result: MarkdownResult;
}
/** The worker's first message: its script has loaded (marked included). */
export const MARKDOWN_WORKER_READY = { id: 0, ready: true } as const;
type WorkerMessage = MarkdownReply | typeof MARKDOWN_WORKER_READY;

/** The slice of a Worker the renderer uses. */
export interface MarkdownWorkerPort {
  postMessage(request: MarkdownRequest): void;
  /** Called with each message; `fail` when the worker dies (a load error, an uncaught throw). */
  listen(reply: (message: WorkerMessage) => void, fail: (problem: string) => void): void;
  terminate(): void;
}

export interface MarkdownRendererOptions {
  startWorker(): MarkdownWorkerPort;
  timeLimitMs?: number;
  /** Wall time for a worker to load and say it is ready. */
  startLimitMs?: number;
  /** Texts remembered with their results. */
  cacheSize?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface MarkdownRenderer {
  /** The result, formatted off the page's thread, or plain with the reason it could not be. */
  render(text: string): Promise<MarkdownResult>;
  /** A result already known for this text (rendered before), else undefined. */
  peek(text: string): MarkdownResult | undefined;
  /** Workers started so far (1 until one is stopped for taking too long). */
  readonly workersStarted: number;
  dispose(): void;
}

interface Job {
  id: number;
  text: string;
  done: ((result: MarkdownResult) => void)[];
}

export function createMarkdownRenderer(options: MarkdownRendererOptions): MarkdownRenderer {
  const timeLimitMs = options.timeLimitMs ?? MARKDOWN_LIMITS.timeLimitMs;
  const startLimitMs = options.startLimitMs ?? MARKDOWN_LIMITS.workerStartLimitMs;
  const cacheSize = options.cacheSize ?? 200;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const cache = new Map<string, MarkdownResult>();
  const queue: Job[] = [];
  let worker: MarkdownWorkerPort | null = null;
  let workerReady = false;
  let workersStarted = 0;
  /** The text in the worker; its timer is the start limit until the worker is ready, then the time limit. */
  let current: { job: Job; timer: unknown } | null = null;
  let nextId = 1;

  const remember = (text: string, result: MarkdownResult) => {
    cache.delete(text);
    cache.set(text, result);
    if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
  };

  const finish = (result: MarkdownResult) => {
    if (current === null) return;
    const { job, timer } = current;
    current = null;
    clearTimer(timer);
    remember(job.text, result);
    for (const done of job.done) done(result);
    pump();
  };

  const stopWorker = () => {
    worker?.terminate();
    worker = null;
    workerReady = false;
  };

  const startClock = (job: Job) => {
    if (current?.job !== job) return;
    clearTimer(current.timer);
    current.timer = setTimer(() => {
      if (current?.job !== job) return;
      stopWorker(); // the only way to interrupt a parser that is busy
      finish({ kind: 'plain', reason: `formatting took longer than ${(timeLimitMs / 1000).toLocaleString('en')} s` });
    }, timeLimitMs);
  };

  const ensureWorker = (): MarkdownWorkerPort => {
    if (worker !== null) return worker;
    const started = options.startWorker();
    workersStarted++;
    worker = started;
    started.listen(
      (message) => {
        if (worker !== started) return;
        if ('ready' in message) {
          workerReady = true;
          if (current !== null) startClock(current.job);
        } else if (current !== null && message.id === current.job.id) finish(message.result);
      },
      (problem) => {
        if (worker !== started) return;
        stopWorker();
        finish({ kind: 'plain', reason: `the markdown worker stopped (${problem})` });
      },
    );
    return started;
  };

  function pump(): void {
    if (current !== null || queue.length === 0) return;
    const job = queue.shift()!;
    const refused = precheckMarkdown(job.text);
    if (refused !== null) {
      remember(job.text, { kind: 'plain', reason: refused });
      for (const done of job.done) done(cache.get(job.text)!);
      pump();
      return;
    }
    let port: MarkdownWorkerPort;
    try {
      port = ensureWorker();
    } catch (error) {
      // no worker (blocked by a policy, out of memory): plain text, not a broken panel
      remember(job.text, { kind: 'plain', reason: `the markdown worker could not start (${error instanceof Error ? error.message : 'unknown error'})` });
      for (const done of job.done) done(cache.get(job.text)!);
      pump();
      return;
    }
    current = { job, timer: undefined };
    if (workerReady) startClock(job);
    else {
      current.timer = setTimer(() => {
        if (current?.job !== job) return;
        stopWorker();
        finish({ kind: 'plain', reason: `the markdown worker did not start within ${(startLimitMs / 1000).toLocaleString('en')} s` });
      }, startLimitMs);
    }
    port.postMessage({ id: job.id, text: job.text });
  }

  return {
    render(text) {
      const known = cache.get(text);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise((resolve) => {
        const waiting = current?.job.text === text ? current.job : queue.find((job) => job.text === text);
        if (waiting) waiting.done.push(resolve);
        else {
          queue.push({ id: nextId++, text, done: [resolve] });
          pump();
        }
      });
    },
    peek(text) {
      return cache.get(text);
    },
    get workersStarted() {
      return workersStarted;
    },
    dispose() {
      if (current) clearTimer(current.timer);
      current = null;
      queue.length = 0;
      stopWorker();
    },
  };
}
