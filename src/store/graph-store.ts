/**
 * The scenario document being edited — the single source of truth for the canvas, the
 * inspector, the fault timeline and the worker (through src/store/sync.ts). Every edit goes
 * through `graphActions` (module-level, usable outside React), is undoable, is validated
 * (debounced) and is autosaved (debounced) once `startAutosave` runs.
 *
 * Dragging a node writes its position at pointer rate as a *transient* edit: no undo step, no
 * validation, no sync notification; the drop commits one undo step for the whole drag.
 */
import { create } from 'zustand';
import { nestingProblem } from '../scenario/json-depth.ts';
import { readEditableDocument, emptyDocument, type CanvasPosition, type DocumentFault, type ScenarioDocument } from './graph/document.ts';
import * as edits from './graph/graph-edits.ts';
import { copyGraph, pasteGraph, type GraphClip } from './graph/clipboard.ts';
import { emptyHistory, recordEdit, redoStep, undoStep, type History } from './graph/history.ts';
import { layoutDocumentWithNote } from './graph/auto-layout.ts';
import { EMPTY_VALIDATION, validateDocument, type ValidationIndex } from './graph/validation-index.ts';
import { readAutosave, writeAutosave, type DocumentStorage } from './graph/autosave.ts';
import type { FieldPath } from './graph/field-path.ts';
import { selectionActions, useSelectionStore } from './selection-store.ts';

export type { ScenarioDocument, DocumentNode, DocumentLink, DocumentFault, CanvasPosition } from './graph/document.ts';

export interface GraphNotice {
  tone: 'info' | 'error';
  text: string;
  /** A button beside the text (e.g. going back to the graph a link replaced). */
  action?: { label: string; run(): void };
}

export interface GraphState {
  document: ScenarioDocument;
  history: History<ScenarioDocument>;
  /** The parser's problems for `document` (lags edits by VALIDATE_DELAY_MS). */
  validation: ValidationIndex;
  /** A message for the person: an unreadable autosave, a refused rename or link. */
  notice: GraphNotice | null;
  /** Why the last opened graph got the simple layout instead of dagre's (a 2,000-node chain); null otherwise. */
  layoutNote: string | null;
  /** True between the first and the last position of a drag. */
  dragging: boolean;
  autosave: { savedAt: number | null; error: string | null };
  /** Bumped by every load: the canvas fits the new graph into view. */
  loadCount: number;
}

export const VALIDATE_DELAY_MS = 250;
export const AUTOSAVE_DELAY_MS = 400;

export const useGraphStore = create<GraphState>(() => ({
  document: emptyDocument(),
  history: emptyHistory(),
  validation: EMPTY_VALIDATION,
  notice: null,
  layoutNote: null,
  dragging: false,
  autosave: { savedAt: null, error: null },
  loadCount: 0,
}));

const state = () => useGraphStore.getState();

/** The document before the drag in progress began; committed as one undo step at the drop. */
let dragBase: ScenarioDocument | null = null;
let clipboard: GraphClip | null = null;
/** Documents that came from load(): an undo or redo across one also refits the view. */
const loadedDocuments = new WeakSet<ScenarioDocument>();
let pasteCount = 0;

/** Replaces the document with an undo step; the one place edits land. */
/** A rename that every reference followed, or the reason it could not be done. */
function applyRename(result: ReturnType<typeof edits.renameNode>, oldId: string, newId: string): boolean {
  if (!result.ok) {
    notify(`Cannot rename "${oldId}": ${result.reason}.`);
    return false;
  }
  selectionActions.renameId(oldId, newId);
  commit(result.document);
  return true;
}

function commit(next: ScenarioDocument): void {
  const { document, history } = state();
  if (next === document && dragBase === null) return;
  const before = dragBase ?? document;
  dragBase = null;
  useGraphStore.setState({ document: next, history: recordEdit(history, before), dragging: false });
  afterChange(next);
}

function afterChange(document: ScenarioDocument): void {
  selectionActions.keepExisting(new Set(document.nodes.map((n) => n.id)), new Set(document.links.map((l) => l.id)));
  scheduleValidation();
}

let validateTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleValidation(): void {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(graphActions.validateNow, VALIDATE_DELAY_MS);
}

const notify = (text: string, tone: GraphNotice['tone'] = 'error'): void => useGraphStore.setState({ notice: { tone, text } });

export const graphActions = {
  /**
   * Opens a document (a built-in, an imported file, an autosave). Nodes without positions are
   * laid out. Undoable, unless `resetHistory` (the first document of a session).
   */
  load(value: unknown, options: { resetHistory?: boolean } = {}): { ok: true } | { ok: false; reason: string } {
    const tooDeep = nestingProblem(value); // structuredClone below would overflow the stack
    if (tooDeep !== null) return { ok: false, reason: tooDeep.message };
    const read = readEditableDocument(structuredClone(value));
    if (!read.ok) return read;
    const { document, note } = layoutDocumentWithNote(read.document);
    loadedDocuments.add(document);
    useGraphStore.setState({ loadCount: state().loadCount + 1, layoutNote: note });
    if (options.resetHistory) {
      dragBase = null;
      useGraphStore.setState({ document, history: emptyHistory(), dragging: false });
      afterChange(document);
    } else commit(document);
    graphActions.validateNow();
    return { ok: true };
  },

  addNode(kind: string, position: CanvasPosition): string {
    const { document, id } = edits.addNode(state().document, kind, position);
    commit(document);
    selectionActions.select([id]);
    return id;
  },

  setNodeField(id: string, path: FieldPath, value: unknown): void {
    commit(edits.setNodeField(state().document, id, path, value));
  },

  setLinkField(id: string, path: FieldPath, value: unknown): void {
    commit(edits.setLinkField(state().document, id, path, value));
  },

  setScenarioField(key: string, value: unknown): void {
    commit(edits.setScenarioField(state().document, key, value));
  },

  renameNode(oldId: string, newId: string): boolean {
    return applyRename(edits.renameNode(state().document, oldId, newId), oldId, newId);
  },

  renameLink(oldId: string, newId: string): boolean {
    return applyRename(edits.renameLink(state().document, oldId, newId), oldId, newId);
  },

  /** `transient`: a drag in progress (no undo step until the drop). */
  moveNodes(positions: ReadonlyMap<string, CanvasPosition>, options: { transient?: boolean } = {}): void {
    const next = edits.moveNodes(state().document, positions);
    if (options.transient) {
      dragBase ??= state().document;
      useGraphStore.setState({ document: next, dragging: true });
    } else commit(next);
  },

  connect(from: string, to: string): string | null {
    const result = edits.connect(state().document, from, to);
    if (!result.ok) {
      notify(`No link made: ${result.reason}.`);
      return null;
    }
    commit(result.document);
    return result.linkId;
  },

  removeNodes(ids: Iterable<string>): void {
    commit(edits.removeNodes(state().document, ids));
  },

  removeLinks(ids: Iterable<string>): void {
    commit(edits.removeLinks(state().document, ids));
  },

  /** Nodes (with their links) and links, as one undo step. */
  removeElements(nodeIds: readonly string[], linkIds: readonly string[]): void {
    if (nodeIds.length === 0 && linkIds.length === 0) return;
    commit(edits.removeNodes(edits.removeLinks(state().document, linkIds), nodeIds));
  },

  removeSelection(): void {
    const { nodeIds, linkIds } = useSelectionStore.getState();
    graphActions.removeElements(nodeIds, linkIds);
  },

  /** The fault timeline writes the scenario's faults back through here (undoable). */
  setFaults(faults: DocumentFault[]): void {
    commit({ ...state().document, faults });
  },

  copySelection(): number {
    const clip = copyGraph(state().document, useSelectionStore.getState().nodeIds);
    if (clip) {
      clipboard = clip;
      pasteCount = 0;
    }
    return clip?.nodes.length ?? 0;
  },

  /** Pastes the last copy; each paste lands a step further from the original. */
  paste(): void {
    if (!clipboard) return;
    pasteCount++;
    const pasted = pasteGraph(state().document, clipboard, 40 * pasteCount);
    commit(pasted.document);
    selectionActions.select(pasted.nodeIds, pasted.linkIds);
  },

  undo(): void {
    const step = undoStep(state().history, state().document);
    if (!step) return;
    dragBase = null;
    const refit = loadedDocuments.has(state().document);
    useGraphStore.setState({ document: step.document, history: step.history, dragging: false, loadCount: state().loadCount + (refit ? 1 : 0) });
    afterChange(step.document);
  },

  redo(): void {
    const step = redoStep(state().history, state().document);
    if (!step) return;
    const refit = loadedDocuments.has(step.document);
    useGraphStore.setState({ document: step.document, history: step.history, loadCount: state().loadCount + (refit ? 1 : 0) });
    afterChange(step.document);
  },

  validateNow(): void {
    clearTimeout(validateTimer);
    useGraphStore.setState({ validation: validateDocument(state().document) });
  },

  dismissNotice(): void {
    useGraphStore.setState({ notice: null });
  },

  dismissLayoutNote(): void {
    useGraphStore.setState({ layoutNote: null });
  },
};

/**
 * Opens the session's first document: the autosave if there is one, else `fallback` (the
 * built-in `checkout`). An unreadable autosave is reported and set aside, never fatal.
 */
export function restoreDocument(storage: DocumentStorage | null, fallback: () => unknown): void {
  const saved = storage ? readAutosave(storage) : { status: 'none' as const };
  if (saved.status === 'restored' && graphActions.load(saved.document, { resetHistory: true }).ok) return;
  graphActions.load(fallback(), { resetHistory: true });
  if (saved.status === 'unreadable') {
    notify(`The autosaved graph could not be read (${saved.reason}); it was kept aside and a built-in scenario opened instead.`);
  }
}

/** Saves the document AUTOSAVE_DELAY_MS after the last edit, and at once when the page is hidden. */
export function startAutosave(storage: DocumentStorage, target: Pick<Window, 'addEventListener' | 'removeEventListener'> | null = null): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const save = () => {
    clearTimeout(timer);
    if (!pending) return;
    pending = false;
    const error = writeAutosave(storage, dragBase ?? state().document);
    useGraphStore.setState({ autosave: { savedAt: error ? state().autosave.savedAt : Date.now(), error } });
  };
  const unsubscribe = useGraphStore.subscribe((next, previous) => {
    if (next.document === previous.document || next.dragging) return;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  target?.addEventListener('pagehide', save);
  return () => {
    save();
    unsubscribe();
    target?.removeEventListener('pagehide', save);
  };
}

/**
 * Calls `listener` when the document changes for good — not at each position of a drag. What
 * the worker sync subscribes to.
 */
export function subscribeDocument(listener: () => void): () => void {
  return useGraphStore.subscribe((next, previous) => {
    if (next.document !== previous.document && !next.dragging) listener();
  });
}

export const getDocument = (): ScenarioDocument => state().document;
