/**
 * The top bar, one row at 1280 px and wider: the run controls first, then undo/redo, the four
 * places people go (Library, Share, Compare, Experiments), the File and View menus, and whether
 * the scenario runs.
 */
import { CompareButton } from '../compare/CompareButton.tsx';
import { LibraryButton } from '../library/LibraryButton.tsx';
import { RunControls } from '../run/RunControls.tsx';
import { ShareButton } from '../share/ShareButton.tsx';
import { ExperimentsButton } from './ExperimentsButton.tsx';
import { FileMenu } from './FileMenu.tsx';
import { HistoryButtons } from './HistoryButtons.tsx';
import { ValidationStatus } from './ValidationStatus.tsx';
import { ViewMenu } from './ViewMenu.tsx';

export function Toolbar() {
  return (
    <header className="fl-toolbar">
      <h1 className="fl-toolbar__title">Faultline</h1>
      <div className="fl-toolbar__run"><RunControls /></div>
      <HistoryButtons />
      <div className="fl-toolbar__group" role="group" aria-label="Open">
        <LibraryButton />
        <ShareButton />
        <CompareButton />
        <ExperimentsButton />
      </div>
      <div className="fl-toolbar__group" role="group" aria-label="File">
        <FileMenu />
      </div>
      <div className="fl-toolbar__group fl-toolbar__view" role="group" aria-label="View">
        <ViewMenu />
      </div>
      <ValidationStatus />
    </header>
  );
}
