// The live stream's share of the worker (workers/live-sender.ts): frames with numbers are spaced
// so that filling them takes at most LIVE_MAX_SHARE of the worker's time — a frame of a big graph
// on a loaded machine (10 ms) goes out ~5 times a second, a cheap one ~30 times — while a change
// of status still goes out at once, without numbers. The real LiveSender on a clock and timers
// the test drives (filling a frame moves the clock by its cost), so nothing depends on the machine.
import { describe, expect, it } from 'vitest';
import type { LiveLayout } from '../../src/engine/index.ts';
import { LIVE_INTERVAL_MS, LIVE_MAX_SHARE, LiveSender } from '../../workers/live-sender.ts';
import type { LiveMessage, RunProgress } from '../../workers/protocol.ts';

const LENGTH = 16;
const layout = { length: LENGTH } as LiveLayout;

/** A sender with a scripted clock; the "page" hands every buffer back at the next step. */
function scripted(fillCostMs: number | ((fill: number) => number)) {
  let nowMs = 0;
  let fills = 0;
  const timers: { atMs: number; callback: () => void }[] = [];
  const sent: { atMs: number; message: LiveMessage }[] = [];
  let progress: RunProgress = { status: 'running', speed: 1, revision: 1, runId: 1, simulatedMs: 0, durationMs: 60_000, eventsPerSec: 0 };
  const returned: Float64Array[] = [];
  const port = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    postMessage(message: LiveMessage) {
      sent.push({ atMs: nowMs, message });
      if (message.values) returned.push(message.values);
    },
    close() {},
  };
  const sender = new LiveSender(
    {
      layout: () => layout,
      fill: (out) => {
        nowMs += typeof fillCostMs === 'number' ? fillCostMs : fillCostMs(fills);
        fills++;
        out[0] = progress.simulatedMs;
      },
      progress: () => progress,
    },
    () => nowMs,
    { set: (callback, delayMs) => timers.push({ atMs: nowMs + delayMs, callback }) },
  );
  sender.resize(LENGTH);
  sender.connect(port as unknown as MessagePort);
  /** Run for `durationMs`, a slice (and a request) every millisecond, as the run loop does. */
  const run = (durationMs: number) => {
    const endMs = nowMs + durationMs;
    while (nowMs < endMs) {
      nowMs += 1;
      progress = { ...progress, simulatedMs: nowMs };
      for (const buffer of returned.splice(0)) port.onmessage?.({ data: buffer });
      for (const due of timers.filter((t) => t.atMs <= nowMs)) {
        timers.splice(timers.indexOf(due), 1);
        due.callback();
      }
      sender.request();
    }
  };
  const withValues = () => sent.filter((s) => s.message.values !== null);
  return { sender, sent, withValues, run, setStatus: (status: RunProgress['status']) => (progress = { ...progress, status, revision: progress.revision + 1 }) };
}

/** Smallest gap between consecutive frames with numbers, after the first `skip`. */
function smallestGapMs(frames: { atMs: number }[], skip = 1): number {
  let smallest = Infinity;
  for (let i = skip + 1; i < frames.length; i++) smallest = Math.min(smallest, frames[i].atMs - frames[i - 1].atMs);
  return smallest;
}

describe('live stream budget', () => {
  it('cheap frames go out ~30 times a second', () => {
    const w = scripted(0.5);
    w.run(2_000);
    expect(w.sender.valuesSpacingMs).toBe(LIVE_INTERVAL_MS);
    expect(w.withValues().length).toBeGreaterThanOrEqual(55);
    expect(smallestGapMs(w.withValues())).toBeGreaterThanOrEqual(LIVE_INTERVAL_MS);
  });

  it('costly frames are spaced so that filling them takes at most LIVE_MAX_SHARE of the time', () => {
    const w = scripted(10);
    w.run(4_000);
    expect(w.sender.valuesSpacingMs).toBeCloseTo(10 / LIVE_MAX_SHARE, 6);
    // the first FILL_COST_WINDOW frames go out at the base rate: their cost is not known yet
    const frames = w.withValues();
    expect(smallestGapMs(frames, 4)).toBeGreaterThanOrEqual(10 / LIVE_MAX_SHARE);
    const fillingMs = frames.length * 10;
    expect(fillingMs / 4_000).toBeLessThanOrEqual(LIVE_MAX_SHARE + (4 * 10) / 4_000); // the first four frames: slack
    expect(frames.length).toBeGreaterThanOrEqual(15); // still ~5 a second
  });

  it('a fill that only reads slow (the thread preempted, the first one compiling) does not hold frames back', () => {
    const w = scripted((fill) => (fill === 0 || fill === 10 ? 60 : 0.5));
    w.run(2_000);
    expect(w.sender.valuesSpacingMs).toBe(LIVE_INTERVAL_MS);
    expect(w.withValues().length).toBeGreaterThanOrEqual(50);
  });

  it('a change of status is not held back by the spacing: it goes out without numbers', () => {
    const w = scripted(10);
    w.run(500);
    const before = w.sent.length;
    const lastValuesMs = w.withValues().at(-1)!.atMs;
    w.setStatus('paused');
    w.run(LIVE_INTERVAL_MS + 2);
    const paused = w.sent.slice(before).find((s) => s.message.status === 'paused');
    expect(paused).toBeDefined();
    expect(paused!.atMs - lastValuesMs).toBeLessThan(10 / LIVE_MAX_SHARE);
    expect(paused!.message.values).toBeNull();
  });
});
