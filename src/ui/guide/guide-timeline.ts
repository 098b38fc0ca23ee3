/**
 * The guide's steps against the simulated clock, pure: which step is current, which step a clock
 * advance crossed that should pause the run, and what a step asks to watch. The steps are read
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
 * The first step that pauses whose moment lies in (fromMs, toMs]: the clock moved past it since
 * the last look. A step at 0 is never crossed: it is on screen before the run starts.
 */
export function crossedPauseStep(steps: readonly GuideStep[], fromMs: number, toMs: number, pauseAtSteps: boolean): number {
  if (!pauseAtSteps || toMs <= fromMs) return -1;
  return steps.findIndex((step) => step.pause !== false && step.atMs > fromMs && step.atMs <= toMs);
}

/** A step's `watch`, split into the document's node ids and link ids (unknown ids dropped). */
export function watchTargets(step: GuideStep | undefined, nodeIds: ReadonlySet<string>, linkIds: ReadonlySet<string>): { nodeIds: string[]; linkIds: string[] } {
  const watch = step?.watch ?? [];
  return { nodeIds: watch.filter((id) => nodeIds.has(id)), linkIds: watch.filter((id) => linkIds.has(id)) };
}
