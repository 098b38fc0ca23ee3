// The autosave never loses a graph and never claims what it did not do (issue 17, findings 5
// and 6): an unreadable autosave that storage is too full to copy aside stays where it is and
// autosave waits; one nested past the limit is reported and kept; a second tab's save pauses
// this tab's autosave and asks. Also the limits at the store's door and "Open anyway".
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, graphActions, restoreDocument, showAutosaveChoice, startAutosave, useGraphStore } from '../../src/store/graph-store.ts';
import { AUTOSAVE_KEY, CORRUPT_AUTOSAVE_KEY, type DocumentStorage } from '../../src/store/graph/autosave.ts';
import { openScenarioFile } from '../../src/ui/files/open-scenario-file.ts';
import { createSimulationHost } from '../../workers/simulation-host.ts';

/** The simulation worker's check, in this thread (the page asks the worker: issue 16). */
const workerHost = createSimulationHost();
const checkText = (text: string) => workerHost.check(text);
import { findBuiltin } from '../../src/scenarios/index.ts';
import { deeplyNestedValue } from './hostile-values.ts';

class MemoryStorage implements DocumentStorage {
  items = new Map<string, string>();
  /** Total characters storage accepts (a quota); beyond it setItem throws, as browsers do. */
  constructor(private readonly quotaChars = Infinity) {}
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    let used = value.length;
    for (const [k, v] of this.items) if (k !== key) used += v.length;
    if (used > this.quotaChars) throw new Error('QuotaExceededError: the quota has been exceeded');
    this.items.set(key, value);
  }
}

const checkout = () => findBuiltin('checkout')!.scenario;
const doc = () => useGraphStore.getState().document;
const notice = () => useGraphStore.getState().notice;

beforeEach(() => {
  vi.useFakeTimers();
  graphActions.load(checkout(), { resetHistory: true });
  graphActions.dismissNotice();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('an unreadable autosave with storage full', () => {
  const corrupt = `{"savedAt":"x","document":{"format":"faultline.scenario/v1","name":"mine","nodes":[${'{"id":"n","kind":"service"},'.repeat(11_000)}`; // ~300 KB, cut short

  it('does not claim a copy it could not make, and the first edit does not overwrite the original', () => {
    const storage = new MemoryStorage(corrupt.length + 1000); // no room for a second copy
    storage.setItem(AUTOSAVE_KEY, corrupt);
    expect(corrupt.length).toBeGreaterThan(290_000);
    restoreDocument(storage, checkout);
    const stop = startAutosave(storage);
    expect(storage.getItem(CORRUPT_AUTOSAVE_KEY)).toBeNull();
    expect(notice()?.text).toMatch(/could not be copied aside: it stays in place and autosave is paused/);
    expect(notice()?.text).not.toMatch(/kept aside/);
    graphActions.addNode('client', { x: 0, y: 0 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(corrupt); // the original survives the edit
    expect(useGraphStore.getState().autosave.error).toMatch(/^paused: /);
    stop();
  });

  it('with a way to download it, the copy goes to the person first, then autosave resumes', () => {
    const storage = new MemoryStorage(corrupt.length + 1000);
    storage.setItem(AUTOSAVE_KEY, corrupt);
    const downloaded: string[] = [];
    restoreDocument(storage, checkout, (text) => downloaded.push(text));
    const stop = startAutosave(storage);
    graphActions.addNode('client', { x: 0, y: 0 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(corrupt);
    expect(notice()?.action?.label).toBe('Download it');
    notice()!.action!.run();
    expect(downloaded).toEqual([corrupt]);
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).document.nodes.length).toBe(doc().nodes.length); // saved at once
    stop();
  });
});

describe('an autosave over the limits', () => {
  it('nested 100,000 deep: reported, kept aside, and the built-in opens', () => {
    const storage = new MemoryStorage();
    const text = JSON.stringify({ savedAt: 'x', document: { format: 'faultline.scenario/v1', name: 'deep', nodes: [{ id: 'a', kind: 'service', workers: deeplyNestedValue(100) }] } });
    storage.setItem(AUTOSAVE_KEY, text);
    restoreDocument(storage, checkout);
    expect(doc().name).toBe('Checkout under a crash');
    expect(notice()?.text).toMatch(/nested more than 64 levels deep.*kept aside, unchanged/);
    expect(storage.getItem(CORRUPT_AUTOSAVE_KEY)).toBe(text);
  });

  it('19,000 nodes: refused in well under a second with the limit named, kept aside', () => {
    const storage = new MemoryStorage();
    const nodes = Array.from({ length: 19_000 }, (_, i) => ({ id: `n${i}`, kind: 'service' }));
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ savedAt: 'x', document: { format: 'faultline.scenario/v1', name: 'big', nodes } }));
    vi.useRealTimers();
    const started = performance.now();
    restoreDocument(storage, checkout);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(notice()?.text).toMatch(/nodes: expected at most 2000 nodes \(a Faultline limit\), got 19000/);
    expect(storage.getItem(CORRUPT_AUTOSAVE_KEY)).not.toBeNull();
  });
});

describe('the store refuses what breaks a limit, keeping the graph', () => {
  it('35,000 nodes sharing one id', () => {
    const before = doc();
    const result = graphActions.load({ format: 'faultline.scenario/v1', name: 'x', nodes: Array.from({ length: 35_000 }, () => ({ id: 'same', kind: 'service' })) });
    expect(result).toEqual({ ok: false, reason: 'nodes: expected at most 2000 nodes (a Faultline limit), got 35000' });
    expect(doc()).toBe(before);
  });

  it('"Open anyway" is not offered for a 70,000-node or a 70-level file: the limit is the message', async () => {
    for (const value of [
      { format: 'faultline.scenario/v1', name: 'x', nodes: Array.from({ length: 70_000 }, (_, i) => ({ id: `s${i}`, kind: 'service' })) },
      { format: 'faultline.scenario/v1', name: 'x', nodes: [{ id: 'a', kind: 'service', workers: deeplyNestedValue(70) }] },
    ]) {
      const text = JSON.stringify(value);
      const outcome = await openScenarioFile({ name: 'x.json', size: text.length, text: async () => text }, checkText);
      if (outcome.kind !== 'refused') throw new Error('opened');
      expect(outcome.refused.editable).toBeNull();
      expect(outcome.refused.problems[0].message).toMatch(/expected at most 2000 nodes \(a Faultline limit\), got 70000|nested more than 64 levels deep/);
    }
  });
});

describe('two tabs editing the same autosave', () => {
  /** Another tab's write, as the browser reports it to this one. */
  function otherTabWrites(target: EventTarget, storage: MemoryStorage, document: unknown): string {
    const text = JSON.stringify({ savedAt: new Date().toISOString(), document });
    storage.items.set(AUTOSAVE_KEY, text); // the other tab's storage write (no event in the writer)
    target.dispatchEvent(Object.assign(new Event('storage'), { key: AUTOSAVE_KEY, newValue: text }));
    return text;
  }

  it('the other tab is told, asked, and never overwritten silently', () => {
    const storage = new MemoryStorage();
    const tab = new EventTarget() as unknown as Window;
    const stop = startAutosave(storage, tab);
    graphActions.addNode('client', { x: 0, y: 0 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    const theirs = structuredClone(checkout()) as Record<string, unknown>;
    theirs.name = 'edited in the other tab';
    const written = otherTabWrites(tab as unknown as EventTarget, storage, theirs);
    expect(notice()?.text).toMatch(/Another tab saved its own version of this graph/);
    graphActions.addNode('service', { x: 100, y: 0 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(written); // held, not overwritten
    graphActions.dismissNotice(); // dismissing is no choice: still held, and the choice comes back
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS * 3);
    expect(storage.getItem(AUTOSAVE_KEY)).toBe(written);
    showAutosaveChoice();
    expect(notice()?.action?.label).toBe('Open the other version');
    const mine = doc();
    notice()!.action!.run(); // "Open the other version"
    expect(doc().name).toBe('edited in the other tab');
    graphActions.undo();
    expect(doc()).toBe(mine); // and Undo brings this tab's version back
    stop();
  });

  it('"Keep mine" saves this tab\'s version at once', () => {
    const storage = new MemoryStorage();
    const tab = new EventTarget() as unknown as Window;
    const stop = startAutosave(storage, tab);
    otherTabWrites(tab as unknown as EventTarget, storage, { ...(checkout() as Record<string, unknown>), name: 'theirs' });
    graphActions.setScenarioField('name', 'mine');
    notice()!.otherAction!.run();
    expect(JSON.parse(storage.getItem(AUTOSAVE_KEY)!).document.name).toBe('mine');
    stop();
  });

  it('another tab writing back the same graph is no conflict', () => {
    const storage = new MemoryStorage();
    const tab = new EventTarget() as unknown as Window;
    const stop = startAutosave(storage, tab);
    graphActions.setScenarioField('name', 'same');
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    const reordered = Object.fromEntries(Object.entries(doc()).reverse());
    otherTabWrites(tab as unknown as EventTarget, storage, reordered);
    expect(notice()).toBeNull();
    stop();
  });
});
