/**
 * The story in one line: the current step's title (or, without a guide, the latest fault in
 * words), the clock's current rate ("×60 — K1 is removed from Published keys", "fast-forward
 * ×1200 to 19:35") and "behind the story" when the machine cannot keep up. The embed shows it
 * over a thin timeline of steps and faults (StoryTimeline); present mode shows it large.
 */
import { captionAt } from '../../story/index.ts';
import { useRunStore } from '../../store/run-store.ts';
import { formatClock } from '../run/format-run.ts';
import { rateText } from './story-text.ts';
import { StoryTimeline } from './StoryTimeline.tsx';
import './story.css';

interface Props {
  variant: 'embed' | 'present';
  /** Jump to a simulated time (the embed's own action, which keeps its play state). */
  onSeek?: (simulatedMs: number) => void;
}

export function StoryCaption({ variant, onSeek }: Props) {
  const story = useRunStore((s) => s.story);
  const simulatedMs = useRunStore((s) => s.simulatedMs);
  const speed = useRunStore((s) => s.speed);
  const behind = useRunStore((s) => s.behind);
  const seekingToMs = useRunStore((s) => s.seekingToMs);
  if (story === null) return null;
  const caption = captionAt(story.captions, simulatedMs);
  const next = caption === null ? story.captions[0] : undefined;
  return (
    <section className="fl-story" data-variant={variant} aria-label="What is happening">
      <p className="fl-story__caption" aria-live="polite" data-upcoming={caption === null ? '' : undefined}>
        {caption !== null ? caption.text : next !== undefined ? `Coming up at ${formatClock(next.atMs)}: ${next.text}` : ''}
      </p>
      <div className="fl-story__track">
        <p className="fl-story__rate" data-behind={behind && speed !== 'max' ? '' : undefined}>
          <span className="fl-story__rate-text">{rateText(speed, story, simulatedMs, seekingToMs)}</span>
          {behind && speed !== 'max' && seekingToMs === null && <span className="fl-story__behind"> · behind the story</span>}
        </p>
        {onSeek !== undefined && <StoryTimeline story={story} simulatedMs={simulatedMs} onSeek={onSeek} />}
      </div>
    </section>
  );
}
