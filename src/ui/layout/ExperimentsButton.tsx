/**
 * "Experiments" in the toolbar: opens a modal dialog with the sweeps panel
 * (src/ui/experiments/ExperimentsPanel.tsx). The panel, its pool and uPlot are loaded on first open,
 * so the editor's initial JavaScript does not grow; once opened it stays mounted, so closing the
 * dialog neither cancels a sweep nor loses its plot. `?experiments` in the URL opens it at start;
 * "Sweep this…" beside an inspector field opens it too (src/ui/experiments/sweep-request.ts).
 */
import { lazy, type ReactNode } from 'react';
import { LazyDialogButton, type LazyDialogState } from './LazyDialogButton.tsx';
import { subscribeSweepRequests } from '../experiments/sweep-request.ts';

const ExperimentsPanel = lazy(() => import('../experiments/ExperimentsPanel.tsx').then((m) => ({ default: m.ExperimentsPanel })));

/**
 * A toolbar dialog in the Experiments dialog's frame (app.css), named `name` and opened at start
 * by `?name` in lower case; the Compare dialog is one too. The panel brings its own styles.
 */
export function ExperimentsFrameButton({ name, children, openOn }: { name: string; children(state: LazyDialogState): ReactNode; openOn?(open: () => void): () => void }) {
  const lower = name.toLowerCase();
  return (
    <LazyDialogButton
      label={name}
      urlFlag={lower}
      openOn={openOn}
      dialogClassName="fl-experiments-dialog"
      dialogLabel={name}
      head={(close) => (
        <button type="button" className="fl-button fl-button--small fl-experiments-dialog__close" onClick={close}>
          Close
        </button>
      )}
      fallback={<p role="status" className="fl-experiments-dialog__loading">{`Loading ${lower}…`}</p>}
    >
      {children}
    </LazyDialogButton>
  );
}

export function ExperimentsButton() {
  return (
    <ExperimentsFrameButton name="Experiments" openOn={subscribeSweepRequests}>
      {() => <ExperimentsPanel />}
    </ExperimentsFrameButton>
  );
}
