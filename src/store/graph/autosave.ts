/**
 * The document in local storage, so a reload (or a crashed tab) never loses a graph. A stored
 * value that cannot be read is reported, kept aside under its own key (the person may want it
 * back) and otherwise ignored: the editor always opens.
 */
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
  | { status: 'unreadable'; reason: string };

export function readAutosave(storage: DocumentStorage): AutosaveRead {
  let text: string | null;
  try {
    text = storage.getItem(AUTOSAVE_KEY);
  } catch (error) {
    return { status: 'unreadable', reason: `local storage is not available (${messageOf(error)})` };
  }
  if (text === null) return { status: 'none' };
  let reason: string;
  try {
    const record = JSON.parse(text) as Partial<AutosaveRecord> | null;
    const read = readEditableDocument(record?.document);
    if (read.ok) return { status: 'restored', document: read.document };
    reason = read.reason;
  } catch (error) {
    reason = `not JSON (${messageOf(error)})`;
  }
  try {
    storage.setItem(CORRUPT_AUTOSAVE_KEY, text);
  } catch {
    // Keeping the copy is a courtesy; opening the editor matters more.
  }
  return { status: 'unreadable', reason };
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
