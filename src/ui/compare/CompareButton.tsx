/**
 * "Compare" in the toolbar: a modal dialog with the compare panel (ComparePanel.tsx). The panel,
 * its workers and uPlot load on first open, so the editor's initial JavaScript does not grow; once
 * opened it stays mounted, so closing the dialog keeps the last comparison. `?compare` opens it.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';

const ComparePanel = lazy(() => import('./ComparePanel.tsx').then((m) => ({ default: m.ComparePanel })));

function openedByUrl(): boolean {
  try {
    return new URLSearchParams(window.location.search).has('compare');
  } catch {
    return false;
  }
}

export function CompareButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState(false);
  const [isOpen, setOpen] = useState(false);

  const open = () => {
    setLoaded(true);
    setOpen(true);
    if (!dialog.current?.open) dialog.current?.showModal();
  };

  useEffect(() => {
    if (openedByUrl()) open();
  }, []);

  return (
    <>
      <button type="button" className="fl-button" aria-haspopup="dialog" onClick={open}>
        Compare
      </button>
      {/* the Experiments dialog's frame (app.css); the panel brings its own styles */}
      <dialog ref={dialog} className="fl-experiments-dialog" aria-label="Compare" onClose={() => setOpen(false)}>
        <button type="button" className="fl-button fl-button--small fl-experiments-dialog__close" onClick={() => dialog.current?.close()}>
          Close
        </button>
        {loaded && (
          <Suspense fallback={<p role="status" className="fl-experiments-dialog__loading">Loading compare…</p>}>
            <ComparePanel active={isOpen} />
          </Suspense>
        )}
      </dialog>
    </>
  );
}
