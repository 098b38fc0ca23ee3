/**
 * Every problem of a refused file, with its path. The graph was not touched; "Open anyway"
 * loads an editable file (undoable) so its problems can be fixed in the editor.
 */
import { useEffect, useRef } from 'react';
import { graphActions, useGraphStore } from '../../store/graph-store.ts';
import { refusedFileActions, useRefusedFile } from './refused-file-store.ts';

export function FileProblemsDialog() {
  const refused = useRefusedFile((s) => s.refused);
  const dialog = useRef<HTMLDialogElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (refused && !dialog.current?.open) {
      dialog.current?.showModal();
      close.current?.focus(); // the safe choice first, not "Open anyway"
    }
    if (!refused && dialog.current?.open) dialog.current.close();
  }, [refused]);
  const openAnyway = () => {
    const loaded = refused?.editable ? graphActions.load(refused.editable) : { ok: true as const };
    refusedFileActions.dismiss();
    // the store's limits may still refuse it: say so rather than close in silence
    if (!loaded.ok) useGraphStore.setState({ notice: { tone: 'error', text: `${refused?.fileName ?? 'The file'} was not opened: ${loaded.reason}. Your graph is unchanged.` } });
  };
  const count = refused?.problems.length ?? 0;
  return (
    <dialog ref={dialog} className="fl-file-problems" aria-labelledby="fl-file-problems-title" onClose={refusedFileActions.dismiss}
      // Escape closes it here: the page-wide editor shortcuts cancel the browser's own Escape.
      onKeyDown={(e) => e.key === 'Escape' && refusedFileActions.dismiss()}
    >
      {refused && (
        <>
          <h2 id="fl-file-problems-title" className="fl-file-problems__title">
            {refused.fileName} was not opened: {count === 1 ? '1 problem' : `${count} problems`}
          </h2>
          <p className="fl-file-problems__note">Your graph is unchanged.</p>
          <ul className="fl-file-problems__list" aria-label="Problems">
            {refused.problems.map((problem, index) => (
              <li key={index}><code>{problem.path}</code>: {problem.message}</li>
            ))}
          </ul>
          <div className="fl-file-problems__actions">
            {refused.editable !== null && (
              <button type="button" className="fl-button" onClick={openAnyway} title="Opens it (undoable) so you can fix the problems in the editor">
                Open anyway to fix it
              </button>
            )}
            <button ref={close} type="button" className="fl-button" onClick={refusedFileActions.dismiss}>Close</button>
          </div>
        </>
      )}
    </dialog>
  );
}
