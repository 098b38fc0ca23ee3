/**
 * "Share" in the toolbar: a modal dialog with links, the embed snippet generator and the CSV
 * download. Its content is loaded on first open, so the editor's initial JavaScript does not grow.
 */
import { lazy } from 'react';
import { LazyDialogButton } from '../layout/LazyDialogButton.tsx';

const SharePanel = lazy(() => import('./SharePanel.tsx').then((m) => ({ default: m.SharePanel })));

export function ShareButton() {
  return (
    <LazyDialogButton
      label="Share"
      dialogClassName="fl-share-dialog"
      dialogLabelledBy="fl-share-title"
      head={(close) => (
        <>
          <button type="button" className="fl-button fl-button--small fl-share-dialog__close" onClick={close}>Close</button>
          <h2 id="fl-share-title" className="fl-share-dialog__title">Share this scenario</h2>
        </>
      )}
      fallback={<p role="status">Loading…</p>}
    >
      {/* A new panel per open: it re-reads the document as it is now. */}
      {({ openCount }) => <SharePanel key={openCount} />}
    </LazyDialogButton>
  );
}
