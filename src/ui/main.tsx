/**
 * Startup: theme, the first document (the autosave, else the built-in checkout), autosave, the
 * worker sync, then React. The stores start before React so nothing renders an empty graph.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBuiltin } from '../scenarios/index.ts';
import { getDocument, restoreDocument, startAutosave, subscribeDocument } from '../store/graph-store.ts';
import type { DocumentStorage } from '../store/graph/autosave.ts';
import { startDocumentSync } from '../store/sync.ts';
import { App } from './App.tsx';
import { startTheme } from './layout/theme.ts';
import './theme.css';
import './app.css';

function browserStorage(): DocumentStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the editor works, without autosave
  }
}

startTheme();
const storage = browserStorage();
restoreDocument(storage, () => findBuiltin('checkout')!.scenario);
if (storage) startAutosave(storage, window);
startDocumentSync(getDocument, subscribeDocument);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
