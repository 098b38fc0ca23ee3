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
/**
 * The most of the worker's time that filling frames may take: frames with numbers are spaced at
 * least fill cost / this. A 1,000-node frame costs ~1 ms (33 ms spacing, as before) but 10–12 ms
 * on a loaded machine, which at 30 a second was a third of the worker (docs/performance.md,
 * "Browser: big graphs in real time"); then they go out at ~5 Hz and the engine keeps the time.
 * A change of status is not held back: it goes out without numbers.
 */
export const LIVE_MAX_SHARE = 0.05;
/**
 * A fill's cost is the least of the last this-many (wall time: a fill the thread was preempted in,
 * or the first one compiling, only ever reads high). Until that many fills, it reads 0.
 */
const FILL_COST_WINDOW = 4;

/** How the sender waits for its next frame: real timers, or a test's. */
export interface LiveTimers {
  set(callback: () => void, delayMs: number): unknown;
}
const realTimers: LiveTimers = { set: (callback, delayMs) => setTimeout(callback, delayMs) };

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
  /** When the earliest flush already waiting on a timer is due (Infinity: none). */
  private nextFlushMs = Infinity;
  /** The last fills' wall times (a ring), and when the last frame with numbers was filled. */
  private fillsMs = new Float64Array(FILL_COST_WINDOW);
  private fills = 0;
  private lastFilledMs = -Infinity;
  /** What the page last heard, so a status change is sent even without a free buffer. */
  private lastSent = '';

  constructor(
    private readonly source: LiveSource,
    private readonly nowMs: () => number,
    private readonly timers: LiveTimers = realTimers,
  ) {}

  connect(port: MessagePort): void {
    this.port?.close();
    this.port = port;
    this.layoutSentForRun = -1;
    this.lastSent = '';
    port.onmessage = (event: MessageEvent<unknown>) => this.takeBack(event.data);
    this.request();
  }

  /** Frames with numbers are at least this far apart (ms): see LIVE_MAX_SHARE. */
  get valuesSpacingMs(): number {
    return Math.max(LIVE_INTERVAL_MS, Math.min(...this.fillsMs) / LIVE_MAX_SHARE);
  }

  /** A new run: buffers of the old length are useless now, returned ones are dropped. */
  resize(length: number): void {
    if (length === this.length) return;
    this.length = length;
    this.fillsMs.fill(0);
    this.fills = 0;
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
    if (this.port === null || !this.pending) return;
    const nowMs = this.nowMs();
    const waitMs = this.lastSentMs + LIVE_INTERVAL_MS - nowMs;
    if (waitMs > 0) return this.flushIn(waitMs);
    const progress = this.source.progress();
    const layout = this.source.layout();
    const statusKey = `${progress.status}|${progress.speed}|${progress.revision}|${progress.runId}`;
    const newRun = layout !== null && this.layoutSentForRun !== progress.runId;
    // A new run's first message carries numbers with its layout: no blank frame.
    const valuesWaitMs = newRun ? 0 : this.lastFilledMs + this.valuesSpacingMs - nowMs;
    const buffer = layout !== null && valuesWaitMs <= 0 ? this.pool.pop() : undefined;
    // Without a buffer only a change of status is worth a message; the numbers wait for one
    // (handed back by the page, or their spacing elapsed).
    if (buffer === undefined && statusKey === this.lastSent) {
      if (layout !== null && valuesWaitMs > 0) this.flushIn(valuesWaitMs);
      return;
    }
    const message: LiveMessage = { ...progress, values: null };
    if (layout !== null && this.layoutSentForRun !== progress.runId) {
      message.layout = layout;
      this.layoutSentForRun = progress.runId;
    }
    if (buffer !== undefined) {
      const fillStartedMs = this.nowMs();
      this.source.fill(buffer);
      const fillMs = this.nowMs() - fillStartedMs;
      this.fillsMs[this.fills++ % FILL_COST_WINDOW] = fillMs;
      this.lastFilledMs = fillStartedMs;
      message.values = buffer;
      this.pending = false;
    }
    this.lastSent = statusKey;
    this.lastSentMs = this.nowMs();
    this.port.postMessage(message, buffer ? [buffer.buffer] : []);
  }

  /** Flush again in `delayMs`, unless a timer already waits that long or less. */
  private flushIn(delayMs: number): void {
    const atMs = this.nowMs() + delayMs;
    if (this.nextFlushMs <= atMs) return;
    this.nextFlushMs = atMs;
    this.timers.set(() => {
      this.nextFlushMs = Infinity;
      this.flush();
    }, delayMs);
  }
}
