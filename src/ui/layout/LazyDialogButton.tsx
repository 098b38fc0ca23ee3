/**
 * A toolbar button that opens a modal `<dialog>` whose panel is loaded on first open (so the
 * editor's initial JavaScript does not grow) and then stays mounted (closing keeps its state).
 * `urlFlag` (`?experiments`) opens it at start. The Experiments, Compare, Library and Share
 * buttons are this with their own frame and panel. Escape closes it (the browser's own: the
 * editor's page-wide shortcuts leave keys inside an open dialog alone).
 */
import { Suspense, useCallback, useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import { PanelBoundary } from '../boundary/PanelBoundary.tsx';

export interface LazyDialogState {
  close(): void;
  /** The dialog is open now (a closed dialog's panel is still mounted). */
  isOpen: boolean;
  /** Opens so far, ≥ 1 once the panel renders: a `key` from it remounts the panel per open. */
  openCount: number;
}

interface LazyDialogButtonProps {
  /** The button's text and accessible name. */
  label: string;
  /** A query parameter that opens the dialog at start. */
  urlFlag?: string;
  dialogClassName: string;
  /** The dialog's accessible name: a label, or the id of a heading in `head`. */
  dialogLabel?: string;
  dialogLabelledBy?: string;
  /** What the dialog shows before and above the panel (its Close button, a title). */
  head(close: () => void): ReactNode;
  /** Shown while the panel's code loads. */
  fallback: ReactNode;
  /** The panel (a React.lazy component), rendered from the first open on. */
  children(state: LazyDialogState): ReactNode;
  /** Opens from elsewhere ("Sweep this…" in the inspector): called with `open`, returns an unsubscribe. */
  openOn?(open: () => void): () => void;
}

function openedByUrl(flag: string): boolean {
  try {
    return new URLSearchParams(window.location.search).has(flag);
  } catch {
    return false;
  }
}

export function LazyDialogButton(props: LazyDialogButtonProps) {
  const { label, urlFlag, dialogClassName, dialogLabel, dialogLabelledBy, head, fallback, children, openOn } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const [openCount, setOpenCount] = useState(0);
  const [isOpen, setOpen] = useState(false);

  // Stable (setters and a ref only), so another part of the app can hold it: see openOn.
  const open = useCallback(() => {
    setOpenCount((n) => n + 1);
    setOpen(true);
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);
  const close = () => dialog.current?.close();

  // Once, at mount: a URL flag opens the dialog on arrival, not whenever the props change.
  const openIfFlagged = useEffectEvent(() => {
    if (urlFlag !== undefined && openedByUrl(urlFlag)) open();
  });
  useEffect(() => openIfFlagged(), []);
  // Another part of the app (the inspector's "Sweep this…") may open it.
  useEffect(() => openOn?.(open), [openOn, open]);

  return (
    <>
      <button type="button" className="fl-button" aria-haspopup="dialog" onClick={open}>
        {label}
      </button>
      <dialog
        ref={dialog}
        className={dialogClassName}
        aria-label={dialogLabel}
        aria-labelledby={dialogLabelledBy}
        onClose={() => setOpen(false)}
      >
        {head(close)}
        {openCount > 0 && (
          <PanelBoundary name={`The ${label} dialog`} id={label.toLowerCase()} action={{ label: 'Close', run: close }}>
            <Suspense fallback={fallback}>{children({ close, isOpen, openCount })}</Suspense>
          </PanelBoundary>
        )}
      </dialog>
    </>
  );
}
