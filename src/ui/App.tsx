/**
 * The editor: toolbar on top, palette left, canvas centre, inspector right, results below.
 * Everything edits one document (src/store/graph-store.ts); the worker follows it (src/store/sync.ts).
 */
import { Canvas } from './canvas/Canvas.tsx';
import { Inspector } from './inspector/Inspector.tsx';
import { BottomPanel } from './layout/BottomPanel.tsx';
import { NoticeBar } from './layout/NoticeBar.tsx';
import { Toolbar } from './layout/Toolbar.tsx';
import { Palette } from './palette/Palette.tsx';

export function App() {
  return (
    <div className="fl-app">
      <Toolbar />
      <NoticeBar />
      <Palette />
      <main className="fl-main" aria-label="Editor">
        <Canvas />
      </main>
      <Inspector />
      <BottomPanel />
    </div>
  );
}
