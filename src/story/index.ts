/**
 * src/story: how a scenario tells itself — its pacing plan (simulated time against seconds of
 * playback), its captions and the marks on its timeline, and each fault as a sentence. Pure: no
 * DOM, no worker API; see README.md.
 */
import type { ScenarioSpec } from '../engine/index.ts';
import { storyCaptions, storyMarkers, type StoryCaption, type StoryMarker } from './captions.ts';
import { planStory, type StoryPlan } from './pacing.ts';
import { storyStartOfDay, type StoryStartOfDay } from './story-clock.ts';

export { planStory, segmentAt, playbackAt, simAtPlayback, storySimAfter, dwellRate, niceRateUp, niceRateDown, STORY_DEFAULTS } from './pacing.ts';
export type { StoryPlan, StorySegment, StorySegmentKind } from './pacing.ts';
export { storyCaptions, storyMarkers, captionAt } from './captions.ts';
export type { StoryCaption, StoryMarker } from './captions.ts';
export { describeFault, describeFaultEnd, namesOf } from './fault-sentence.ts';
export { storyMoments } from './moments.ts';
export { storyClock, clockPrefix, withoutClockPrefix, storyStartOfDay, timeOfDay } from './story-clock.ts';
export type { StoryStartOfDay } from './story-clock.ts';

/** Everything the page needs to tell the story (the worker sends it with a loaded scenario). */
export interface StoryView {
  plan: StoryPlan;
  captions: StoryCaption[];
  markers: StoryMarker[];
  /** The story's time of day at t = 0, when it has one: the embed's clock shows it beside the run's. */
  startOfDay: StoryStartOfDay | null;
}

export function storyOf(spec: ScenarioSpec): StoryView {
  return { plan: planStory(spec), captions: storyCaptions(spec), markers: storyMarkers(spec), startOfDay: storyStartOfDay(spec.story?.startsAtMin, spec.guide) };
}
