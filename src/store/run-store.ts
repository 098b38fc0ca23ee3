/**
 * Run control: what the run is doing, as React state (zustand), and the commands that change it
 * as module-level actions, callable outside React (zustand's guidance). The numbers that move at
 * stream rate are NOT here — they are in live-metrics.ts; the clock and events/s here are
 * refreshed a few times a second for the controls.
 */
import { create } from 'zustand';
import type { FaultSpec, LinkPatch, NodePatch } from '../engine/index.ts';
import type { FaultLogEntry, LoadedScenario, RunProgress, RunSpeed, ValidationError } from '../../workers/protocol.ts';
import type { StoryView } from '../story/index.ts';
import { liveMetrics, publishLive } from './live-metrics.ts';
import { onRunProgress, simulationHost } from './simulation-worker.ts';

export type RunStatus = 'idle' | 'loading' | 'paused' | 'running' | 'finished' | 'invalid' | 'failed';
export type { RunSpeed };

export interface RunState {
  status: RunStatus;
  speed: RunSpeed;
  simulatedMs: number;
  durationMs: number;
  eventsPerSec: number;
  /** The last document's or command's problems, each with its path; [] when all is well. */
  errors: ValidationError[];
  /** The latest revision the worker has confirmed. */
  revision: number;
  /** Faults injected live in this run (the scenario's own are `scenarioFaults`). */
  faultLog: FaultLogEntry[];
  scenarioFaults: FaultSpec[];
  sampleEveryMs: number;
  /** Bumped by every load, reload and reset (charts start over). */
  runId: number;
  warnings: string[];
  /** Why the run failed (status 'failed'). */
  failure: string | null;
  /** Where the worker will pause the run (setPauseAt; the guide's next step), simulated ms; null: nowhere. */
  pauseAtMs: number | null;
  /** How the loaded scenario tells itself (pacing plan, captions, timeline marks); null before a load. */
  story: StoryView | null;
  /** The engine cannot keep up with the paced clock (at 'story': "behind the story"). */
  behind: boolean;
  /** A seek is running towards this simulated time; null: none. */
  seekingToMs: number | null;
}

const initialState: RunState = {
  status: 'idle',
  speed: 1,
  simulatedMs: 0,
  durationMs: 0,
  eventsPerSec: 0,
  errors: [],
  revision: 0,
  faultLog: [],
  scenarioFaults: [],
  sampleEveryMs: 1000,
  runId: 0,
  warnings: [],
  failure: null,
  pauseAtMs: null,
  story: null,
  behind: false,
  seekingToMs: null,
};

export const useRunStore = create<RunState>()(() => initialState);
const set = useRunStore.setState;
const get = useRunStore.getState;

/** The clock and events/s reach React at most this often; status changes at once. */
const CLOCK_REFRESH_MS = 100;
let lastClockRefreshMs = -Infinity;
let listening = false;

function applyProgress(progress: RunProgress, force = false): void {
  const state = get();
  const status: RunStatus = state.status === 'invalid' && progress.status === 'idle' ? 'invalid' : state.status === 'loading' ? 'loading' : progress.status;
  const now = performance.now();
  const seekingToMs = progress.seekingToMs ?? null;
  const behind = progress.behind === true;
  const statusChanged =
    status !== state.status || progress.speed !== state.speed || progress.runId !== state.runId || seekingToMs !== state.seekingToMs || behind !== state.behind;
  if (!force && !statusChanged && now - lastClockRefreshMs < CLOCK_REFRESH_MS) return;
  lastClockRefreshMs = now;
  set({
    status,
    speed: progress.speed,
    runId: progress.runId,
    simulatedMs: progress.simulatedMs,
    durationMs: progress.durationMs,
    eventsPerSec: progress.eventsPerSec,
    revision: Math.max(state.revision, progress.revision),
    failure: progress.status === 'failed' ? (progress.message ?? 'the simulation failed') : null,
    pauseAtMs: progress.pauseAtMs ?? null,
    behind,
    seekingToMs,
  });
}

function host() {
  if (!listening) {
    listening = true;
    onRunProgress(applyProgress);
  }
  return simulationHost();
}

function confirmed(revision: number, extra: Partial<RunState> = {}): void {
  set({ revision: Math.max(get().revision, revision), ...extra });
}

function started(loaded: LoadedScenario, revision: number, status: RunStatus): void {
  set({
    status,
    revision: Math.max(get().revision, revision),
    simulatedMs: 0,
    durationMs: loaded.durationMs,
    sampleEveryMs: loaded.sampleEveryMs,
    scenarioFaults: loaded.faults,
    warnings: loaded.warnings,
    errors: [],
    faultLog: [],
    failure: null,
    story: loaded.story,
  });
}

/** Keeps the run as it is and shows what is wrong; with no run yet, the status says invalid. */
function rejected(errors: ValidationError[], revision: number, statusBefore: RunStatus): void {
  const hadRun = statusBefore !== 'idle' && statusBefore !== 'invalid' && statusBefore !== 'loading';
  confirmed(revision, { errors, status: hadRun ? statusBefore : 'invalid' });
}

export const runActions = {
  /** Validates and loads a v1 document (object or JSON text), paused at t = 0. */
  async load(doc: unknown): Promise<void> {
    const before = get().status;
    set({ status: 'loading' });
    let result;
    try {
      result = await host().load(doc);
    } catch (error) {
      set({ status: 'failed', failure: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (result.ok) started(result, result.revision, 'paused');
    else rejected(result.errors, result.revision, before === 'loading' ? 'idle' : before);
  },
  /** An edited document: patched live where possible, else reloaded from t = 0 (play state kept). */
  async update(doc: unknown): Promise<void> {
    const before = get().status;
    const result = await host().update(doc);
    if (result.kind === 'reloaded') started(result, result.revision, before === 'running' ? 'running' : 'paused');
    else if (result.kind === 'invalid') rejected(result.errors, result.revision, before);
    else confirmed(result.revision, { errors: [], story: result.story });
  },
  async play(): Promise<void> {
    applyProgress(await host().play(), true);
  },
  async pause(): Promise<void> {
    applyProgress(await host().pause(), true);
  },
  /** One sample interval of simulated time, then paused. */
  async step(): Promise<void> {
    applyProgress(await host().step(), true);
  },
  async setSpeed(speed: RunSpeed): Promise<void> {
    set({ speed });
    applyProgress(await host().setSpeed(speed), true);
  },
  /**
   * Pause the run when its clock reaches `simulatedMs` (null: never), exactly there — the guide's
   * steps. A time already reached does nothing; it stays set until changed.
   */
  async setPauseAt(simulatedMs: number | null): Promise<void> {
    applyProgress(await host().setPauseAt(simulatedMs), true);
  },
  /** The same scenario from t = 0, paused; live injections and patches are gone. */
  async reset(): Promise<void> {
    set({ faultLog: [] });
    applyProgress(await host().reset(), true);
  },
  /** No run at all (New): the clock, charts, summary and fault log of the last one are gone. */
  async clear(): Promise<void> {
    const { speed, runId } = get();
    set({ ...initialState, speed, runId, status: 'idle' });
    publishLive(null, null);
    applyProgress(await host().unload(), true);
  },
  /**
   * Jump to a simulated time (the caption timeline): forward at full speed, backward by starting
   * the run over; then on as before, playing or paused.
   */
  async seek(simulatedMs: number): Promise<void> {
    applyProgress(await host().seek(simulatedMs), true);
  },
  async patchNode(id: string, patch: NodePatch): Promise<void> {
    const result = await host().patchNode(id, patch);
    const errors = result.rejected.map((field) => ({ path: `${id}.${field}`, message: 'cannot change while running; edit the scenario to reload it' }));
    confirmed(result.revision, { errors });
  },
  async patchLink(id: string, patch: LinkPatch): Promise<void> {
    const result = await host().patchLink(id, patch);
    confirmed(result.revision, { errors: result.rejected.map((field) => ({ path: `${id}.${field}`, message: 'cannot change while running' })) });
  },
  /** A v1 fault object ({ target, action, …arguments, for? }), applied now. */
  async inject(fault: unknown): Promise<void> {
    const result = await host().inject(fault);
    if (result.ok) confirmed(result.revision, { faultLog: [...get().faultLog, result.entry], errors: [] });
    else confirmed(result.revision, { errors: result.errors });
  },
};

// A handle for e2e tests, benchmarks and the console, in the spirit of a devtools hook.
if (typeof window !== 'undefined') Object.assign(window, { __faultline: { liveMetrics, useRunStore, runActions } });
