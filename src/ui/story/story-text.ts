/** What the caption bar says about the clock: the story's current rate, or the steady speed. */
import { segmentAt, type StoryView } from '../../story/index.ts';
import type { RunSpeed } from '../../store/run-store.ts';
import { formatClock } from '../run/format-run.ts';

export function rateText(speed: RunSpeed, story: StoryView | null, simulatedMs: number, seekingToMs: number | null): string {
  if (seekingToMs !== null) return `jumping to ${formatClock(seekingToMs)}…`;
  if (speed === 'max') return 'as fast as it goes';
  if (speed !== 'story') return `×${speed} steady`;
  const segment = story === null ? undefined : segmentAt(story.plan, simulatedMs);
  return segment?.label ?? 'story pace';
}
