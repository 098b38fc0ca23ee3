/**
 * What the page and its workers say to each other (DESIGN.md §5), as types only. One pattern for
 * all three: a `*.worker.ts` file is `expose(createXHost())` with comlink, the host object is free
 * of comlink and worker globals, and its API is declared here — `SimulationHost` (the run and its
 * live stream), `ExperimentHost` (a sweep's runs) and `CompareHost` (one side of a comparison).
 * The experiment and compare workers run through the abortable pool, src/experiments/worker-pool.ts.
 * Outside workers/, worker types are imported from here only (eslint.config.js).
 */
import type { AlertReport, FaultSpec, LinkPatch, LiveLayout, NodePatch, RunReport } from '../src/engine/index.ts';
import type { PlanResult, RunResult } from '../src/experiments/plan.ts';
import type { SingleFailurePlanResult, SingleFailureRequest } from '../src/experiments/single-failures.ts';
import type { StoryView } from '../src/story/index.ts';
import type { Variant, VariantResult } from '../src/compare/index.ts';
import type { SeriesOptions } from './series-reader.ts';

export type { SeriesOptions };

/** 'story': the scenario's pacing plan (src/story) sets the rate; the others are steady. */
export type RunSpeed = 'story' | 1 | 10 | 100 | 'max';
export const RUN_SPEEDS: readonly RunSpeed[] = ['story', 1, 10, 100, 'max'];

/** The worker's side of the run: nothing loaded, stopped, advancing, at its end, or broken. */
export type HostStatus = 'idle' | 'paused' | 'running' | 'finished' | 'failed';

export interface ValidationError {
  path: string;
  message: string;
}

/** A fault as it happened in this run (scenario faults are in `LoadedScenario.faults`). */
export interface FaultLogEntry {
  atMs: number;
  target: string;
  action: string;
}

export interface LoadedScenario {
  layout: LiveLayout;
  durationMs: number;
  sampleEveryMs: number;
  /** The scenario's own timed faults, normalised (markers on charts and the timeline). */
  faults: FaultSpec[];
  warnings: string[];
  /** How the scenario tells itself: pacing plan, captions, timeline marks (src/story). */
  story: StoryView;
}

export type LoadResult =
  | ({ ok: true; revision: number } & LoadedScenario)
  | { ok: false; revision: number; errors: ValidationError[] };

/** How an edited document reached the run: not at all, by live patches, or by a reload from t = 0. */
export type UpdateResult =
  | { kind: 'unchanged'; revision: number; story: StoryView }
  | { kind: 'patched'; revision: number; patched: string[]; story: StoryView }
  | ({ kind: 'reloaded'; revision: number } & LoadedScenario)
  | { kind: 'invalid'; revision: number; errors: ValidationError[] };

/**
 * What the parser says of a document or a file's text, without loading it (`check`): its warnings
 * (formatted lines) or every problem with its path. The editor's page asks instead of carrying the
 * parser (issue 16).
 */
export type CheckResult = { ok: true; warnings: string[] } | { ok: false; errors: ValidationError[] };

/** `check`'s options: `experimentValues: 'none'` for per-field messages as people type (an experiment's values are the panel's to check). */
export interface CheckOptions {
  experimentValues?: 'every' | 'none';
}

export type InjectResult = { ok: true; revision: number; entry: FaultLogEntry } | { ok: false; revision: number; errors: ValidationError[] };

export interface PatchResult {
  revision: number;
  /** Fields the engine could not change live (the editor applies those by reloading). */
  rejected: string[];
}

/** The state every live message carries; `revision` says which commands it already reflects. */
export interface RunProgress {
  status: HostStatus;
  speed: RunSpeed;
  revision: number;
  /** Bumped by every load, reload and reset: a new run, new buffers, maybe a new layout. */
  runId: number;
  simulatedMs: number;
  durationMs: number;
  eventsPerSec: number;
  /** The pause-at in force (setPauseAt), simulated ms; absent when none. */
  pauseAtMs?: number;
  /** Set while the engine cannot keep up with the paced clock (the story falls behind its plan). */
  behind?: true;
  /** Set while a seek runs at full speed towards this simulated time. */
  seekingToMs?: number;
  /** Set with status 'failed'. */
  message?: string;
}

/**
 * One message on the live port, worker → page. `values` is a transferred Float64Array of
 * `layout.length` (send it back on the same port when done: the worker has a pool of three);
 * it is null when the pool was empty but the status changed. `layout` comes with the first
 * message of each run.
 */
export interface LiveMessage extends RunProgress {
  values: Float64Array | null;
  layout?: LiveLayout;
}

/** Metrics of one entity over simulated time; rates are per second, depths as sampled. */
export interface EntitySeries {
  id: string;
  group: 'nodes' | 'clients' | 'links';
  metrics: Record<string, Float64Array>;
}

export interface SeriesSlice {
  runId: number;
  revision: number;
  /** The span of one point: the sample interval, times the bucket size when bucketed. */
  intervalMs: number;
  /** End of each point's span, simulated ms. */
  t: Float64Array;
  entities: EntitySeries[];
  /** Sums over every client: generated, succeeded, goodput, failed, attempts — per second. */
  system: Record<string, Float64Array>;
  /** Scenarios with alerts: each alert's firings so far (the charts and the fault timeline mark them). */
  alerts?: AlertReport[];
}

/** The simulation worker's command API (workers/simulation-host.ts implements it; the page reaches it through comlink). */
export interface SimulationHost {
  /** Validates a scenario (v1 JSON text or object) and loads it paused at t = 0. A bad one leaves the current run alone. */
  load(input: unknown): LoadResult;
  /**
   * Validates a scenario (an object, or v1 JSON text: a syntax error names its line and column)
   * and says what the parser says, word for word; the run is left alone. Not a command: no revision.
   */
  check(input: unknown, options?: CheckOptions): CheckResult;
  /** An edited document: patched live where the engine can, else reloaded from t = 0 keeping play/pause. */
  update(input: unknown): UpdateResult;
  play(): RunProgress;
  pause(): RunProgress;
  /** One sample interval of simulated time, then paused. */
  step(): RunProgress;
  setSpeed(speed: RunSpeed): RunProgress;
  /**
   * Pause the run when its clock reaches this simulated time (null: never): events before it run,
   * then status 'paused' with `simulatedMs` exactly equal to it. A time already reached does
   * nothing, so play goes on past it. It stays set across load, reset and reload until changed.
   */
  setPauseAt(simulatedMs: number | null): RunProgress;
  /** The same scenario from t = 0, paused; injections and patches are gone. */
  reset(): RunProgress;
  /** Drops the run (a new, empty scenario): idle, no series, no report, until the next load. */
  unload(): RunProgress;
  /**
   * Jump to a simulated time (the caption timeline): forward runs there at full speed; backward
   * starts the run over from t = 0 (injections and patches are gone) and runs there. Then the run
   * carries on as it was, playing or paused.
   */
  seek(simulatedMs: number): RunProgress;
  patchNode(id: string, patch: NodePatch): PatchResult;
  patchLink(id: string, patch: LinkPatch): PatchResult;
  /** A v1 fault object ({ target, action, …arguments, for? }) applied now. */
  inject(fault: unknown): InjectResult;
  /** Time series of these nodes/links (and whole-system sums), for the charts; null before a load. */
  getSeries(ids: string[], options?: SeriesOptions): SeriesSlice | null;
  getProgress(): RunProgress;
  /** The run's report so far (the CLI's JSON shape); null before a load. */
  getReport(): RunReport | null;
  /** The live stream (see live-sender.ts); a second call replaces the first port. */
  connectLive(port: MessagePort): void;
}

/** A sweep's worker's API (src/experiments/experiment-host.ts implements it, for the page's worker and the CLI's threads): `load` once, then `run` by index. */
export interface ExperimentHost {
  /** Plans the experiment (or the single-failures analysis); the number of runs, or every problem with its path. */
  load(doc: unknown, singleFailures?: SingleFailureRequest): { ok: true; runs: number } | { ok: false; errors: string[] };
  /** One whole (value, seed) run; a run the run guard stops throws its message. */
  run(index: number): RunResult;
  /** The sweep's plan (what the panel summarises and plots by), or every problem with its path: the page carries no parser (issue 16). */
  planSweep(doc: unknown): PlanResult;
  /** The single-failures analysis' plan, or every problem with its path (the form's fields by their request names). */
  planSingleFailures(doc: unknown, request: SingleFailureRequest): SingleFailurePlanResult;
}

/** One side of a comparison, run to its end: the report (and the faults of the document as run, for the charts' markers), the document's problems, or what broke. */
export type CompareRunResult = { kind: 'done'; report: RunReport; faults: FaultSpec[] } | { kind: 'invalid'; errors: string[] } | { kind: 'failed'; message: string };

/**
 * What the Compare dialog offers for a document A, worked out where the parser is (the page has
 * none, issue 16): A's problems — or its length and faults — and the B's to choose from, each
 * checked by the parser (variants that do not parse are left out).
 */
export interface CompareChoices {
  a: { ok: true; durationMs: number; faults: FaultSpec[] } | { ok: false; errors: string[] };
  fixes: Variant[];
  suggestions: Variant[];
}

/** A compare worker's API (workers/compare-host.ts implements it). */
export interface CompareHost {
  /**
   * Runs the document to its end in one call, its duration cut to `capMs` when it is longer (the
   * same cap for A and B). `onProgress` (a comlink proxy from the page) is called at most every
   * 100 ms; cancel is terminating the worker.
   */
  run(doc: Record<string, unknown>, onProgress?: (simulatedMs: number, totalMs: number) => void, capMs?: number | null): CompareRunResult;
  /** A's problems or facts, and the built-in's fixes and suggested changes as checked variants. */
  choices(doc: Record<string, unknown>): CompareChoices;
  /** B from a typed field path and JSON value: the variant, or the parser's messages word for word. */
  pathEdit(doc: Record<string, unknown>, pathText: string, valueText: string): VariantResult;
}
