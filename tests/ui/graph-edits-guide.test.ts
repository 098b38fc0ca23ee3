// The document edits and the guide: a renamed node or link is renamed in every step's `watch`
// list (with the generated link ids a node rename changes), a deleted one leaves those lists,
// and a guide the edit does not touch stays the same object.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { emptyDocument, type ScenarioDocument } from '../../src/store/graph/document.ts';
import { addNode, connect, removeLinks, removeNodes, renameLink, renameNode, setScenarioField } from '../../src/store/graph/graph-edits.ts';

/** client → service → database, with a guide that watches all of it. */
function guided(): ScenarioDocument {
  let doc = emptyDocument();
  for (const kind of ['client', 'service', 'database']) doc = addNode(doc, kind, { x: 0, y: 0 }).document;
  for (const [from, to] of [['client', 'service'], ['service', 'database']]) {
    const linked = connect(doc, from, to);
    if (!linked.ok) throw new Error(linked.reason);
    doc = linked.document;
  }
  return setScenarioField(doc, 'guide', [
    { at: 0, title: 'Start', text: 'Nothing to watch' },
    { at: '10s', title: 'The service', text: '', watch: ['service', 'client-service'], pause: false },
    { at: '20s', title: 'The database', text: '', watch: ['database', 'service-database', 'service'] },
    { at: '30s', title: 'Only the database', text: '', watch: ['database'] },
  ]);
}

type Step = { title: string; watch?: string[] };
const watches = (doc: ScenarioDocument) => (doc.guide as Step[]).map((step) => step.watch);

function ok(result: ReturnType<typeof renameNode>): ScenarioDocument {
  if (!result.ok) throw new Error(result.reason);
  return result.document;
}

describe('guide watch lists follow the graph', () => {
  it('a node rename renames it in every watch list, with the generated link ids it renames', () => {
    const renamed = ok(renameNode(guided(), 'service', 'api'));
    expect(watches(renamed)).toEqual([
      undefined,
      ['api', 'client-api'],
      ['database', 'api-database', 'api'],
      ['database'],
    ]);
    // the rest of each step is kept, keys in their order
    expect(Object.keys((renamed.guide as Step[])[1])).toEqual(['at', 'title', 'text', 'watch', 'pause']);
    const parsed = parseScenario(renamed);
    expect(parsed.ok && parsed.warnings).toEqual([]); // no watch id names nothing
  });

  it('a link rename renames it in the watch lists', () => {
    const renamed = ok(renameLink(guided(), 'service-database', 'primary-db'));
    expect(watches(renamed)[2]).toEqual(['database', 'primary-db', 'service']);
    expect(watches(renamed)[1]).toEqual(['service', 'client-service']);
  });

  it('deleting a node takes it and its links out of the watch lists; a list left empty goes', () => {
    const removed = removeNodes(guided(), ['database']);
    expect(watches(removed)).toEqual([undefined, ['service', 'client-service'], ['service'], undefined]);
    expect('watch' in (removed.guide as Step[])[3]).toBe(false);
    expect((removed.guide as Step[])[3].title).toBe('Only the database');
    const parsed = parseScenario(removed);
    expect(parsed.ok && parsed.warnings).toEqual([]);
  });

  it('deleting a link takes it out of the watch lists, its ends stay', () => {
    const removed = removeLinks(guided(), ['client-service']);
    expect(watches(removed)[1]).toEqual(['service']);
    expect(watches(removed)[2]).toEqual(['database', 'service-database', 'service']);
  });

  it('an edit that touches no watched id leaves the guide the same object; a guide being typed is left alone', () => {
    const doc = guided();
    const unwatched = setScenarioField(doc, 'guide', [{ at: '5s', title: 'x', text: '', watch: ['database'] }]);
    const renamed = ok(renameLink(unwatched, 'client-service', 'front'));
    expect(renamed.guide).toBe(unwatched.guide);
    const typing = setScenarioField(doc, 'guide', [null, 'junk', { title: 'half', watch: 'service' }, { watch: [3, 'service'] }]);
    expect(ok(renameNode(typing, 'service', 'api')).guide).toEqual([null, 'junk', { title: 'half', watch: 'service' }, { watch: [3, 'api'] }]);
    const noGuide = ok(renameNode({ ...doc, guide: undefined }, 'service', 'api'));
    expect(noGuide.guide).toBeUndefined();
  });

  it('a rename onto an id a watch list already named (a dangling one) keeps it once', () => {
    const doc = setScenarioField(guided(), 'guide', [{ at: '5s', title: 'x', text: '', watch: ['api', 'service'] }]);
    expect(watches(ok(renameNode(doc, 'service', 'api')))).toEqual([['api']]);
  });
});
