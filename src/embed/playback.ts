/**
 * Whether the embed's run should be advancing. Separate from the run's status: the reader (or
 * the parent page) says "play" once, and autoplay=visible then pauses and resumes the run as the
 * embed scrolls out of and back into view — without forgetting that they wanted it playing.
 */
import type { AutoplayMode } from './params.ts';

export interface PlaybackInputs {
  autoplay: AutoplayMode;
  /** Play was asked for: by autoplay at the start, then by the last play/pause command. */
  wantsToPlay: boolean;
  /** At least half of the embed is inside the top-level viewport. */
  onScreen: boolean;
  /** The tab is in the foreground (document.visibilityState). */
  pageVisible: boolean;
}

export function shouldRun({ autoplay, wantsToPlay, onScreen, pageVisible }: PlaybackInputs): boolean {
  if (!wantsToPlay) return false;
  // Only autoplay=visible is gated: "on" and "off" mean the reader or the parent decides.
  return autoplay === 'visible' ? onScreen && pageVisible : true;
}

/** At the start, before anyone pressed anything. */
export const initiallyWantsToPlay = (autoplay: AutoplayMode): boolean => autoplay !== 'off';
