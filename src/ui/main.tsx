/**
 * Startup: theme, the first document (the autosave, else the built-in checkout), autosave, the
 * worker sync, then React. The stores start before React so nothing renders an empty graph.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isEmbedMode } from '../embed/index.ts';
import { findBuiltin } from '../scenarios/index.ts';
import { getDocument, restoreDocument, startAutosave, subscribeDocument } from '../store/graph-store.ts';
import type { DocumentStorage } from '../store/graph/autosave.ts';
import { startDocumentSync } from '../store/sync.ts';
import { downloadText } from './files/download.ts';
import { App } from './App.tsx';
import { AppBoundary } from './boundary/AppBoundary.tsx';
import { startTheme } from './layout/theme.ts';
import { startShareLinks } from './share/share-links.ts';
import './theme.css';
import './app.css';

function browserStorage(): DocumentStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the editor works, without autosave
  }
}

function startEditor(root: HTMLElement): void {
  startTheme();
  const storage = browserStorage();
  restoreDocument(storage, () => findBuiltin('checkout')!.scenario, (text) => downloadText('faultline-unreadable-autosave.json', text, 'application/json'));
  if (storage) startAutosave(storage, window);
  startDocumentSync(getDocument, subscribeDocument);
  // A ?scenario= or #s= link (also one pasted later) opens on top of the autosave, undoable.
  startShareLinks(window, storage);

  createRoot(root).render(
    <StrictMode>
      <AppBoundary>
        <App />
      </AppBoundary>
    </StrictMode>,
  );
}

// ?embed: the compact embed (src/ui/embed), loaded only when asked for. It restores and
// autosaves nothing: an embed never touches the editor's saved graph.
const root = document.getElementById('root')!;
if (isEmbedMode(window.location.search)) {
  // A chunk that fails to load (a redeploy mid-visit, offline) says so instead of a blank frame.
  import('./embed/start-embed.tsx')
    .then((embed) => embed.startEmbed(root))
    .catch((error: unknown) => (root.textContent = `Faultline's embed could not load: ${error instanceof Error ? error.message : String(error)}`));
}
else startEditor(root);
