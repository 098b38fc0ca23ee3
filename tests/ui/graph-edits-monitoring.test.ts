// The document edits and the scenario's probes and alerts: a renamed node or link is renamed in
// every probe's target and route and every alert's target; a deleted one takes the probes and
// alerts that can no longer work with it (and the experiment metrics naming those alerts); probe
// ids are taken like node and link ids. Each edited document must still parse.
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../src/scenarios/index.ts';
import { formatIssue, parseScenario } from '../../src/scenario/index.ts';
import { readEditableDocument, type ScenarioDocument } from '../../src/store/graph/document.ts';
import { addNode, connect, removeLinks, removeNodes, renameLink, renameNode, setScenarioField } from '../../src/store/graph/graph-edits.ts';

function monitoringStory(): ScenarioDocument {
  const read = readEditableDocument(structuredClone(findBuiltin('mfa-outage-2019-monitoring')!.scenario));
  if (!read.ok) throw new Error(read.reason);
  // one more alert, on a link, so a link's rename and delete are covered too
  const alerts = [...(read.document.alerts as unknown[]), { name: 'APNs route above 70%', target: 'route-to-apns', metric: 'utilization', above: 0.7 }];
  return setScenarioField(read.document, 'alerts', alerts);
}

function parses(document: ScenarioDocument): void {
  const result = parseScenario(document);
  expect(result.ok ? [] : result.errors.map(formatIssue)).toEqual([]);
}

const ok = (result: ReturnType<typeof renameNode>): ScenarioDocument => {
  if (!result.ok) throw new Error(result.reason);
  return result.document;
};

type Probe = { id: string; target: string; via: string };
type Alert = { name: string; target: string };
const probes = (doc: ScenarioDocument) => (doc.probes as Probe[]).map((p) => `${p.id}: ${p.via} → ${p.target}`);
const alertTargets = (doc: ScenarioDocument) => (doc.alerts as Alert[]).map((a) => `${a.name} @ ${a.target}`);

describe('probes and alerts follow a rename', () => {
  it('a probed node: the probe aims at the new id and the document parses', () => {
    const doc = ok(renameNode(monitoringStory(), 'apns', 'apple-push'));
    expect(probes(doc)).toEqual(['apns-probe: mfa-service → apple-push']);
    parses(doc);
  });

  it("a probe's route and an alerted node: `via` and the alert's target follow", () => {
    const doc = ok(renameNode(monitoringStory(), 'mfa-service', 'mfa'));
    expect(probes(doc)).toEqual(['apns-probe: mfa → apns']);
    expect(alertTargets(doc)).toContain('MFA queue above 100 @ mfa');
    parses(doc);
  });

  it("a link: an alert on it follows; the other alerts stay the same objects", () => {
    const before = monitoringStory();
    const doc = ok(renameLink(before, 'route-to-apns', 'apns-route'));
    expect(alertTargets(doc)).toContain('APNs route above 70% @ apns-route');
    expect((doc.alerts as unknown[])[0]).toBe((before.alerts as unknown[])[0]);
    parses(doc);
  });

  it('an edit that names no probe or alert leaves both lists the same objects', () => {
    const before = monitoringStory();
    const doc = ok(renameNode(before, 'fcm', 'firebase'));
    expect(doc.probes).toBe(before.probes);
    expect(doc.alerts).toBe(before.alerts);
  });
});

describe('a delete takes what can no longer work', () => {
  it('a probed node: its probe, the alert on the probe, and the experiment metric naming that alert', () => {
    const before = setScenarioField(monitoringStory(), 'experiment', {
      vary: { path: 'links[route-to-apns].loss', values: [0.1, 0.6] },
      collect: ['detected(APNs probe failing)', 'detectSeconds(MFA queue above 100, 10m)'],
    });
    const doc = removeNodes(before, ['apns']);
    expect(doc.probes).toEqual([]);
    expect(alertTargets(doc)).toEqual(['MFA queue above 100 @ mfa-service', 'Sign-in SLO burn @ users']);
    // the sweep's path was on a link of the deleted node, so the experiment goes whole (as before)
    expect(doc.experiment).toBeUndefined();
    parses(doc);
  });

  it("an alert's metric goes when its alert does, the rest of the experiment stays", () => {
    const before = setScenarioField(monitoringStory(), 'experiment', {
      vary: { path: 'nodes[users].rate', values: [10, 20] },
      collect: ['detected(APNs probe failing)', 'detectSeconds(MFA queue above 100, 10m)'],
    });
    const doc = removeNodes(before, ['apns']);
    expect((doc.experiment as { collect: string[] }).collect).toEqual(['detectSeconds(MFA queue above 100, 10m)']);
    parses(doc);
  });

  it("the probe's last route: deleting the only link from `via` to the target removes the probe", () => {
    const doc = removeLinks(monitoringStory(), ['route-to-apns']);
    expect(doc.probes).toEqual([]);
    expect(alertTargets(doc)).toEqual(['MFA queue above 100 @ mfa-service', 'Sign-in SLO burn @ users']);
    parses(doc);
  });

  it('a second link on the route keeps the probe', () => {
    const twice = connect(monitoringStory(), 'mfa-service', 'apns');
    if (!twice.ok) throw new Error(twice.reason);
    const doc = removeLinks(twice.document, ['route-to-apns']);
    expect(probes(doc)).toEqual(['apns-probe: mfa-service → apns']);
  });

  it('a client with an SLO alert: only its alert goes, the probe stays', () => {
    const doc = removeNodes(monitoringStory(), ['users']);
    expect(doc.probes).toEqual(monitoringStory().probes);
    expect(alertTargets(doc)).toEqual(['APNs probe failing @ apns-probe', 'MFA queue above 100 @ mfa-service', 'APNs route above 70% @ route-to-apns']);
  });
});

describe('probe ids share the namespace', () => {
  it('a node cannot be renamed to a probe id', () => {
    const result = renameNode(monitoringStory(), 'fcm', 'apns-probe');
    expect(result).toEqual({ ok: false, reason: '"apns-probe" is already the id of a node or link' });
  });

  it('a new node never takes a probe id', () => {
    const doc = setScenarioField(monitoringStory(), 'probes', [{ id: 'service', target: 'apns', via: 'mfa-service', every: '10m' }]);
    const added = addNode(doc, 'service', { x: 0, y: 0 });
    expect(added.id).toBe('service-2');
  });
});
