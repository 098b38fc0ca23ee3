/**
 * "Experiments" in the toolbar: opens a modal dialog with the sweeps panel
 * (src/ui/experiments/ExperimentsPanel.tsx). The panel, its pool and uPlot are loaded on first open,
 * so the editor's initial JavaScript does not grow; once opened it stays mounted, so closing the
 * dialog neither cancels a sweep nor loses its plot. `?experiments` in the URL opens it at start.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';

const ExperimentsPanel = lazy(() => import('../experiments/ExperimentsPanel.tsx').then((m) => ({ default: m.ExperimentsPanel })));

function openedByUrl(): boolean {
  try {
    return new URLSearchParams(window.location.search).has('experiments');
  } catch {
    return false;
  }
}

export function ExperimentsButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState(false);

  const open = () => {
    setLoaded(true);
    if (!dialog.current?.open) dialog.current?.showModal();
  };

  useEffect(() => {
    if (openedByUrl()) open();
  }, []);

  return (
    <>
      <button type="button" className="fl-button" aria-haspopup="dialog" onClick={open}>
        Experiments
      </button>
      <dialog ref={dialog} className="fl-experiments-dialog" aria-label="Experiments">
        <button type="button" className="fl-button fl-button--small fl-experiments-dialog__close" onClick={() => dialog.current?.close()}>
          Close
        </button>
        {loaded && (
          <Suspense fallback={<p role="status" className="fl-experiments-dialog__loading">Loading experiments…</p>}>
            <ExperimentsPanel />
          </Suspense>
        )}
      </dialog>
    </>
  );
}
