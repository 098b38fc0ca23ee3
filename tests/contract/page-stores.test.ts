// The page's side of the live stream: the one frame scheduler and the vanilla live store.
import { afterEach, describe, expect, it } from 'vitest';
import { liveMetrics, publishLive } from '../../src/store/live-metrics.ts';
import { frameScheduler, manualFrameSource, setFrameSource } from '../../src/ui/frame-scheduler.ts';
import type { LiveLayout } from '../../src/engine/index.ts';

const layout = (length: number): LiveLayout => ({ nodeIds: [], nodeKinds: [], linkIds: [], nodeFields: [], linkFields: [], keyNames: [], length }) as LiveLayout;

afterEach(() => setFrameSource(null));

describe('the frame scheduler', () => {
  it('runs every registered callback once per frame, and none after unsubscribing', () => {
    const frames = manualFrameSource();
    setFrameSource(frames);
    const seen: string[] = [];
    const stopA = frameScheduler.onFrame((t) => seen.push(`a${t}`));
    // unsubscribed below too: left registered, it would throw every 16 ms until the worker closes
    const stopBroken = frameScheduler.onFrame(() => {
      throw new Error('a broken painter');
    });
    const stopB = frameScheduler.onFrame((t) => seen.push(`b${t}`));
    const quiet = console.error;
    console.error = () => {};
    try {
      frames.frame(16);
      stopA();
      frames.frame(32);
    } finally {
      console.error = quiet;
    }
    stopB();
    stopBroken();
    expect(seen).toEqual(['a16', 'b16', 'b32']);
  });
});

describe('the live store', () => {
  it('keeps the latest array, bumps its version, and hands back the one it replaced', () => {
    const first = new Float64Array(4);
    const second = new Float64Array(4);
    let calls = 0;
    const stop = liveMetrics.subscribe(() => calls++);
    const l = layout(4);
    const v0 = liveMetrics.get().version;
    expect(publishLive(l, first)).toBe(null);
    expect(publishLive(l, second)).toBe(first); // goes back to the worker's pool
    expect(liveMetrics.get()).toEqual({ layout: l, values: second, version: v0 + 2 });
    // a status-only message keeps the numbers; a new layout drops them
    expect(publishLive(l, null)).toBe(null);
    expect(liveMetrics.get().values).toBe(second);
    expect(publishLive(layout(8), null)).toBe(second);
    expect(liveMetrics.get().values).toBe(null);
    stop();
    expect(calls).toBe(4);
  });
});
