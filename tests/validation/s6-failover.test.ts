import { describe, expect, it } from 'vitest';
import { node, relativeError, runBuiltin } from '../support/run-builtin';

/** S6: 1,600 msgs/s spread over two 1,000/s links with 500-message buffers; link-1 fails at 30 s. */
describe('S6: failover onto a link already at 80%', () => {
  it('before the failure: ~5 ms delay (M/M/1 link at 80%) and no loss', () => {
    const { report } = runBuiltin('failover-at-80', (doc) => {
      doc.duration = '30s';
      doc.warmup = '5s';
    });
    for (const id of ['link-1', 'link-2']) {
      const l = report.links[id];
      expect(relativeError(l.forward.meanDelayMs, 5)).toBeLessThan(0.1);
      expect(l.dropped.bufferFull).toBe(0);
      expect(relativeError(l.forward.utilization, 0.8)).toBeLessThan(0.03);
    }
  });

  const after = runBuiltin('failover-at-80', (doc) => (doc.warmup = '35s')).report;
  const survivor = after.series.links['link-2'];
  const t = after.series.t;

  it("after it: the survivor's buffer fills in ~0.83 s", () => {
    const full = t.findIndex((end, i) => end > 30_000 && survivor.bufferDepth[i] >= 495);
    expect(t[full] / 1000).toBeGreaterThan(30.6);
    expect(t[full] / 1000).toBeLessThan(31.1);
  });

  it('then delay ≈ 0.5 s and loss ≈ 37.5% (±2 pp)', () => {
    expect(relativeError(after.links['link-2'].forward.meanDelayMs, 500)).toBeLessThan(0.05);
    const from = t.findIndex((end) => end > 31_000);
    const sent = survivor.sent.slice(from).reduce((a, b) => a + b, 0);
    const dropped = survivor.dropped.slice(from).reduce((a, b) => a + b, 0);
    expect(Math.abs(dropped / sent - 0.375)).toBeLessThan(0.02);
  });

  it('at 40% per link the failover costs nothing', () => {
    const { report } = runBuiltin('failover-at-80', (doc) => {
      node(doc, 'sender').rate = 800;
      doc.warmup = '35s';
    });
    const l = report.links['link-2'];
    expect(l.dropped.bufferFull).toBe(0);
    expect(relativeError(l.forward.meanDelayMs, 5)).toBeLessThan(0.1);
    expect(report.clients.sender.failed.timeout).toBeLessThan(20); // only messages caught on link-1 as it died
  });
});
