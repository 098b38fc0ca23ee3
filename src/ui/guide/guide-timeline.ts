/**
 * The guide's steps against the simulated clock, pure: which step is current, where the run should
 * pause next (the worker's pause-at), and what a step asks to watch. The steps are read
 * from the editor's document (raw JSON), each on its own, so one bad step hides only itself — by
 * src/scenario's zod-free reader (the page carries no parser; the worker's messages say what is wrong).
 */
import type { GuideStep } from '../../engine/index.ts';
import { readGuideStep } from '../../scenario/facts.ts';

export function readGuideSteps(raw: unknown): GuideStep[] {
  if (!Array.isArray(raw)) return [];
  const steps: GuideStep[] = [];
  for (const item of raw) {
    const step = readGuideStep(item);
    if (step !== null) steps.push(step);
  }
  // stable: steps at the same moment keep the author's order
  return steps.map((step, i) => ({ step, i })).sort((a, b) => a.step.atMs - b.step.atMs || a.i - b.i).map(({ step }) => step);
}

/** The last step whose moment has come (-1 before the first). */
export function currentStepIndex(steps: readonly GuideStep[], simulatedMs: number): number {
  let current = -1;
  for (let i = 0; i < steps.length && steps[i].atMs <= simulatedMs; i++) current = i;
  return current;
}

/** When a step's outcome is visible: `reveal` after its moment (0 without one). */
export function revealAtMs(step: GuideStep): number {
  return step.atMs + (step.revealMs ?? 0);
}

/** Whether a step has an answer to hold back: an `outcome`, or a `reveal` to pause at. */
export function hasReveal(step: GuideStep): boolean {
  return step.outcome !== undefined || (step.revealMs ?? 0) > 0;
}

/**
 * Whether the step's answer shows at `clockMs`: once the clock reached its reveal moment — and
 * never while the run stands at the step's own moment, where the guide asks before the canvas
 * can show anything (nothing at or after a pause-at has happened yet). A step with no answer to
 * hold back shows everything at once.
 */
export function outcomeShown(step: GuideStep, clockMs: number): boolean {
  if (!hasReveal(step)) return clockMs >= step.atMs;
  return (step.revealMs ?? 0) > 0 ? clockMs >= revealAtMs(step) : clockMs > step.atMs;
}

/**
 * The moments the guide pauses at, in order: each pausing step's own moment (not at 0: the first
 * step is on screen before the run starts) and, for a step with a `reveal`, the moment its
 * outcome is visible. A step that says `pause: false` pauses at neither.
 */
export function pauseMoments(steps: readonly GuideStep[]): { atMs: number; stepIndex: number; reveal: boolean }[] {
  const moments: { atMs: number; stepIndex: number; reveal: boolean }[] = [];
  steps.forEach((step, stepIndex) => {
    if (step.pause === false) return;
    if (step.atMs > 0) moments.push({ atMs: step.atMs, stepIndex, reveal: false });
    if ((step.revealMs ?? 0) > 0) moments.push({ atMs: revealAtMs(step), stepIndex, reveal: true });
  });
  return moments.sort((a, b) => a.atMs - b.atMs || a.stepIndex - b.stepIndex);
}

/**
 * Where the worker should pause the run next (its pause-at): the first pause moment after
 * `clockMs`, or null (the toggle is off, or none is left).
 */
export function nextPauseAt(steps: readonly GuideStep[], clockMs: number, pauseAtSteps: boolean): number | null {
  if (!pauseAtSteps) return null;
  return pauseMoments(steps).find((m) => m.atMs > clockMs)?.atMs ?? null;
}

/** The step the run paused at, when the worker stopped at a pause-at of `clockMs` (-1: none). */
export function pausingStepAt(steps: readonly GuideStep[], clockMs: number): number {
  const at = pauseMoments(steps).filter((m) => m.atMs === clockMs);
  // two moments at once (a step's reveal and the next step): the later step is the current one
  return at.length ? at[at.length - 1].stepIndex : -1;
}

/** A step's `watch`, split into the document's node ids and link ids (unknown ids dropped). */
export function watchTargets(step: GuideStep | undefined, nodeIds: ReadonlySet<string>, linkIds: ReadonlySet<string>): { nodeIds: string[]; linkIds: string[] } {
  const watch = step?.watch ?? [];
  return { nodeIds: watch.filter((id) => nodeIds.has(id)), linkIds: watch.filter((id) => linkIds.has(id)) };
}
