/**
 * The editor: toolbar on top, palette left, canvas centre, inspector right, results below.
 * Everything edits one document (src/store/graph-store.ts); the worker follows it (src/store/sync.ts).
 * Every panel has its own error boundary: one that fails shows why in its place, the rest works.
 */
import { Canvas } from './canvas/Canvas.tsx';
import { PanelBoundary } from './boundary/PanelBoundary.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { BottomPanel } from './layout/BottomPanel.tsx';
import { NoticeBar } from './layout/NoticeBar.tsx';
import { Toolbar } from './layout/Toolbar.tsx';
import { GuideMount, useAppModeClass } from './guide/GuideMount.tsx';
import { Palette } from './palette/Palette.tsx';
import { PresentCaption } from './story/PresentCaption.tsx';

export function App() {
  const modeClass = useAppModeClass(); // guide open, presenter mode
  return (
    <div className={`fl-app${modeClass}`}>
      <PanelBoundary name="The toolbar" id="toolbar" area="toolbar">
        <Toolbar />
      </PanelBoundary>
      <PanelBoundary name="The notices" id="notices" area="notices">
        <NoticeBar />
      </PanelBoundary>
      <PanelBoundary name="The palette" id="palette" area="palette">
        <Palette />
      </PanelBoundary>
      <GuideMount />
      <main className="fl-main" aria-label="Editor">
        <PresentCaption />
        <PanelBoundary name="The canvas" id="canvas">
          <Canvas />
        </PanelBoundary>
      </main>
      <PanelBoundary name="The inspector" id="inspector" area="inspector">
        <Inspector />
      </PanelBoundary>
      <PanelBoundary name="The results panel" id="bottom" area="bottom">
        <BottomPanel />
      </PanelBoundary>
    </div>
  );
}
