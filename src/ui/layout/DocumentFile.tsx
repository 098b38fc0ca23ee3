/**
 * The File group: open a scenario file (also by dropping it on the page; laid out if it has no
 * positions), download the current one, download the run's metrics as CSV. A refused file shows
 * every problem (src/ui/files/). The canvas picture export (PNG/SVG) belongs in this group too.
 */
import { useRef, type ChangeEvent } from 'react';
import { useGraphStore } from '../../store/graph-store.ts';
import { downloadText, fileStem } from '../files/download.ts';
import { FileDropTarget } from '../files/FileDropTarget.tsx';
import { RefusedFileDialog } from '../files/RefusedFileDialog.tsx';
import '../files/files.css';

// Loaded on use: opening and exporting are not needed for the editor's first paint.
const openFile = (file: File) => void import('../files/open-file-action.ts').then((m) => m.openFileFromUser(file));
const downloadCsv = () => void import('../files/metrics-csv.ts').then((m) => m.downloadMetricsCsv());

export function DocumentFile() {
  const input = useRef<HTMLInputElement>(null);
  const open = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file again still fires change
    if (file) openFile(file);
  };
  const download = () => {
    const { document } = useGraphStore.getState();
    downloadText(`${fileStem(document.name)}.json`, JSON.stringify(document, null, 2), 'application/json');
  };
  return (
    <div className="fl-toolbar__group" role="group" aria-label="File">
      <button type="button" className="fl-button" onClick={() => input.current?.click()}>Open file…</button>
      <input ref={input} type="file" accept=".json,application/json" hidden onChange={open} aria-label="Scenario file" />
      <button type="button" className="fl-button" onClick={download}>Download</button>
      <button type="button" className="fl-button" onClick={downloadCsv} title="The run's metrics so far, every node and link">Download CSV</button>
      <FileDropTarget />
      <RefusedFileDialog />
    </div>
  );
}
