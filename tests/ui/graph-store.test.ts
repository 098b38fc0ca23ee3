// The graph store: undo/redo for every edit, one undo step per drag, autosave and restore (a
// corrupt autosave is reported and never fatal), inline validation filed under node and field.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { graphActions, restoreDocument, startAutosave, useGraphStore, AUTOSAVE_DELAY_MS } from '../../src/store/graph-store.ts';
import { validateDocument } from '../../src/store/graph/validate-document.ts';
import { useSelectionStore } from '../../src/store/selection-store.ts';
import { AUTOSAVE_KEY, CORRUPT_AUTOSAVE_KEY, type DocumentStorage } from '../../src/store/graph/autosave.ts';
import { emptyDocument } from '../../src/store/graph/document.ts';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { layeredGraph } from '../../src/scenarios/generated.ts';

graphActions.setValidator(validateDocument); // as the editor does at start (src/ui/start-editor.tsx)

class MemoryStorage implements DocumentStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const doc = () => useGraphStore.getState().document;
const ids = () => doc().nodes.map((n) => n.id);
const checkout = () => findBuiltin('checkout')!.scenario;

beforeEach(() => {
  graphActions.load(emptyDocument(), { resetHistory: true });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('graph store', () => {
  it('undoes and redoes every kind of edit in order', () => {
    const client = graphActions.addNode('client', { x: 0, y: 0 });
    const service = graphActions.addNode('service', { x: 300, y: 0 });
    const link = graphActions.connect(client, service)!;
    graphActions.setNodeField(client, ['rate'], 200);
    graphActions.renameNode(service, 'api');
    expect(doc().links[0]).toMatchObject({ id: 'client-api', from: 'client', to: 'api' });
    graphActions.undo();
    expect(ids()).toEqual(['client', 'service']);
    graphActions.undo();
    expect(doc().nodes[0].rate).toBe(10);
    graphActions.undo();
    expect(doc().links).toEqual([]);
    expect(doc().nodes[0].target).toBeUndefined();
    graphActions.redo();
    graphActions.redo();
    expect(doc().links.map((l) => l.id)).toEqual([link]);
    expect(doc().nodes[0].rate).toBe(200);
    graphActions.undo();
    graphActions.undo();
    graphActions.undo();
    graphActions.undo();
    expect(ids()).toEqual([]);
    graphActions.undo(); // nothing left: a no-op, not an error
    expect(ids()).toEqual([]);
  });

  it('a new edit after an undo clears the redo list', () => {
    graphActions.addNode('client', { x: 0, y: 0 });
    graphActions.undo();
    graphActions.addNode('service', { x: 0, y: 0 });
    graphActions.redo();
    expect(ids()).toEqual(['service']);
  });

  it('a drag is one undo step however many positions it passes through', () => {
    const id = graphActions.addNode('service', { x: 0, y: 0 });
    const steps = useGraphStore.getState().history.past.length;
    for (let x = 1; x <= 50; x++) graphActions.moveNodes(new Map([[id, { x, y: 0 }]]), { transient: true });
    expect(useGraphStore.getState().history.past.length).toBe(steps);
    graphActions.moveNodes(new Map([[id, { x: 51, y: 0 }]]));
    expect(useGraphStore.getState().history.past.length).toBe(steps + 1);
    graphActions.undo();
    expect(doc().nodes[0].position).toEqual({ x: 0, y: 0 });
  });

  it('deleting the selection removes selected nodes with their links, and an undo brings them back', () => {
    graphActions.load(checkout());
    useSelectionStore.setState({ nodeIds: ['api-1'], linkIds: ['shoppers-lb'] });
    graphActions.removeSelection();
    expect(ids()).toEqual(['shoppers', 'lb', 'api-2', 'db']);
    expect(doc().links.map((l) => l.id)).toEqual(['lb-api-2', 'api-2-db']);
    expect(useSelectionStore.getState().nodeIds).toEqual([]);
    graphActions.undo();
    expect(doc().links).toHaveLength(5);
  });

  it('copy then paste twice gives two copies, each offset further', () => {
    const id = graphActions.addNode('database', { x: 100, y: 100 });
    useSelectionStore.setState({ nodeIds: [id], linkIds: [] });
    expect(graphActions.copySelection()).toBe(1);
    graphActions.paste();
    graphActions.paste();
    expect(doc().nodes.map((n) => [n.id, n.position])).toEqual([
      ['database', { x: 100, y: 100 }],
      ['database-2', { x: 140, y: 140 }],
      ['database-3', { x: 180, y: 180 }],
    ]);
    expect(useSelectionStore.getState().nodeIds).toEqual(['database-3']);
  });

  it('lays out an imported graph without positions, left to right along the links', () => {
    graphActions.load(layeredGraph(60));
    const x = new Map(doc().nodes.map((n) => [n.id, n.position!.x]));
    expect(doc().nodes.every((n) => n.position !== undefined)).toBe(true);
    expect(x.get('users-0')!).toBeLessThan(x.get('lb-0')!);
    expect(x.get('lb-0')!).toBeLessThan(x.get('front-0')!);
    expect(x.get('mid-0')!).toBeLessThan(x.get('db-0')!);
  });

  it('lays out nodes named like Object.prototype members ("toString", "__proto__", "constructor") along their links', () => {
    const names = ['toString', '__proto__', 'constructor', 'hasOwnProperty'];
    const result = graphActions.load({
      format: 'faultline.scenario/v1',
      name: 'prototype names',
      duration: '1m',
      nodes: names.map((id) => ({ id, kind: 'service' })),
      links: names.slice(1).map((id, i) => ({ id: `l${i}`, from: names[i], to: id })),
    });
    expect(result).toEqual({ ok: true });
    expect(ids()).toEqual(names);
    const x = doc().nodes.map((n) => n.position!.x);
    for (let i = 1; i < x.length; i++) expect(x[i]).toBeGreaterThan(x[i - 1]);
  });

  it('folds the tall layers of a 300-node graph into a screen-shaped layout without overlaps, keeping layer order', () => {
    graphActions.load(layeredGraph(300));
    const boxes = doc().nodes.map((n) => n.position!);
    const xs = boxes.map((p) => p.x);
    const ys = boxes.map((p) => p.y);
    const aspect = (Math.max(...xs) - Math.min(...xs) + 190) / (Math.max(...ys) - Math.min(...ys) + 96);
    expect(aspect).toBeGreaterThan(0.8);
    expect(aspect).toBeLessThan(3.2);
    const overlapping = boxes.some((a, i) => boxes.some((b, j) => j > i && Math.abs(a.x - b.x) < 190 && Math.abs(a.y - b.y) < 96));
    expect(overlapping).toBe(false);
    const x = new Map(doc().nodes.map((n) => [n.id, n.position!.x]));
    expect(Math.max(...doc().nodes.filter((n) => n.id.startsWith('front-')).map((n) => x.get(n.id)!))).toBeLessThan(Math.min(...doc().nodes.filter((n) => n.id.startsWith('mid-')).map((n) => x.get(n.id)!)));
  });

  it('files each parse error under its node and field', () => {
    graphActions.load(checkout());
    graphActions.setNodeField('api-2', ['workers'], -3);
    graphActions.setNodeField('api-2', ['queue', 'capacity'], 'lots');
    graphActions.setLinkField('lb-api-1', ['loss'], 2);
    graphActions.validateNow();
    const { validation } = useGraphStore.getState();
    expect(validation.runnable).toBe(false);
    expect(validation.nodes.get('api-2')!.map((i) => i.field)).toEqual(['workers', 'queue.capacity']);
    expect(validation.nodes.get('api-2')![0].message).toMatch(/whole number/);
    expect(validation.links.get('lb-api-1')!.map((i) => i.field)).toEqual(['loss']);
    expect(validation.errorCount).toBe(3);
  });

  it('validates a while after the last edit, not at every keystroke', () => {
    vi.useFakeTimers();
    graphActions.load(checkout());
    graphActions.setNodeField('api-1', ['workers'], 0);
    expect(useGraphStore.getState().validation.runnable).toBe(true);
    vi.advanceTimersByTime(300);
    expect(useGraphStore.getState().validation.nodes.get('api-1')?.[0].field).toBe('workers');
  });
});

describe('autosave', () => {
  it('saves after the last edit and restores the same graph in a new session', () => {
    vi.useFakeTimers();
    const storage = new MemoryStorage();
    const stop = startAutosave(storage);
    graphActions.addNode('client', { x: 10, y: 20 });
    graphActions.addNode('service', { x: 300, y: 20 });
    expect(storage.items.has(AUTOSAVE_KEY)).toBe(false);
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    stop();
    const saved = doc();
    graphActions.load(emptyDocument(), { resetHistory: true });
    restoreDocument(storage, checkout);
    expect(doc()).toEqual(saved);
    expect(useGraphStore.getState().notice).toBeNull();
  });

  it('opens the built-in checkout the first time', () => {
    restoreDocument(new MemoryStorage(), checkout);
    expect(doc().name).toBe('Checkout under a crash');
    expect(useGraphStore.getState().history.past).toEqual([]);
  });

  it('a corrupt autosave is reported, kept aside and ignored', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"savedAt": "x", "document": {"format": "faultline.scen');
    restoreDocument(storage, checkout);
    expect(doc().name).toBe('Checkout under a crash');
    expect(useGraphStore.getState().notice?.text).toMatch(/could not be opened \(not JSON.*kept aside, unchanged/);
    expect(storage.getItem(CORRUPT_AUTOSAVE_KEY)).toContain('faultline.scen');
  });

  it('an autosave that fails to write (storage full) is reported, not thrown', () => {
    vi.useFakeTimers();
    const full: DocumentStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const stop = startAutosave(full);
    graphActions.addNode('client', { x: 0, y: 0 });
    vi.advanceTimersByTime(AUTOSAVE_DELAY_MS + 1);
    expect(useGraphStore.getState().autosave.error).toBe('QuotaExceededError');
    stop();
  });
});
