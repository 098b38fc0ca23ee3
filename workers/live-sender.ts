/**
 * The live stream, worker side (DESIGN.md §5): the engine's live array in transferred
 * Float64Array buffers, at most one per LIVE_INTERVAL_MS, from a pool of LIVE_POOL_SIZE. The page
 * sends each buffer back when it has a newer one; while none is back the worker skips frames
 * (latest wins), so a busy page never queues stale frames.
 */
import type { LiveLayout } from '../src/engine/index.ts';
import type { LiveMessage, RunProgress } from './protocol.ts';

/** ~30 messages per second at most. */
export const LIVE_INTERVAL_MS = 33;
export const LIVE_POOL_SIZE = 3;

export interface LiveSource {
  /** Null until a scenario is loaded. */
  layout(): LiveLayout | null;
  fill(out: Float64Array): void;
  progress(): RunProgress;
}

export class LiveSender {
  private port: MessagePort | null = null;
  private pool: Float64Array[] = [];
  private length = -1;
  private layoutSentForRun = -1;
  private lastSentMs = -Infinity;
  private pending = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** What the page last heard, so a status change is sent even without a free buffer. */
  private lastSent = '';

  constructor(
    private readonly source: LiveSource,
    private readonly nowMs: () => number,
  ) {}

  connect(port: MessagePort): void {
    this.port?.close();
    this.port = port;
    this.layoutSentForRun = -1;
    this.lastSent = '';
    port.onmessage = (event: MessageEvent<unknown>) => this.takeBack(event.data);
    this.request();
  }

  /** A new run: buffers of the old length are useless now, returned ones are dropped. */
  resize(length: number): void {
    if (length === this.length) return;
    this.length = length;
    this.pool = Array.from({ length: LIVE_POOL_SIZE }, () => new Float64Array(length));
  }

  /** Something changed (a command, or a slice of the run): send as soon as the rate limit allows. */
  request(): void {
    this.pending = true;
    this.flush();
  }

  private takeBack(data: unknown): void {
    if (data instanceof Float64Array && data.length === this.length && this.pool.length < LIVE_POOL_SIZE) this.pool.push(data);
    if (this.pending) this.flush();
  }

  private flush(): void {
    if (this.port === null || !this.pending || this.timer !== null) return;
    const waitMs = this.lastSentMs + LIVE_INTERVAL_MS - this.nowMs();
    if (waitMs > 0) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, waitMs);
      return;
    }
    const progress = this.source.progress();
    const layout = this.source.layout();
    const statusKey = `${progress.status}|${progress.speed}|${progress.revision}|${progress.runId}`;
    const buffer = layout !== null ? this.pool.pop() : undefined;
    // Without a buffer only a change of status is worth a message; the numbers wait for one.
    if (buffer === undefined && statusKey === this.lastSent) return;
    const message: LiveMessage = { ...progress, values: null };
    if (layout !== null && this.layoutSentForRun !== progress.runId) {
      message.layout = layout;
      this.layoutSentForRun = progress.runId;
    }
    if (buffer !== undefined) {
      this.source.fill(buffer);
      message.values = buffer;
      this.pending = false;
    }
    this.lastSent = statusKey;
    this.lastSentMs = this.nowMs();
    this.port.postMessage(message, buffer ? [buffer.buffer] : []);
  }
}
