/**
 * "Compare" in the toolbar: a modal dialog with the compare panel (ComparePanel.tsx). The panel,
 * its workers and uPlot load on first open, so the editor's initial JavaScript does not grow; once
 * opened it stays mounted, so closing the dialog keeps the last comparison. `?compare` opens it.
 */
import { lazy } from 'react';
import { ExperimentsFrameButton } from '../layout/ExperimentsButton.tsx';

const ComparePanel = lazy(() => import('./ComparePanel.tsx').then((m) => ({ default: m.ComparePanel })));

export function CompareButton() {
  // `active`: while the dialog is closed, A stops following the canvas (no re-derived suggestions per drag).
  return <ExperimentsFrameButton name="Compare">{({ isOpen }) => <ComparePanel active={isOpen} />}</ExperimentsFrameButton>;
}
