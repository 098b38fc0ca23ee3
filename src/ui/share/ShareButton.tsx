/**
 * "Share" in the toolbar: a modal dialog with links, the embed snippet generator and the CSV
 * download. Its content is loaded on first open, so the editor's initial JavaScript does not grow.
 */
import { lazy, Suspense, useRef, useState } from 'react';

const SharePanel = lazy(() => import('./SharePanel.tsx').then((m) => ({ default: m.SharePanel })));

export function ShareButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  // Bumped at each open: the panel re-reads the document as it is now.
  const [openCount, setOpenCount] = useState(0);
  const open = () => {
    setOpenCount((n) => n + 1);
    if (!dialog.current?.open) dialog.current?.showModal();
  };
  return (
    <>
      <button type="button" className="fl-button" aria-haspopup="dialog" onClick={open}>Share</button>
      {/* Escape closes it here: the page-wide editor shortcuts cancel the browser's own Escape. */}
      <dialog ref={dialog} className="fl-share-dialog" aria-labelledby="fl-share-title" onKeyDown={(e) => e.key === 'Escape' && dialog.current?.close()}>
        <button type="button" className="fl-button fl-button--small fl-share-dialog__close" onClick={() => dialog.current?.close()}>Close</button>
        <h2 id="fl-share-title" className="fl-share-dialog__title">Share this scenario</h2>
        {openCount > 0 && (
          <Suspense fallback={<p role="status">Loading…</p>}>
            <SharePanel key={openCount} />
          </Suspense>
        )}
      </dialog>
    </>
  );
}
