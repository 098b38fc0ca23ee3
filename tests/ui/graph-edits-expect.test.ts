// The document edits and the `expect` list: a renamed node or link is renamed in every assertion's
// path (dotted or bracketed, an id with dots by the longest id that fits), the renamed document
// still parses, and a list the edit does not touch stays the same object.
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/scenario/index.ts';
import { emptyDocument, type ScenarioDocument } from '../../src/store/graph/document.ts';
import { addNode, connect, renameLink, renameNode, setScenarioField } from '../../src/store/graph/graph-edits.ts';

function checked(): ScenarioDocument {
  let doc = emptyDocument();
  for (const kind of ['client', 'service', 'service']) doc = addNode(doc, kind, { x: 0, y: 0 }).document;
  const renamedDots = renameNode(doc, 'service-2', 'service.v2');
  if (!renamedDots.ok) throw new Error(renamedDots.reason);
  doc = renamedDots.document;
  for (const [from, to] of [['client', 'service'], ['service', 'service.v2']]) {
    const linked = connect(doc, from, to);
    if (!linked.ok) throw new Error(linked.reason);
    doc = linked.document;
  }
  return setScenarioField(doc, 'expect', [
    { metric: 'clients.client.latencyMs.p99', atMost: 500 },
    { metric: 'nodes.service.utilization', atMost: 0.9 },
    { metric: 'nodes.service.v2.utilization', atMost: 0.9 },
    { metric: 'nodes[service].dropped.queueFull', equals: 0 },
    { metric: 'links.client-service.utilization', atMost: 0.5 },
    'typing…',
  ]);
}

const metrics = (doc: ScenarioDocument) => (doc.expect as unknown[]).map((e) => (typeof e === 'object' && e !== null ? (e as { metric: string }).metric : e));

describe('renaming carries into the expect list', () => {
  it('a node: its dotted and bracketed paths, not the longer id that starts with it; its generated link too', () => {
    const result = renameNode(checked(), 'service', 'api');
    if (!result.ok) throw new Error(result.reason);
    expect(metrics(result.document)).toEqual([
      'clients.client.latencyMs.p99',
      'nodes.api.utilization',
      'nodes.service.v2.utilization',
      'nodes[api].dropped.queueFull',
      'links.client-api.utilization',
      'typing…',
    ]);
    const { expect: list, ...rest } = result.document;
    const parsed = parseScenario({ ...rest, duration: '1m', expect: (list as unknown[]).slice(0, 5) });
    expect(parsed.ok && parsed.expect?.map((a) => a.id)).toEqual(['client', 'api', 'service.v2', 'api', 'client-api']);
  });

  it('a link, and a client', () => {
    const link = renameLink(checked(), 'client-service', 'front');
    const client = renameNode(checked(), 'client', 'shoppers');
    if (!link.ok || !client.ok) throw new Error('rename refused');
    expect(metrics(link.document)[4]).toBe('links.front.utilization');
    expect(metrics(client.document)[0]).toBe('clients.shoppers.latencyMs.p99');
  });

  it('an expect list the rename does not touch stays the same object', () => {
    const doc = checked();
    const result = renameNode(doc, 'service.v2', 'service.v3');
    if (!result.ok) throw new Error(result.reason);
    expect(metrics(result.document)[2]).toBe('nodes.service.v3.utilization');
    const untouched = renameLink(result.document, 'service-service.v3', 'inner');
    if (!untouched.ok) throw new Error(untouched.reason);
    expect(untouched.document.expect).toBe(result.document.expect);
  });
});
