/**
 * The moments a story dwells on, from the scenario: its guide steps, its faults (and the moment a
 * fault's `for` runs out), and the `story.moments` it declares. Several at the same time become
 * one moment; what it is called prefers the fault (what happened) over the step's title.
 */
import type { ScenarioSpec } from '../engine/index.ts';
import { describeFault, describeFaultEnd, namesOf } from './fault-sentence.ts';
import { withoutClockPrefix } from './story-clock.ts';

export interface StoryMoment {
  atMs: number;
  /** What happens, short: "Published keys stops publishing K1". */
  label: string;
  /** The step's title when a guide step is here (its clock prefix is the best "to 19:35"). */
  stepTitle?: string;
  /** Simulated time to dwell over (a `story.moments` override). */
  forMs?: number;
  /** Dwell rate here (a `story.moments` override). */
  rate?: number;
  hasFault: boolean;
}

type StorySource = Pick<ScenarioSpec, 'durationMs' | 'faults' | 'guide' | 'nodes' | 'links' | 'story'>;

export function storyMoments(spec: StorySource): StoryMoment[] {
  const byTime = new Map<number, StoryMoment>();
  const at = (atMs: number): StoryMoment | undefined => {
    if (!(atMs >= 0 && atMs < spec.durationMs)) return undefined;
    let moment = byTime.get(atMs);
    if (moment === undefined) {
      moment = { atMs, label: '', hasFault: false };
      byTime.set(atMs, moment);
    }
    return moment;
  };
  const nameOf = namesOf(spec);
  for (const fault of spec.faults) {
    const start = at(fault.atMs);
    if (start !== undefined && !start.hasFault) Object.assign(start, { label: describeFault(fault, nameOf), hasFault: true });
    if (Number.isFinite(fault.forMs)) {
      const end = at(fault.atMs + fault.forMs);
      if (end !== undefined && !end.hasFault) Object.assign(end, { label: describeFaultEnd(fault, nameOf), hasFault: true });
    }
  }
  for (const step of spec.guide) {
    const moment = at(step.atMs);
    if (moment === undefined) continue;
    moment.stepTitle ??= step.title;
    if (moment.label === '') moment.label = withoutClockPrefix(step.title);
    // the step's outcome is shown when the canvas shows it: the story dwells there too
    const reveal = step.revealMs === undefined ? undefined : at(step.atMs + step.revealMs);
    if (reveal !== undefined && reveal.label === '') reveal.label = `what happened: ${withoutClockPrefix(step.title)}`;
  }
  for (const declared of spec.story?.moments ?? []) {
    const moment = at(declared.atMs);
    if (moment === undefined) continue;
    if (declared.title !== undefined && moment.label === '') moment.label = declared.title;
    if (declared.forMs !== undefined) moment.forMs = declared.forMs;
    if (declared.rate !== undefined) moment.rate = declared.rate;
  }
  for (const moment of byTime.values()) if (moment.label === '') moment.label = 'something happens';
  return [...byTime.values()].sort((a, b) => a.atMs - b.atMs);
}
