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
import { admissionProblem } from '../scenario/facts.ts';
import { readEditableDocument, emptyDocument, type CanvasPosition, type DocumentFault, type ScenarioDocument } from './graph/document.ts';
import * as edits from './graph/graph-edits.ts';
import * as monitoring from './graph/monitoring-edits.ts';
import { copyGraph, pasteGraph, type GraphClip } from './graph/clipboard.ts';
import { emptyHistory, recordEdit, redoStep, undoStep, type History } from './graph/history.ts';
import { layoutDocumentWithNote } from './graph/auto-layout.ts';
import { EMPTY_VALIDATION, indexIssues, type ParseOutcome, type ValidationIndex } from './graph/validation-index.ts';
import { AUTOSAVE_KEY, readAutosave, setAsideAutosave, writeAutosave, type DocumentStorage } from './graph/autosave.ts';
import type { FieldPath } from './graph/field-path.ts';
import { selectionActions, useSelectionStore } from './selection-store.ts';

export type { ScenarioDocument, DocumentNode, DocumentLink, DocumentFault, CanvasPosition } from './graph/document.ts';

export interface GraphNotice {
  tone: 'info' | 'error';
  text: string;
  /** A button beside the text (e.g. going back to the graph a link replaced). */
  action?: { label: string; run(): void };
  /** A second choice, where the person must pick one of two (another tab saved this graph). */
  otherAction?: { label: string; run(): void };
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

/** Replaces the document with an undo step; the one place edits land. */
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

/**
 * The per-field validation, registered by whoever can parse: the editor registers one that asks
 * the simulation worker (src/store/validate-in-worker.ts: its page carries no parser, issue 16);
 * tests may register the synchronous src/store/graph/validate-document.ts. Without one (the embed)
 * validation stays as filed — the embed files its worker's warnings (`fileIssues`) — and this
 * store carries no zod.
 */
export type DocumentValidator = (document: ScenarioDocument) => ValidationIndex | Promise<ValidationIndex>;
let validator: DocumentValidator | null = null;
/** Counts the questions asked: only the answer to the latest one is filed. */
let validationsAsked = 0;
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
    // the limits gate (src/scenario/admit.ts), before the copy, the layout and the canvas see it
    const refused = admissionProblem(value);
    if (refused !== null) return { ok: false, reason: refused.path === '(file)' ? refused.message : `${refused.path}: ${refused.message}` };
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

  /** Probes and alerts (src/ui/inspector/monitoring): each an undo step; references follow. */
  addProbe(target: string): boolean {
    const result = monitoring.addProbe(state().document, target);
    if (!result.ok) notify(`No probe added: ${result.reason}.`);
    else commit(result.document);
    return result.ok;
  },

  addAlert(subject: monitoring.AlertSubject, target: string): void {
    commit(monitoring.addAlert(state().document, subject, target));
  },

  setMonitoringField(list: monitoring.MonitoringList, index: number, path: FieldPath, value: unknown): void {
    commit(monitoring.setMonitoringField(state().document, list, index, path, value));
  },

  renameProbe(index: number, newId: string): boolean {
    const result = monitoring.renameProbe(state().document, index, newId);
    if (!result.ok) notify(`Cannot rename the probe: ${result.reason}.`);
    else commit(result.document);
    return result.ok;
  },

  removeProbe(index: number): void {
    commit(monitoring.removeProbe(state().document, index));
  },

  removeAlert(index: number): void {
    commit(monitoring.removeAlert(state().document, index));
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

  /**
   * Validates the current document now. An answer that comes later (the worker's) is filed only if
   * it is the latest question's and the document is still the one asked about: an answer that
   * arrives after a newer edit never overwrites that edit's messages (a newer answer follows).
   */
  validateNow(): void {
    clearTimeout(validateTimer);
    if (!validator) return;
    const document = state().document;
    const asked = ++validationsAsked;
    const answer = validator(document);
    if (!(answer instanceof Promise)) {
      useGraphStore.setState({ validation: answer });
      return;
    }
    answer.then(
      (validation) => {
        if (asked === validationsAsked && state().document === document) useGraphStore.setState({ validation });
      },
      () => {}, // a worker that died mid-question: the messages stay as they were until the next edit's
    );
  },

  /** Validates every edit from now on with `validate` (the editor's: the worker's parser), and the current document at once. */
  setValidator(validate: DocumentValidator): void {
    validator = validate;
    graphActions.validateNow();
  },

  /** Shows problems parsed elsewhere (the embed's worker) for the current document. */
  fileIssues(outcome: ParseOutcome): void {
    useGraphStore.setState({ validation: indexIssues(state().document, outcome) });
  },

  dismissNotice(): void {
    useGraphStore.setState({ notice: null });
  },

  dismissLayoutNote(): void {
    useGraphStore.setState({ layoutNote: null });
  },
};

/**
 * Why autosave must not write now, or null. Autosave never overwrites a graph the person has not
 * got elsewhere: an unreadable autosave that could not be copied aside (storage full), or the
 * version another tab just saved. Edits stay pending and are written once the person chooses.
 */
let autosaveHold: string | null = null;
/** The notice that asks the person to choose; shown again from the "paused" line if dismissed. */
let holdChoice: GraphNotice | null = null;
let saveNow: () => void = () => undefined;

function releaseAutosave(): void {
  autosaveHold = null;
  holdChoice = null;
  useGraphStore.setState({ autosave: { ...state().autosave, error: null } });
  saveNow();
}

function holdAutosave(reason: string, choice: GraphNotice): void {
  autosaveHold = reason;
  holdChoice = choice;
  useGraphStore.setState({ autosave: { ...state().autosave, error: reason }, notice: choice });
}

/** Shows the paused autosave's choice again (the person dismissed it, or another notice replaced it). */
export function showAutosaveChoice(): void {
  if (holdChoice !== null) useGraphStore.setState({ notice: holdChoice });
}

/**
 * Opens the session's first document: the autosave if there is one, else `fallback` (the
 * built-in `checkout`). An unreadable autosave is reported and kept aside, never fatal; if it
 * cannot be kept aside (storage full) it stays where it is and autosave waits until the person
 * has downloaded it (`downloadCopy`) or chosen to save over it.
 */
export function restoreDocument(storage: DocumentStorage | null, fallback: () => unknown, downloadCopy: ((text: string) => void) | null = null): void {
  autosaveHold = null;
  holdChoice = null;
  const saved = storage ? readAutosave(storage) : { status: 'none' as const };
  if (saved.status === 'restored') {
    const loaded = graphActions.load(saved.document, { resetHistory: true });
    if (loaded.ok) return;
    graphActions.load(fallback(), { resetHistory: true });
    const text = storage?.getItem(AUTOSAVE_KEY) ?? null;
    reportUnreadable(loaded.reason, storage !== null && setAsideAutosave(storage, text), text, downloadCopy);
    return;
  }
  graphActions.load(fallback(), { resetHistory: true });
  if (saved.status === 'unreadable') reportUnreadable(saved.reason, saved.keptAside, saved.text, downloadCopy);
}

function reportUnreadable(reason: string, keptAside: boolean, text: string | null, downloadCopy: ((text: string) => void) | null): void {
  const base = `The autosaved graph could not be opened (${reason}); a built-in scenario opened instead.`;
  if (keptAside || text === null) {
    notify(`${base}${keptAside ? ' The autosave was kept aside, unchanged.' : ''}`);
    return;
  }
  const overwrite = { label: 'Save over it', run: () => (graphActions.dismissNotice(), releaseAutosave()) };
  holdAutosave('paused: the unreadable autosave could not be copied aside (storage is full), so it is kept in place until you choose', {
    tone: 'error',
    text: `${base} Storage is full, so it could not be copied aside: it stays in place and autosave is paused until you download it or choose to save over it.`,
    ...(downloadCopy ? { action: { label: 'Download it', run: () => (downloadCopy(text), graphActions.dismissNotice(), releaseAutosave()) }, otherAction: overwrite } : { action: overwrite }),
  });
}

/** A `storage` event's fields (a window's StorageEvent, or a test's stand-in). */
interface StorageChange {
  key: string | null;
  newValue: string | null;
}

type AutosaveTarget = Pick<Window, 'addEventListener' | 'removeEventListener'>;

/**
 * Saves the document AUTOSAVE_DELAY_MS after the last edit, and at once when the page is hidden.
 * With a window as `target`, another tab's autosave of the same graph (a `storage` event) pauses
 * this tab's autosave and asks which version to keep: the last writer never wins silently.
 */
export function startAutosave(storage: DocumentStorage, target: AutosaveTarget | null = null): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  /** The document text this tab last wrote: another tab writing the same graph back is no conflict. */
  let lastWritten: string | null = null;
  const save = () => {
    clearTimeout(timer);
    if (!pending || autosaveHold !== null) return;
    pending = false;
    const document = dragBase ?? state().document;
    const error = writeAutosave(storage, document);
    if (error === null) lastWritten = sameGraphText(document);
    useGraphStore.setState({ autosave: { savedAt: error ? state().autosave.savedAt : Date.now(), error } });
  };
  saveNow = save;
  const unsubscribe = useGraphStore.subscribe((next, previous) => {
    if (next.document === previous.document || next.dragging) return;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(save, AUTOSAVE_DELAY_MS);
  });
  const openOtherVersion = () => {
    graphActions.dismissNotice();
    const saved = readAutosave(storage);
    if (saved.status !== 'restored') {
      notify(`The other tab's version could not be opened (${saved.status === 'unreadable' ? saved.reason : 'it is gone'}); autosave stays paused so nothing is overwritten.`);
      return;
    }
    graphActions.load(saved.document); // undoable: Undo brings this tab's version back
    lastWritten = sameGraphText(state().document);
    pending = false; // storage already holds it
    releaseAutosave();
  };
  const keepMine = () => {
    graphActions.dismissNotice();
    pending = true;
    releaseAutosave(); // the other tab is told in turn, by its own storage event
  };
  const otherTabSaved = (event: Event) => {
    const { key, newValue } = event as unknown as StorageChange;
    if (key !== AUTOSAVE_KEY || newValue === null) return;
    const theirs = savedDocumentText(newValue);
    if (theirs === lastWritten || theirs === sameGraphText(state().document)) return;
    holdAutosave('paused: another tab saved its version of this graph', {
      tone: 'error',
      text: 'Another tab saved its own version of this graph. Autosave is paused here, so neither tab overwrites the other: open that version (Undo brings yours back), or keep this one and save it over the other.',
      action: { label: 'Open the other version', run: openOtherVersion },
      otherAction: { label: 'Keep mine', run: keepMine },
    });
  };
  target?.addEventListener('pagehide', save);
  target?.addEventListener('storage', otherTabSaved);
  return () => {
    save();
    unsubscribe();
    saveNow = () => undefined;
    target?.removeEventListener('pagehide', save);
    target?.removeEventListener('storage', otherTabSaved);
  };
}

/** The document part of an autosave record as text (savedAt differs on every write), or null. */
function savedDocumentText(recordText: string): string | null {
  try {
    const record = JSON.parse(recordText) as { document?: unknown } | null;
    return record?.document === undefined ? null : sameGraphText(record.document);
  } catch {
    return null;
  }
}

/** JSON with keys sorted: two tabs holding the same graph compare equal whatever their key order. */
function sameGraphText(document: unknown): string {
  return JSON.stringify(document, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]])) : value,
  );
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
