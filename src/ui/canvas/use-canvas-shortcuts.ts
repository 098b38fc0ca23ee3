/**
 * Editor shortcuts on the whole page: undo/redo, copy/paste, select all, Escape. Ignored while
 * typing in a field, where the browser's own text undo and copy apply, and inside an open dialog.
 * Delete is React Flow's.
 */
import { useEffect } from 'react';
import { graphActions, useGraphStore } from '../../store/graph-store.ts';
import { selectionActions } from '../../store/selection-store.ts';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Keys pressed inside a modal dialog belong to it: Escape closes it, Ctrl+C copies its text. */
function isInDialog(target: EventTarget | null): boolean {
  return typeof Element !== 'undefined' && target instanceof Element && target.closest('dialog[open]') !== null;
}

export function handleEditorShortcut(event: KeyboardEvent): boolean {
  if (isTyping(event.target) || isInDialog(event.target)) return false;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (mod && key === 'z' && !event.shiftKey) graphActions.undo();
  else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) graphActions.redo();
  else if (mod && key === 'c') graphActions.copySelection();
  else if (mod && key === 'v') graphActions.paste();
  else if (mod && key === 'a') {
    const { document } = useGraphStore.getState();
    selectionActions.select(document.nodes.map((n) => n.id), document.links.map((l) => l.id));
  } else if (key === 'escape') selectionActions.clear();
  else return false;
  event.preventDefault();
  return true;
}

export function useCanvasShortcuts(): void {
  useEffect(() => {
    window.addEventListener('keydown', handleEditorShortcut);
    return () => window.removeEventListener('keydown', handleEditorShortcut);
  }, []);
}
