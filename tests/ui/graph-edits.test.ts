// The document edits keep a scenario consistent: what a rename, a delete, a link or a paste
// does to the references between nodes (docs/format.md's cross-file checks).
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { emptyDocument, type ScenarioDocument } from '../../src/store/graph/document.ts';
import { addNode, connect, removeLinks, removeNodes, renameLink, renameNode, setNodeField } from '../../src/store/graph/graph-edits.ts';
import { copyGraph, pasteGraph } from '../../src/store/graph/clipboard.ts';

function built(): ScenarioDocument {
  let doc = emptyDocument();
  doc = addNode(doc, 'client', { x: 0, y: 0 }).document;
  doc = addNode(doc, 'balancer', { x: 200, y: 0 }).document;
  doc = addNode(doc, 'service', { x: 400, y: 0 }).document;
  doc = addNode(doc, 'database', { x: 600, y: 0 }).document;
  for (const [from, to] of [['client', 'balancer'], ['balancer', 'service'], ['service', 'database']]) {
    const result = connect(doc, from, to);
    if (!result.ok) throw new Error(result.reason);
    doc = result.document;
  }
  return doc;
}

const node = (doc: ScenarioDocument, id: string) => doc.nodes.find((n) => n.id === id)!;

describe('document edits', () => {
  it('a palette-built chain of client, balancer, service and database validates without a warning', () => {
    const result = parseScenario(built());
    expect(result.ok && result.warnings).toEqual([]);
  });

  it('ids are unique per kind across nodes and links: a second service is "service-2"', () => {
    const doc = addNode(built(), 'service', { x: 0, y: 0 });
    expect(doc.id).toBe('service-2');
  });

  it('connecting sets a client target, adds a balancer target and a service call — once each, even for a parallel link', () => {
    let doc = built();
    expect(node(doc, 'client').target).toBe('balancer');
    expect(node(doc, 'balancer').targets).toEqual(['service']);
    expect(node(doc, 'service').calls).toEqual([{ to: 'database' }]);
    const parallel = connect(doc, 'service', 'database');
    if (!parallel.ok) throw new Error(parallel.reason);
    doc = parallel.document;
    expect(parallel.linkId).toBe('service-database-2');
    expect(node(doc, 'service').calls).toEqual([{ to: 'database' }]);
    expect(doc.links.filter((l) => l.from === 'service' && l.to === 'database').map((l) => l.priority)).toEqual([undefined, 1]);
    expect(parseScenario(doc).ok).toBe(true);
  });

  it('refuses a link into a client and a link from a node to itself', () => {
    const doc = built();
    expect(connect(doc, 'service', 'client').ok).toBe(false);
    expect(connect(doc, 'service', 'service').ok).toBe(false);
  });

  it('renaming a node renames it in links, targets, calls and faults, and renames generated link ids', () => {
    const doc = { ...built(), faults: [{ at: '1m', target: 'service', action: 'crash' }, { at: '2m', target: 'service-database', action: 'down' }] };
    const result = renameNode(doc, 'service', 'api');
    if (!result.ok) throw new Error(result.reason);
    const renamed = result.document;
    expect(node(renamed, 'balancer').targets).toEqual(['api']);
    expect(renamed.links.map((l) => [l.id, l.from, l.to])).toEqual([
      ['client-balancer', 'client', 'balancer'],
      ['balancer-api', 'balancer', 'api'],
      ['api-database', 'api', 'database'],
    ]);
    expect(renamed.faults.map((f) => f.target)).toEqual(['api', 'api-database']);
    expect(parseScenario(renamed).ok).toBe(true);
  });

  it('refuses a rename to an id in use or an invalid id', () => {
    expect(renameNode(built(), 'service', 'database')).toMatchObject({ ok: false });
    expect(renameNode(built(), 'service', 'has space')).toMatchObject({ ok: false });
    expect(renameLink(built(), 'client-balancer', 'service')).toMatchObject({ ok: false });
  });

  it('removing a node removes its links, the references to it and its faults', () => {
    const doc = { ...built(), faults: [{ at: '1m', target: 'database', action: 'crash' }] };
    const after = removeNodes(doc, ['database']);
    expect(after.nodes.map((n) => n.id)).toEqual(['client', 'balancer', 'service']);
    expect(after.links.map((l) => l.id)).toEqual(['client-balancer', 'balancer-service']);
    expect(node(after, 'service').calls).toEqual([]);
    expect(after.faults).toEqual([]);
    expect(parseScenario(after).ok).toBe(true);
  });

  it('removing one of two parallel links keeps the call; removing the last one drops it', () => {
    const parallel = connect(built(), 'service', 'database');
    if (!parallel.ok) throw new Error(parallel.reason);
    const one = removeLinks(parallel.document, ['service-database']);
    expect(node(one, 'service').calls).toEqual([{ to: 'database' }]);
    const none = removeLinks(one, ['service-database-2']);
    expect(node(none, 'service').calls).toEqual([]);
  });

  it('setting a field to undefined removes it (the default applies), at any depth', () => {
    let doc = setNodeField(built(), 'service', ['retry', 'backoff', 'base'], '100ms');
    expect(node(doc, 'service').retry).toEqual({ backoff: { base: '100ms' } });
    doc = setNodeField(doc, 'service', ['queue', 'capacity'], undefined);
    expect(node(doc, 'service').queue).toEqual({});
  });

  it('a paste gives fresh ids, rewrites references among the pasted nodes and drops those to nodes left behind', () => {
    const doc = built();
    const clip = copyGraph(doc, ['balancer', 'service'])!;
    expect(clip.links.map((l) => l.id)).toEqual(['balancer-service']);
    const pasted = pasteGraph(doc, clip, 40);
    expect(pasted.nodeIds).toEqual(['balancer-2', 'service-2']);
    expect(pasted.linkIds).toEqual(['balancer-2-service-2']);
    expect(node(pasted.document, 'balancer-2').targets).toEqual(['service-2']);
    expect(node(pasted.document, 'service-2').calls).toEqual([]);
    expect(node(pasted.document, 'service-2').position).toEqual({ x: 440, y: 40 });
    expect(parseScenario(pasted.document).ok).toBe(true);
  });

  it('a cache from the palette gets its backend from its first link, and client → cache → database validates', () => {
    let doc = emptyDocument();
    for (const kind of ['client', 'cache', 'database']) doc = addNode(doc, kind, { x: 0, y: 0 }).document;
    for (const [from, to] of [['client', 'cache'], ['cache', 'database']]) {
      const linked = connect(doc, from, to);
      if (!linked.ok) throw new Error(linked.reason);
      doc = linked.document;
    }
    expect(node(doc, 'cache').backend).toBe('database');
    const result = parseScenario(doc);
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
    expect(node(removeNodes(doc, ['database']), 'cache').backend).toBeUndefined();
  });
});

describe('identity and key set from the palette', () => {
  function tokens(): ScenarioDocument {
    let doc = emptyDocument();
    for (const kind of ['client', 'identity', 'keyset', 'service']) doc = addNode(doc, kind, { x: 0, y: 0 }).document;
    for (const [from, to] of [['client', 'identity'], ['client', 'service'], ['service', 'keyset']]) {
      const linked = connect(doc, from, to);
      if (!linked.ok) throw new Error(linked.reason);
      doc = linked.document;
    }
    return doc;
  }

  it('start with a signing key, Azure AD token lifetimes and two published keys', () => {
    const doc = tokens();
    expect(node(doc, 'identity')).toMatchObject({ signingKey: 'K1', tokenLifetime: { dist: 'uniform', min: '60m', max: '90m' }, workers: 'unbounded' });
    expect(node(doc, 'keyset').keys).toEqual(['K1', 'K2']);
  });

  it('a client → identity link sets where it signs in (not its target); a service → key set link makes it a validator, not a call', () => {
    const doc = tokens();
    expect(node(doc, 'client').auth).toEqual({ issuer: 'identity' });
    expect(node(doc, 'client').target).toBe('service');
    expect(node(doc, 'service').auth).toEqual({ keyset: 'keyset', refreshEvery: '12h' });
    expect(node(doc, 'service').calls ?? []).toEqual([]);
    const result = parseScenario(doc);
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
  });

  it('an existing issuer or key set is kept; an identity → key set link adds no call', () => {
    let doc = tokens();
    doc = addNode(doc, 'keyset', { x: 0, y: 0 }).document;
    let linked = connect(doc, 'service', 'keyset-2');
    if (!linked.ok) throw new Error(linked.reason);
    expect(node(linked.document, 'service').auth).toEqual({ keyset: 'keyset', refreshEvery: '12h' });
    linked = connect(doc, 'identity', 'keyset');
    if (!linked.ok) throw new Error(linked.reason);
    expect(node(linked.document, 'identity').calls).toBeUndefined();
    expect(node(linked.document, 'identity').auth).toBeUndefined();
  });

  it('renames follow auth.issuer, auth.keyset and mfa.via; a removed one goes, the rest of the settings stay', () => {
    let doc = tokens();
    doc = setNodeField(doc, 'service', ['auth', 'negativeTtl'], '1h');
    let renamed = renameNode(doc, 'identity', 'aad');
    if (!renamed.ok) throw new Error(renamed.reason);
    renamed = renameNode(renamed.document, 'keyset', 'jwks');
    if (!renamed.ok) throw new Error(renamed.reason);
    expect(node(renamed.document, 'client').auth).toEqual({ issuer: 'aad' });
    expect(node(renamed.document, 'service').auth).toEqual({ keyset: 'jwks', refreshEvery: '12h', negativeTtl: '1h' });
    const removed = removeNodes(renamed.document, ['aad', 'jwks']);
    expect(node(removed, 'client').auth).toBeUndefined();
    expect(node(removed, 'service').auth).toEqual({ refreshEvery: '12h', negativeTtl: '1h' });

    doc = addNode(tokens(), 'external', { x: 0, y: 0 }).document;
    const linked = connect(doc, 'identity', 'external');
    if (!linked.ok) throw new Error(linked.reason);
    doc = setNodeField(linked.document, 'identity', ['mfa'], { via: 'external', timeout: '5s' });
    const withoutLink = removeLinks(doc, ['identity-external']);
    expect(node(withoutLink, 'identity').mfa).toEqual({ timeout: '5s' });
  });
});
