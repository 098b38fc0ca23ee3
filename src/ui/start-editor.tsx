/**
 * The editor's startup: theme, the first document (the autosave, else the built-in checkout),
 * autosave, the worker sync, then React. The stores start before React so nothing renders an
 * empty graph. Loaded by main.tsx with a dynamic import, so an embed never fetches it.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBuiltin } from '../scenarios/index.ts';
import { getDocument, graphActions, restoreDocument, startAutosave, subscribeDocument } from '../store/graph-store.ts';
import type { DocumentStorage } from '../store/graph/autosave.ts';
import { simulationHost } from '../store/simulation-worker.ts';
import { startDocumentSync } from '../store/sync.ts';
import { workerValidator } from '../store/validate-in-worker.ts';
import { downloadText } from './files/download.ts';
import { App } from './App.tsx';
import { AppBoundary } from './boundary/AppBoundary.tsx';
import { startTheme } from './layout/theme.ts';
import { startShareLinks } from './share/share-links.ts';
import './app.css';

function browserStorage(): DocumentStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the editor works, without autosave
  }
}

export function startEditor(root: HTMLElement): void {
  startTheme();
  // per-field messages as people type, 250 ms after an edit: the simulation worker parses (the page carries no parser)
  graphActions.setValidator(workerValidator(simulationHost));
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
