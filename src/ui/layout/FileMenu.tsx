/**
 * The File menu: a new empty scenario, open a scenario file (also by dropping it on the page;
 * laid out if it has no positions), download it, download the run's metrics as CSV, and the
 * canvas as SVG or PNG. A refused file shows every problem (src/ui/files/).
 */
import { useRef, type ChangeEvent } from 'react';
import { graphActions, useGraphStore } from '../../store/graph-store.ts';
import { emptyDocument } from '../../store/graph/document.ts';
import { runActions } from '../../store/run-store.ts';
import { withSchemaReference } from '../../scenario/facts.ts';
import { downloadText, fileStem } from '../files/download.ts';
import { FileDropTarget } from '../files/FileDropTarget.tsx';
import { RefusedFileDialog } from '../files/RefusedFileDialog.tsx';
import { exportPicture } from '../picture/PictureExport.ts';
import { MenuButton } from './MenuButton.tsx';
import '../files/files.css';

// Loaded on use: opening and exporting are not needed for the editor's first paint.
const openFile = (file: File) => void import('../files/open-file-action.ts').then((m) => m.openFileFromUser(file));
const downloadCsv = () => void import('../files/metrics-csv.ts').then((m) => m.downloadMetricsCsv());

/** A new scenario is a new start: the last run's clock, charts and summary go with the old graph (undoable). */
function startNew(): void {
  graphActions.load({ ...emptyDocument(), name: 'New scenario' });
  void runActions.clear();
}

function downloadDocument(): void {
  const { document } = useGraphStore.getState();
  downloadText(`${fileStem(document.name)}.json`, JSON.stringify(withSchemaReference(document), null, 2), 'application/json');
}

export function FileMenu() {
  const input = useRef<HTMLInputElement>(null);
  const open = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file again still fires change
    if (file) openFile(file);
  };
  return (
    <>
      <MenuButton
        label="File"
        items={[
          { label: 'New', onSelect: startNew, title: 'An empty canvas (Undo brings the graph back)' },
          { label: 'Open file…', onSelect: () => input.current?.click() },
          { label: 'Download', onSelect: downloadDocument, title: 'The scenario as a JSON file' },
          { label: 'Download CSV', onSelect: downloadCsv, title: "The run's metrics so far, every node and link" },
          { label: 'Export SVG', onSelect: () => void exportPicture('svg'), title: 'The canvas as a vector picture' },
          { label: 'Export PNG', onSelect: () => void exportPicture('png'), title: 'The canvas as an image' },
        ]}
      />
      <input ref={input} type="file" accept=".json,application/json" hidden onChange={open} aria-label="Scenario file" />
      <FileDropTarget />
      <RefusedFileDialog />
    </>
  );
}
