/**
 * Drop a .json scenario anywhere on the page to open it. Only drags that carry files count: the
 * palette's node drags (their own MIME type, src/ui/canvas/palette-drag.ts) pass untouched.
 */
import { useEffect, useState } from 'react';
import { refusedFileActions } from './refused-file-store.ts';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;
const isJsonFile = (file: File): boolean => /\.json$/i.test(file.name) || file.type === 'application/json';

export function FileDropTarget() {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault(); // else the browser would navigate to the file
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    // relatedTarget is null only when the drag leaves the window (not when it crosses children).
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      setDragging(false);
      if (!carriesFiles(event)) return;
      event.preventDefault();
      const files = [...(event.dataTransfer?.files ?? [])];
      const file = files.find(isJsonFile);
      if (file) void import('./open-file-action.ts').then((m) => m.openFileFromUser(file));
      else if (files.length > 0) {
        refusedFileActions.show({ fileName: files[0].name, problems: [{ path: '(file)', message: 'expected a scenario file ending in .json' }], editable: null });
      }
    };
    const end = () => setDragging(false);
    window.addEventListener('dragenter', over);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    window.addEventListener('dragend', end);
    return () => {
      window.removeEventListener('dragenter', over);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
      window.removeEventListener('dragend', end);
    };
  }, []);
  if (!dragging) return null;
  return (
    <div className="fl-file-drop" role="status">
      <p className="fl-file-drop__hint">Drop a scenario .json file to open it</p>
    </div>
  );
}
