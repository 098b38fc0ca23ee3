/** The top bar: name, run controls, history, view and file commands, experiments, theme. */
import { canvasView } from '../canvas/canvas-view.ts';
import { DocumentFile } from './DocumentFile.tsx';
import { CompareButton } from '../compare/CompareButton.tsx';
import { ExperimentsButton } from './ExperimentsButton.tsx';
import { HistoryButtons } from './HistoryButtons.tsx';
import { NewScenarioButton } from './NewScenarioButton.tsx';
import { RunControls } from '../run/RunControls.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { LibraryButton } from '../library/LibraryButton.tsx';
import { PictureExport } from '../picture/PictureExport.tsx';
import { GuideButtons } from '../guide/GuideButtons.tsx';
import { ShareButton } from '../share/ShareButton.tsx';
import { ThemeToggle } from './ThemeToggle.tsx';
import { ValidationStatus } from './ValidationStatus.tsx';

export function Toolbar() {
  return (
    <header className="fl-toolbar">
      <h1 className="fl-toolbar__title">Faultline</h1>
      <div className="fl-toolbar__run"><RunControls /></div>
      <ValidationStatus />
      <HistoryButtons />
      <button type="button" className="fl-button" onClick={canvasView.fitView}>Fit view</button>
      <NewScenarioButton />
      <LibraryButton />
      <ScenarioPicker />
      <DocumentFile />
      <PictureExport />
      <ShareButton />
      <CompareButton />
      <ExperimentsButton />
      <GuideButtons />
      <ThemeToggle />
    </header>
  );
}
