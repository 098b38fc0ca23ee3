/**
 * "Library" in the toolbar: a dialog with every built-in scenario. The panel (previews, marked,
 * DOMPurify) loads on first open, so the editor's initial JavaScript does not grow. `?library`
 * in the URL opens it at start.
 */
import { lazy } from 'react';
import { LazyDialogButton } from '../layout/LazyDialogButton.tsx';
import './library.css';

const LibraryPanel = lazy(() => import('./LibraryPanel.tsx').then((m) => ({ default: m.LibraryPanel })));

export function LibraryButton() {
  return (
    <LazyDialogButton
      label="Library"
      urlFlag="library"
      dialogClassName="fl-library-dialog"
      dialogLabelledBy="fl-library-title"
      head={(close) => (
        <header className="fl-library-dialog__header">
          <h2 id="fl-library-title" className="fl-library-dialog__title">Scenario library</h2>
          <button type="button" className="fl-button fl-library-dialog__close" onClick={close}>Close</button>
        </header>
      )}
      fallback={<p role="status" className="fl-library__loading">Loading the library…</p>}
    >
      {({ close, openCount }) => <LibraryPanel onOpened={close} openCount={openCount} />}
    </LazyDialogButton>
  );
}
