/**
 * "Library" in the toolbar: a dialog with every built-in scenario. The panel (previews, marked,
 * DOMPurify) loads on first open, so the editor's initial JavaScript does not grow. `?library`
 * in the URL opens it at start.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import './library.css';

const LibraryPanel = lazy(() => import('./LibraryPanel.tsx').then((m) => ({ default: m.LibraryPanel })));

function openedByUrl(): boolean {
  try {
    return new URLSearchParams(window.location.search).has('library');
  } catch {
    return false;
  }
}

export function LibraryButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [loaded, setLoaded] = useState(false);

  const open = () => {
    setLoaded(true);
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  useEffect(() => {
    if (openedByUrl()) open();
  }, []);

  return (
    <>
      <button type="button" className="fl-button" aria-haspopup="dialog" onClick={open}>
        Library
      </button>
      <dialog ref={dialog} className="fl-library-dialog" aria-labelledby="fl-library-title">
        <header className="fl-library-dialog__header">
          <h2 id="fl-library-title" className="fl-library-dialog__title">Scenario library</h2>
          <button type="button" className="fl-button fl-library-dialog__close" onClick={close}>Close</button>
        </header>
        {loaded && (
          <Suspense fallback={<p role="status" className="fl-library__loading">Loading the library…</p>}>
            <LibraryPanel onOpened={close} />
          </Suspense>
        )}
      </dialog>
    </>
  );
}
