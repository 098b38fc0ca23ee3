/**
 * "Weak points" in the toolbar, beside Experiments and in its dialog frame: every single failure
 * of the scenario tried (src/ui/weak-points/WeakPointsPanel.tsx), loaded on first open and kept
 * mounted, so closing the dialog neither cancels an analysis nor loses its table. `?weak-points`
 * in the URL opens it at start.
 */
import { lazy } from 'react';
import { ExperimentsFrameButton } from './ExperimentsButton.tsx';

const WeakPointsPanel = lazy(() => import('../weak-points/WeakPointsPanel.tsx').then((m) => ({ default: m.WeakPointsPanel })));

export function WeakPointsButton() {
  return (
    <ExperimentsFrameButton name="Weak points" urlFlag="weak-points">
      {() => <WeakPointsPanel />}
    </ExperimentsFrameButton>
  );
}
