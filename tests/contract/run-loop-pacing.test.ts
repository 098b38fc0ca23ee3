// The run loop's pacing arithmetic (workers/run-loop.ts) on a clock the test drives: a slice that
// overruns its budget — a sample interval closing on a big graph, a GC pause — must not cost the
// run its time at 1×; an engine that really cannot keep up slips (and says so) instead of
// sprinting later. The real RunLoop and engine; only the wall clock and the timers are the test's,
// so nothing here depends on how fast or busy the machine is.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../src/engine/index.ts';
import { parseScenario } from '../../src/scenario/index.ts';
import { layeredGraph } from '../../src/scenarios/generated.ts';
import { MAX_LAG_MS, RunLoop, SLICE_BUDGET_MS } from '../../workers/run-loop.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A wall clock that moves only when read: each read stands for the engine's work since the last
 * one (`workMsPerRead`), every `spikeEvery`-th read for a pause of `spikeMs` more.
 */
class ScriptedClock {
  nowMs = 1_000;
  reads = 0;
  workMsPerRead = 0.05;
  spikeEvery = 0;
  spikeMs = 0;

  read = (): number => {
    this.reads++;
    this.nowMs += this.workMsPerRead;
    if (this.spikeEvery > 0 && this.reads % this.spikeEvery === 0) this.nowMs += this.spikeMs;
    return this.nowMs;
  };

  /** The loop's timers: a sleep moves the clock by its length; both come back on the next turn. */
  timers = {
    yield: nextTurn,
    sleep: (delayMs: number) => {
      this.nowMs += delayMs;
      return nextTurn();
    },
  };

  async runUntil(wallMs: number): Promise<void> {
    while (this.nowMs < wallMs) await nextTurn();
  }
}

/** A run of a 20-node graph playing at 1×; counts its slices and the longest wall time between two. */
function playing(clock: ScriptedClock): { loop: RunLoop; slices: () => number; longestGapMs: () => number } {
  const parsed = parseScenario(layeredGraph(20, 3_000, '10m'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  let slices = 0;
  let lastEndMs = clock.nowMs;
  let longestGapMs = 0;
  const onSlice = () => {
    slices++;
    longestGapMs = Math.max(longestGapMs, clock.nowMs - lastEndMs);
    lastEndMs = clock.nowMs;
  };
  const loop = new RunLoop(clock.read, onSlice, clock.timers);
  loop.attach(new Simulation(parsed.spec));
  loop.setSpeed(1);
  loop.play();
  return { loop, slices: () => slices, longestGapMs: () => longestGapMs };
}

describe('run loop pacing at 1×', () => {
  it('slices that overrun their budget are made up: the clock keeps pace with the wall clock', async () => {
    const clock = new ScriptedClock();
    // every 40th look at the clock comes 30 ms late: the slice holding it ends ~4× over budget
    clock.spikeEvery = 40;
    clock.spikeMs = 30;
    const startedMs = clock.nowMs;
    const { loop, slices } = playing(clock);
    await clock.runUntil(startedMs + 12_000);
    loop.pause();
    const wallMs = clock.nowMs - startedMs;
    const spikes = Math.floor(clock.reads / clock.spikeEvery);
    expect(spikes).toBeGreaterThan(50); // the overruns happened, many times
    expect(slices()).toBeGreaterThan(500);
    // Keeps pace: within the allowed backlog of the wall clock (it was ~a third behind when each
    // overrun's backlog was dropped), never ahead of it.
    expect(loop.clockMs).toBeGreaterThanOrEqual(wallMs - MAX_LAG_MS);
    expect(loop.clockMs).toBeLessThanOrEqual(wallMs);
    expect(loop.behind).toBe(false);
  });

  it('an engine slower than the wall clock slips, says so, and does not sprint when it is fast again', async () => {
    const clock = new ScriptedClock();
    clock.workMsPerRead = 10; // 256 events per 10 ms: this graph needs ~200 looks per simulated second
    const startedMs = clock.nowMs;
    const { loop, longestGapMs } = playing(clock);
    await clock.runUntil(startedMs + 10_000);
    const slowSliceMs = longestGapMs();
    const slowWallMs = clock.nowMs - startedMs;
    expect(loop.clockMs).toBeGreaterThan(0);
    expect(loop.clockMs).toBeLessThan(slowWallMs * 0.9); // behind the wall clock…
    expect(loop.behind).toBe(true); // …and saying so
    // Its events/s still reads (re-anchoring on every slip once reset the rate window each time:
    // 0 for good), and no more than the scripted engine can do: 256 events per 10 ms look.
    expect(loop.eventsPerSec).toBeGreaterThan(5_000);
    expect(loop.eventsPerSec).toBeLessThanOrEqual(25_600);

    clock.workMsPerRead = 0.05;
    const fastFromWallMs = clock.nowMs;
    const fastFromSimMs = loop.clockMs;
    await clock.runUntil(fastFromWallMs + 5_000);
    loop.pause();
    const caughtUpMs = loop.clockMs - fastFromSimMs;
    const wallMs = clock.nowMs - fastFromWallMs;
    // The time lost while slow stays lost: at most the backlog is made up — MAX_LAG_MS when the
    // last slow slice slipped, plus the wall time until the next slice began.
    expect(slowSliceMs).toBeGreaterThan(SLICE_BUDGET_MS);
    expect(caughtUpMs).toBeLessThanOrEqual(wallMs + MAX_LAG_MS + slowSliceMs);
    expect(caughtUpMs).toBeGreaterThanOrEqual(wallMs - MAX_LAG_MS);
    expect(loop.behind).toBe(false);
  });
});
