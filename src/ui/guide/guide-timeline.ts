/**
 * The guide's steps against the simulated clock, pure: which step is current, where the run should
 * pause next (the worker's pause-at), and what a step asks to watch. The steps are read
 * from the editor's document (raw JSON), each on its own, so one bad step hides only itself.
 */
import type { GuideStep } from '../../engine/spec.ts';
import { guideStepSchema } from '../../scenario/header.ts';

export function readGuideSteps(raw: unknown): GuideStep[] {
  if (!Array.isArray(raw)) return [];
  const steps: GuideStep[] = [];
  for (const item of raw) {
    const read = guideStepSchema.safeParse(item);
    if (read.success) steps.push(read.data);
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

/**
 * Where the worker should pause the run next (its pause-at): the moment of the first step that
 * pauses and lies after `clockMs`, or null (the toggle is off, or no such step is left). A step at
 * 0 never pauses: it is on screen before the run starts.
 */
export function nextPauseAt(steps: readonly GuideStep[], clockMs: number, pauseAtSteps: boolean): number | null {
  if (!pauseAtSteps) return null;
  return steps.find((step) => step.pause !== false && step.atMs > clockMs)?.atMs ?? null;
}

/** The step the run paused at, when the worker stopped at a pause-at of `clockMs` (-1: none). */
export function pausingStepAt(steps: readonly GuideStep[], clockMs: number): number {
  return steps.findIndex((step) => step.pause !== false && step.atMs > 0 && step.atMs === clockMs);
}

/** A step's `watch`, split into the document's node ids and link ids (unknown ids dropped). */
export function watchTargets(step: GuideStep | undefined, nodeIds: ReadonlySet<string>, linkIds: ReadonlySet<string>): { nodeIds: string[]; linkIds: string[] } {
  const watch = step?.watch ?? [];
  return { nodeIds: watch.filter((id) => nodeIds.has(id)), linkIds: watch.filter((id) => linkIds.has(id)) };
}
