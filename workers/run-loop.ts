/**
 * Drives the engine in time-budgeted slices (DESIGN.md §5). Between slices it yields to the
 * worker's event loop so commands land within a slice (≤ SLICE_BUDGET_MS), even at 'max'.
 * At 1×, 10× and 100× simulated time follows the wall clock. A slice that overruns (a sample
 * interval closing on a big graph, a GC, a page busy on the other core) leaves a backlog the next
 * slices make up, up to MAX_LAG_MS of wall time; when the engine cannot keep up beyond that the
 * clock slips (and says so: `behind`) rather than sprinting to catch up later.
 *
 * At 'story' the rate comes from the scenario's pacing plan (src/story) at the current simulated
 * time: the clock follows the plan's playback, and when the engine falls behind it slips (and says
 * so: `behind`) rather than skipping ahead — a slow machine never skips a step.
 *
 * A seek (seekTo) runs at full speed to a simulated time, then goes back to what the run was doing.
 *
 * A pause-at (setPauseAt) bounds a running slice: events before that simulated time run, then
 * the loop stops, 'paused', with the clock exactly at it. It acts only when the clock reaches it
 * from below, so play goes on past it; it stays set (across resets and reloads) until changed.
 */
import type { Simulation } from '../src/engine/index.ts';
import { playbackAt, storySimAfter, type StoryPlan } from '../src/story/index.ts';
import type { HostStatus, RunSpeed } from './protocol.ts';

/** Wall time per slice: half a 60 Hz frame, so a command waits at most that long. */
export const SLICE_BUDGET_MS = 8;
/** Events between clock reads at 'max' (~1–2 ms of work). */
const EVENTS_PER_CHUNK = 4096;
/** At a paced speed with nothing due, sleep about a frame (a timer is fine here: not per batch). */
const IDLE_WAIT_MS = 16;
/** Events per second are measured over windows this long. */
const RATE_WINDOW_MS = 500;
/** "Behind" holds this long after the last slice that could not keep up (no flicker). */
const BEHIND_HOLD_MS = 750;
/**
 * How far (wall ms of playback) the engine may trail the paced clock and still catch up. Dropping
 * every backlog at once lost a 1,000-node graph ~40% of its time at 1× though the engine ran at
 * 2.7× real time (docs/performance.md, "Browser: big graphs in real time"). Above it the clock
 * slips; a quarter second of catching up is not seen as a sprint.
 */
export const MAX_LAG_MS = 250;

/** How the loop waits between slices: real timers, or a test's (tests/contract/run-loop-pacing). */
export interface LoopTimers {
  /** Back after queued messages (commands) are handled. */
  yield(): Promise<void>;
  /** Back after about `delayMs` (nothing due at a paced speed). */
  sleep(delayMs: number): Promise<void>;
}

/**
 * Yield to the event loop so queued messages (commands) are handled. Browsers clamp nested
 * setTimeout(0) to ~4 ms, which would cap throughput; a MessageChannel round trip does not.
 * Node (the contract test's worker_threads) has setImmediate, which does the same.
 */
export const yieldToEventLoop: () => Promise<void> =
  typeof setImmediate === 'function' ? () => new Promise((resolve) => setImmediate(resolve)) : messageChannelYield();

function messageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

/**
 * Runs every event before `targetMs` (the engine's `advanceUntil`, 256 events between looks at
 * the wall clock); false when the wall-clock deadline came first. The engine's run guard (it
 * throws from `advanceUntil`) is what ends a step (no deadline) through a zero-delay loop.
 */
function advanceUntil(sim: Simulation, targetMs: number, deadlineMs: number, nowMs: () => number): boolean {
  while (!sim.advanceUntil(targetMs, 256)) if (nowMs() > deadlineMs) return false;
  return true;
}

const realTimers: LoopTimers = {
  yield: () => yieldToEventLoop(),
  sleep: (delayMs) => new Promise((resolve) => setTimeout(resolve, delayMs)),
};

export class RunLoop {
  status: HostStatus = 'idle';
  speed: RunSpeed = 1;
  /** The simulated clock shown to people: paced speeds advance it between events too. */
  clockMs = 0;
  eventsPerSec = 0;
  failure: string | undefined;
  /** Where a running slice stops and pauses (simulated ms), or null; see setPauseAt. */
  pauseAtMs: number | null = null;
  /** Wall time spent simulating this run (the report's wallMs). */
  busyMs = 0;
  /** Where a seek is heading (simulated ms), or null. */
  seekToMs: number | null = null;
  private sim: Simulation | null = null;
  private plan: StoryPlan | null = null;
  /** What the run goes back to when a seek arrives. */
  private statusAfterSeek: 'running' | 'paused' = 'paused';
  private behindUntilMs = -Infinity;
  private anchorWallMs = 0;
  private anchorSimMs = 0;
  private scheduled = false;
  private rateWindowStartMs = 0;
  private rateWindowEvents = 0;

  constructor(
    private readonly nowMs: () => number,
    /** After each slice and every change of status (the live stream listens). */
    private readonly onSlice: () => void,
    private readonly timers: LoopTimers = realTimers,
  ) {}

  /** The pacing plan speed 'story' follows (the loaded scenario's). */
  setPlan(plan: StoryPlan | null): void {
    this.plan = plan;
    this.reanchor();
  }

  /** Playing, or a seek that will go on playing when it arrives. */
  get playing(): boolean {
    return this.seekToMs !== null ? this.statusAfterSeek === 'running' : this.status === 'running';
  }

  /** The engine could not keep up with the paced clock within the last moment. */
  get behind(): boolean {
    return this.status === 'running' && this.seekToMs === null && this.speed !== 'max' && this.nowMs() < this.behindUntilMs;
  }

  attach(sim: Simulation): void {
    // A reload keeps play/pause; a seek under way is dropped, leaving the state it would have left.
    const playing = this.playing;
    this.sim = sim;
    this.seekToMs = null;
    this.behindUntilMs = -Infinity;
    this.clockMs = 0;
    this.busyMs = 0;
    this.eventsPerSec = 0;
    this.failure = undefined;
    this.status = playing ? 'running' : 'paused';
    this.reanchor();
    if (this.status === 'running') this.schedule(0);
  }

  /** Nothing loaded any more (a new, empty scenario): idle, clock at zero. */
  detach(): void {
    this.sim = null;
    this.seekToMs = null;
    this.behindUntilMs = -Infinity;
    this.status = 'idle';
    this.clockMs = 0;
    this.busyMs = 0;
    this.eventsPerSec = 0;
    this.failure = undefined;
  }

  play(): void {
    if (this.seekToMs !== null) {
      this.statusAfterSeek = 'running';
      return;
    }
    if (this.sim === null || this.status === 'running') return;
    if (this.status === 'finished' || this.status === 'failed') return;
    this.status = 'running';
    this.reanchor();
    this.schedule(0);
  }

  pause(): void {
    if (this.status !== 'running') return;
    this.seekToMs = null; // a pause during a seek stops it where it got to
    this.status = 'paused';
    this.eventsPerSec = 0;
  }

  setSpeed(speed: RunSpeed): void {
    this.speed = speed;
    this.reanchor();
  }

  /**
   * Pause the run when its clock reaches `simulatedMs` (null: never). Events before that moment
   * run, none at or after it; the clock then reads exactly `simulatedMs`. A time the clock has
   * already reached, or the run's end or later, does nothing (play goes on past it). Step is not
   * bounded by it: a step pauses anyway.
   */
  setPauseAt(simulatedMs: number | null): void {
    this.pauseAtMs = simulatedMs !== null && Number.isFinite(simulatedMs) ? simulatedMs : null;
  }

  /** The pause-at this slice must stop at: set, ahead of the clock and before the end. */
  private pendingPauseAt(sim: Simulation): number | null {
    const at = this.pauseAtMs;
    return at !== null && at > this.clockMs && at < sim.endMs ? at : null;
  }

  /**
   * Run at full speed to `simulatedMs` (forward only: the host restarts the run for a time behind
   * the clock), then carry on as before: playing if it was, else paused there. A pause-at is not
   * honoured on the way (a jump passes steps); pause stops the seek where it got to.
   */
  seekTo(simulatedMs: number): void {
    const sim = this.sim;
    if (sim === null || this.status === 'failed' || !Number.isFinite(simulatedMs)) return;
    const target = Math.min(Math.max(simulatedMs, this.clockMs), sim.endMs);
    if (this.seekToMs === null) this.statusAfterSeek = this.status === 'running' ? 'running' : 'paused';
    if (target <= this.clockMs) return;
    this.seekToMs = target;
    this.status = 'running';
    this.schedule(0);
  }

  private finishSeek(): void {
    this.seekToMs = null;
    this.status = this.statusAfterSeek;
    if (this.status === 'paused') this.eventsPerSec = 0;
    this.reanchor();
  }

  /** One sample interval of simulated time, then paused. */
  step(): void {
    const sim = this.sim;
    if (sim === null || this.status === 'finished' || this.status === 'failed') return;
    this.pause();
    const intervalMs = sim.spec.sampleEveryMs;
    const targetMs = Math.min(sim.endMs, (Math.floor(this.clockMs / intervalMs) + 1) * intervalMs);
    this.guarded(() => {
      advanceUntil(sim, targetMs, Infinity, this.nowMs);
      // Close the interval now if the next event falls in the next one, so charts show this step.
      if (!sim.done && sim.queue.peekTimeMs() < targetMs + intervalMs) sim.advance(1);
    });
    if (this.failure !== undefined) this.clockMs = sim.nowMs; // stopped part-way (the guard)
    else this.clockMs = sim.done ? sim.endMs : targetMs;
    if (sim.done && this.failure === undefined) this.status = 'finished';
  }

  private reanchor(): void {
    this.anchorWallMs = this.nowMs();
    this.anchorSimMs = this.clockMs;
    this.rateWindowStartMs = this.anchorWallMs;
    this.rateWindowEvents = this.sim?.eventCount ?? 0;
  }

  private schedule(delayMs: number): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      this.slice();
    };
    void (delayMs > 0 ? this.timers.sleep(delayMs) : this.timers.yield()).then(run);
  }

  private guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      this.status = 'failed';
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  /** The paced clock's target for a slice starting at `startedMs` (Infinity at 'max'). */
  private pacedTarget(startedMs: number): number {
    const elapsedMs = startedMs - this.anchorWallMs;
    if (this.speed === 'max') return Infinity;
    if (this.speed === 'story') return this.plan === null ? this.anchorSimMs + elapsedMs * 10 : storySimAfter(this.plan, this.anchorSimMs, elapsedMs);
    return this.anchorSimMs + elapsedMs * this.speed;
  }

  /** Wall ms of playback between the clock and where the paced clock is at `nowMs`. */
  private lagMs(nowMs: number): number {
    const targetMs = this.pacedTarget(nowMs);
    if (this.speed === 'story' && this.plan !== null) return playbackAt(this.plan, targetMs) - playbackAt(this.plan, this.clockMs);
    return (targetMs - this.clockMs) / (this.speed === 'story' ? 10 : (this.speed as number));
  }

  /**
   * After a slice that did not reach its target: a backlog up to MAX_LAG_MS is made up by the
   * next slices (scheduled at once); beyond it the clock slips, keeping MAX_LAG_MS of backlog, and
   * the run says it is behind.
   */
  private keepPace(nowMs: number): void {
    if (this.lagMs(nowMs) <= MAX_LAG_MS) return;
    this.behindUntilMs = nowMs + BEHIND_HOLD_MS;
    this.anchorSimMs = this.clockMs;
    this.anchorWallMs = nowMs - MAX_LAG_MS;
  }

  private slice(): void {
    const sim = this.sim;
    if (sim === null || this.status !== 'running') return;
    const startedMs = this.nowMs();
    const deadlineMs = startedMs + SLICE_BUDGET_MS;
    let caughtUp = false;
    let reachedStop = false;
    const seeking = this.seekToMs !== null;
    const stopAtMs = seeking ? this.seekToMs : this.pendingPauseAt(sim);
    const flatOut = seeking || this.speed === 'max';
    this.guarded(() => {
      if (flatOut && stopAtMs === null) {
        while (this.nowMs() < deadlineMs && !sim.advance(EVENTS_PER_CHUNK));
        this.clockMs = sim.nowMs;
        return;
      }
      let targetMs = Math.min(sim.endMs, flatOut ? Infinity : this.pacedTarget(startedMs));
      if (stopAtMs !== null && stopAtMs <= targetMs) {
        targetMs = stopAtMs;
        reachedStop = true;
      }
      caughtUp = advanceUntil(sim, targetMs, deadlineMs, this.nowMs);
      if (caughtUp) this.clockMs = Math.max(this.clockMs, targetMs);
      else {
        reachedStop = false;
        this.clockMs = Math.max(this.clockMs, sim.nowMs);
        if (!flatOut) this.keepPace(this.nowMs());
      }
    });
    const endedMs = this.nowMs();
    this.busyMs += endedMs - startedMs;
    if (sim.done && this.status === 'running') {
      this.status = 'finished';
      this.seekToMs = null;
      this.clockMs = sim.endMs;
    }
    this.measureRate(sim, endedMs);
    if (reachedStop && caughtUp && this.status === 'running') {
      if (seeking) this.finishSeek();
      else this.pause(); // exactly at the pause-at
    }
    this.onSlice();
    if (this.status === 'running') this.schedule(caughtUp && !seeking ? IDLE_WAIT_MS : 0);
  }

  private measureRate(sim: Simulation, nowMs: number): void {
    const elapsedMs = nowMs - this.rateWindowStartMs;
    if (elapsedMs < RATE_WINDOW_MS && this.status === 'running') return;
    if (elapsedMs > 0) this.eventsPerSec = ((sim.eventCount - this.rateWindowEvents) * 1000) / elapsedMs;
    this.rateWindowStartMs = nowMs;
    this.rateWindowEvents = sim.eventCount;
  }
}
