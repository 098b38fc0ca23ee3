/** The guide's progress: every step with its moment; the current one marked, the passed ones ticked. */
import type { GuideStep } from '../../engine/index.ts';
import { formatClock } from '../run/format-run.ts';

export function GuideSteps({ steps, current }: { steps: readonly GuideStep[]; current: number }) {
  return (
    <ol className="fl-guide-steps" aria-label="Steps">
      {steps.map((step, i) => (
        <li key={i} aria-current={i === current ? 'step' : undefined} data-state={i < current ? 'passed' : i === current ? 'current' : 'upcoming'}>
          <span className="fl-guide-steps__at">{formatClock(step.atMs)}</span> {step.title}
        </li>
      ))}
    </ol>
  );
}

/** The step's `watch` ids, by their labels where they have one. */
export function WatchList({ step, labels }: { step: GuideStep; labels: ReadonlyMap<string, string> }) {
  if (!step.watch?.length) return null;
  return (
    <p className="fl-guide-watch">
      <strong>Look at:</strong>{' '}
      {step.watch.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <code>{id}</code>
          {labels.get(id) && labels.get(id) !== id ? ` (${labels.get(id)})` : ''}
        </span>
      ))}
      <span className="fl-guide-watch__hint"> — highlighted on the canvas and in the charts.</span>
    </p>
  );
}
