import type { LinkRuntime } from './link.ts';
import type { SeriesRecorder } from './series.ts';

export interface LinkColumns {
  link: LinkRuntime;
  sent: number;
  delivered: number;
  dropped: number;
  buffer: number;
  utilization: number;
  backDelivered: number;
  backDropped: number;
}

/**
 * Writes each link's per-interval series. `sent`, `delivered`, `dropped`, `bufferDepth` and
 * `utilization` are the request direction; `backDelivered`/`backDropped` the responses.
 */
export class LinkSampler {
  readonly columns: LinkColumns[];
  private lastSampleMs = 0;

  constructor(
    links: LinkRuntime[],
    private readonly series: SeriesRecorder,
  ) {
    this.columns = links.map((link) => ({
      link,
      sent: series.column('links', link.spec.id, 'sent', 'count'),
      delivered: series.column('links', link.spec.id, 'delivered', 'count'),
      dropped: series.column('links', link.spec.id, 'dropped', 'count'),
      buffer: series.column('links', link.spec.id, 'bufferDepth', 'level'),
      utilization: series.column('links', link.spec.id, 'utilization', 'level'),
      backDelivered: series.column('links', link.spec.id, 'backDelivered', 'count'),
      backDropped: series.column('links', link.spec.id, 'backDropped', 'count'),
    }));
  }

  write(nowMs: number): void {
    const intervalMs = nowMs - this.lastSampleMs;
    this.lastSampleMs = nowMs;
    for (const c of this.columns) {
      const f = c.link.forward;
      const b = c.link.back;
      this.series.set(c.sent, f.sent - f.sentAtSample);
      this.series.set(c.delivered, f.delivered - f.deliveredAtSample);
      this.series.set(c.dropped, f.droppedTotal - f.droppedAtSample);
      this.series.set(c.backDelivered, b.delivered - b.deliveredAtSample);
      this.series.set(c.backDropped, b.droppedTotal - b.droppedAtSample);
      this.series.set(c.buffer, f.bufferDepth(nowMs));
      // Transmission time is booked when a message is queued, so a busy interval can read a little over 1.
      this.series.set(c.utilization, intervalMs > 0 ? Math.min(1, f.busyIntervalMs / intervalMs) : 0);
      f.markSample();
      b.markSample();
    }
  }
}
