/**
 * The editor: toolbar on top, palette left, canvas centre, inspector right, results below.
 * Everything edits one document (src/store/graph-store.ts); the worker follows it (src/store/sync.ts).
 */
import { Canvas } from './canvas/Canvas.tsx';
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
      <Toolbar />
      <NoticeBar />
      <Palette />
      <GuideMount />
      <main className="fl-main" aria-label="Editor">
        <PresentCaption />
        <Canvas />
      </main>
      <Inspector />
      <BottomPanel />
    </div>
  );
}
