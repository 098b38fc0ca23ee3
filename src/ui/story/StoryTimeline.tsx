/**
 * A thin timeline of the story's steps and faults, laid out by playback time (the story's pace,
 * so a twelve-hour quiet span takes no more room than the two seconds it plays in). Each mark is
 * a button that jumps there; a click elsewhere on the bar jumps to that point of the story.
 */
import type { MouseEvent } from 'react';
import { playbackAt, simAtPlayback, type StoryView } from '../../story/index.ts';
import { formatClock } from '../run/format-run.ts';

interface Props {
  story: StoryView;
  simulatedMs: number;
  onSeek: (simulatedMs: number) => void;
}

export function StoryTimeline({ story, simulatedMs, onSeek }: Props) {
  const { plan, markers } = story;
  const total = Math.max(1, plan.playbackMs);
  const at = (ms: number) => `${((playbackAt(plan, ms) / total) * 100).toFixed(2)}%`;
  const onBar = (event: MouseEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return; // a mark handles its own click
    const box = event.currentTarget.getBoundingClientRect();
    const share = Math.min(1, Math.max(0, (event.clientX - box.left) / Math.max(1, box.width)));
    onSeek(simAtPlayback(plan, share * total));
  };
  return (
    // The bar is a pointer shortcut; keyboard and screen-reader users have the marks, which are buttons.
    <div className="fl-story__timeline" role="group" aria-label="Story timeline: jump to a step or fault" onClick={onBar}>
      <div className="fl-story__played" style={{ width: at(simulatedMs) }} aria-hidden="true" />
      {markers.map((marker) => (
        <button
          key={`${marker.kind}-${marker.atMs}-${marker.text}`}
          type="button"
          className="fl-story__mark"
          data-kind={marker.kind}
          data-passed={marker.atMs <= simulatedMs ? '' : undefined}
          style={{ left: at(marker.atMs) }}
          title={`${formatClock(marker.atMs)} — ${marker.text}`}
          aria-label={`Jump to ${formatClock(marker.atMs)}: ${marker.text}`}
          onClick={() => onSeek(marker.atMs)}
        />
      ))}
    </div>
  );
}
