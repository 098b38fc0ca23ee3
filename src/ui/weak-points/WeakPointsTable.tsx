/** The ranking as an accessible table: worst first, one row per component failed. */
import type { JSX } from 'react';
import type { WeakPointsResults } from '../../experiments/panel.ts';
import { formatDuration } from '../../scenario/facts.ts';

function percent(share: number): string {
  return Number.isFinite(share) ? `${Number((share * 100).toFixed(1))}%` : '–';
}

function alertCell(fired: number, seeds: number): string {
  if (Number.isNaN(fired)) return '–';
  return seeds === 1 ? (fired === 1 ? 'yes' : 'no') : `${Math.round(fired * 100)}% of seeds`;
}

export function WeakPointsTable({ results }: { results: WeakPointsResults }): JSX.Element {
  const noAlerts = results.ranked.every((p) => Number.isNaN(p.alertFired));
  return (
    <div className="fl-weak-points__table">
      <table aria-label="Weak points, worst first">
        <caption>
          {`Each component failed alone at ${formatDuration(results.atMs)} for ${formatDuration(results.forMs)}, on the same seed${results.seeds.length === 1 ? '' : 's'} as the healthy run (${results.seeds.join(', ')}). Goodput lost counts from the failure to the end of the run; the share is of what the healthy run served during the failure.`}
          {noAlerts && ' Alert fired: – (no alerts defined).'}
        </caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Component</th>
            <th scope="col">Failure</th>
            <th scope="col">Goodput lost</th>
            <th scope="col">Share</th>
            <th scope="col">Peak errors</th>
            <th scope="col">Recovery</th>
            <th scope="col">Alert fired</th>
            <th scope="col">Impact</th>
          </tr>
        </thead>
        <tbody>
          {results.ranked.map((p) => (
            <tr key={p.id} data-impact={p.impact}>
              <td>{p.rank}</td>
              <th scope="row">{p.id}</th>
              <td>{`${p.kind} ${p.action}`}</td>
              <td>{Math.round(p.goodputLost).toLocaleString('en-US')}</td>
              <td>{percent(p.goodputLostShare)}</td>
              <td>{percent(p.peakErrorRate)}</td>
              <td>{p.recoverySeconds === Infinity ? 'never' : Number.isNaN(p.recoverySeconds) ? '–' : `${Number(p.recoverySeconds.toFixed(1))} s`}</td>
              <td>{alertCell(p.alertFired, results.seeds.length)}</td>
              <td><span className={`fl-weak-points__impact fl-weak-points__impact--${p.impact}`}>{p.impact}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
