/**
 * The document in local storage, so a reload (or a crashed tab) never loses a graph. A stored
 * value that cannot be read is reported, kept aside under its own key (the person may want it
 * back) and otherwise ignored: the editor always opens.
 */
import { admissionProblem, textSizeProblem } from '../../scenario/facts.ts';
import { readEditableDocument, type ScenarioDocument } from './document.ts';

/** localStorage, or a stand-in in tests. */
export interface DocumentStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const AUTOSAVE_KEY = 'faultline.editor.document';
export const CORRUPT_AUTOSAVE_KEY = 'faultline.editor.document.unreadable';
/**
 * The graphs share links replaced, newest first. Undo brings one back in the tab, but the link's
 * graph is autosaved over it a moment later — and a link opened in a second tab overwrites the
 * first tab's autosave — so copies are kept here (the library offers them back). Several, because
 * a person may open link after link before looking for their own graph.
 */
export const REPLACED_BY_LINK_KEY = 'faultline.editor.document.before-link';

export interface AutosaveRecord {
  savedAt: string;
  document: ScenarioDocument;
}

export type AutosaveRead =
  | { status: 'none' }
  | { status: 'restored'; document: ScenarioDocument }
  /**
   * `keptAside`: the text was copied to CORRUPT_AUTOSAVE_KEY. When it was not (storage full), the
   * original is still under AUTOSAVE_KEY and the next autosave would destroy it: the caller must
   * hold autosave until the person has a copy (graph-store.ts `restoreDocument`).
   */
  | { status: 'unreadable'; reason: string; keptAside: boolean; text: string | null };

export function readAutosave(storage: DocumentStorage): AutosaveRead {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch (error) {
    return { status: 'unreadable', reason: `local storage is not available (${messageOf(error)})`, keptAside: false, text: null };
  }
  if (text === null) return { status: 'none' };
  const reason = unreadableReason(text);
  if (typeof reason !== 'string') return reason;
  return { status: 'unreadable', reason, keptAside: setAsideAutosave(storage, text), text };
}

/** The restored document, or why the text cannot be restored — the same limits as every other door. */
function unreadableReason(text: string): AutosaveRead | string {
  const tooLarge = textSizeProblem(text);
  if (tooLarge !== null) return tooLarge.message;
  let record: Partial<AutosaveRecord> | null;
  try {
    record = JSON.parse(text) as Partial<AutosaveRecord> | null;
  } catch (error) {
    return `not JSON (${messageOf(error)})`;
  }
  const refused = admissionProblem(record?.document);
  if (refused !== null) return refused.path === '(file)' ? refused.message : `${refused.path}: ${refused.message}`;
  const read = readEditableDocument(record?.document);
  return read.ok ? { status: 'restored', document: read.document } : read.reason;
}

/**
 * Copies the autosave text aside (CORRUPT_AUTOSAVE_KEY); false when storage refused it. Only a
 * copy that reads back whole counts: a quota error may leave nothing, and "kept aside" must be true.
 */
export function setAsideAutosave(storage: DocumentStorage, text: string | null = null): boolean {
  try {
    const original = text ?? storage.getItem(AUTOSAVE_KEY);
    if (original === null) return false;
    storage.setItem(CORRUPT_AUTOSAVE_KEY, original);
    return storage.getItem(CORRUPT_AUTOSAVE_KEY) === original;
  } catch {
    return false;
  }
}

/** Writes the document; returns why it could not (storage full, disabled), or null. */
export function writeAutosave(storage: DocumentStorage, document: ScenarioDocument, now = new Date()): string | null {
  try {
    const record: AutosaveRecord = { savedAt: now.toISOString(), document };
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(record));
    return null;
  } catch (error) {
    return messageOf(error);
  }
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const MAX_REPLACED_GRAPHS = 5;

/** Keeps `document` as a graph a link replaced (first, without duplicates); false when storage refused it. */
export function keepReplacedByLink(storage: DocumentStorage, document: ScenarioDocument, now = new Date()): boolean {
  const text = JSON.stringify(document);
  const others = readReplacedByLinks(storage).filter((kept) => JSON.stringify(kept.document) !== text);
  const records: AutosaveRecord[] = [{ savedAt: now.toISOString(), document }, ...others].slice(0, MAX_REPLACED_GRAPHS);
  try {
    storage.setItem(REPLACED_BY_LINK_KEY, JSON.stringify(records));
    return true;
  } catch {
    return false;
  }
}

/** The graphs links replaced, newest first; unreadable entries are skipped. */
export function readReplacedByLinks(storage: DocumentStorage): AutosaveRecord[] {
  let records: unknown;
  try {
    records = JSON.parse(storage.getItem(REPLACED_BY_LINK_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(records)) return [];
  return records.flatMap((record: Partial<AutosaveRecord> | null) => {
    const read = readEditableDocument(record?.document);
    return read.ok && typeof record?.savedAt === 'string' ? [{ document: read.document, savedAt: record.savedAt }] : [];
  });
}
