// The inspector's probe and alert edits (src/store/graph/monitoring-edits.ts): what "Add a probe"
// and "Add an alert" write must parse as it is, on every node and link of every built-in (so the
// metric a new alert watches exists on that kind); a probe's rename carries into its alerts; a
// removal takes what depended on it; an experiment can sweep a probe's interval.
import { describe, expect, it } from 'vitest';
import { builtinScenarios, findBuiltin } from '../../src/scenarios/index.ts';
import { formatIssue, parseScenario } from '../../src/scenario/index.ts';
import { readEditableDocument, type ScenarioDocument } from '../../src/store/graph/document.ts';
import { setScenarioField } from '../../src/store/graph/graph-edits.ts';
import { addAlert, addProbe, probeRoutes, removeAlert, removeProbe, renameProbe, setMonitoringField } from '../../src/store/graph/monitoring-edits.ts';
import { monitoringSubject } from '../../src/ui/inspector/monitoring/MonitoringSection.tsx';

function editable(id: string): ScenarioDocument {
  const read = readEditableDocument(structuredClone(findBuiltin(id)!.scenario));
  if (!read.ok) throw new Error(read.reason);
  return read.document;
}

const problems = (document: ScenarioDocument): string[] => {
  const result = parseScenario(document);
  return result.ok ? [] : result.errors.map(formatIssue);
};

const ok = (outcome: ReturnType<typeof renameProbe>): ScenarioDocument => {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.document;
};

describe('what the buttons add parses as it is', () => {
  it('an alert on every node and link, and a probe on every node something links to, of every built-in', () => {
    let checked = 0;
    for (const builtin of builtinScenarios) {
      const base = editable(builtin.id);
      if (problems(base).length > 0) continue; // a built-in that is broken on purpose is not this test's
      for (const node of base.nodes) {
        const { subject, probed } = monitoringSubject({ kind: 'node', nodeKind: node.kind });
        expect({ builtin: builtin.id, node: node.id, problems: problems(addAlert(base, subject, node.id)) }).toEqual({ builtin: builtin.id, node: node.id, problems: [] });
        if (probed && probeRoutes(base, node.id).length > 0) {
          expect({ builtin: builtin.id, probe: node.id, problems: problems(ok(addProbe(base, node.id))) }).toEqual({ builtin: builtin.id, probe: node.id, problems: [] });
        }
        checked++;
      }
      for (const link of base.links) {
        expect({ builtin: builtin.id, link: link.id, problems: problems(addAlert(base, 'link', link.id)) }).toEqual({ builtin: builtin.id, link: link.id, problems: [] });
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('a new probe goes over the first route with a paging alert on its first failure; names and ids never collide', () => {
    const once = ok(addProbe(editable('mfa-outage-2019-monitoring'), 'apns'));
    const twice = ok(addProbe(once, 'apns'));
    expect(twice.probes).toEqual([
      expect.objectContaining({ id: 'apns-probe' }),
      { id: 'apns-probe-2', target: 'apns', via: 'mfa-service', every: '1m' },
      { id: 'apns-probe-3', target: 'apns', via: 'mfa-service', every: '1m' },
    ]);
    expect((twice.alerts as { name: string; target: string }[]).slice(-2)).toEqual([
      { name: 'apns-probe-2 failing', target: 'apns-probe-2', failures: 1 },
      { name: 'apns-probe-3 failing', target: 'apns-probe-3', failures: 1 },
    ]);
    const sameName = addAlert(addAlert(twice, 'server', 'apns'), 'server', 'apns');
    expect((sameName.alerts as { name: string }[]).slice(-2).map((a) => a.name)).toEqual(['apns queue above 100', 'apns queue above 100 (2)']);
    expect(problems(sameName)).toEqual([]);
  });

  it('a node nothing links to cannot be probed, and says why', () => {
    const outcome = addProbe(editable('mfa-outage-2019-monitoring'), 'users');
    expect(outcome).toEqual({ ok: false, reason: 'nothing links to "users": a probe goes the way real traffic goes' });
  });
});

describe('renaming and removing', () => {
  it("a probe's rename: its alert follows and the document parses", () => {
    const doc = ok(renameProbe(editable('mfa-outage-2019-monitoring'), 0, 'push-check'));
    expect((doc.alerts as { target: string }[])[0].target).toBe('push-check');
    expect(problems(doc)).toEqual([]);
  });

  it("a probe cannot take a node's id", () => {
    expect(renameProbe(editable('mfa-outage-2019-monitoring'), 0, 'fcm')).toEqual({ ok: false, reason: '"fcm" is already the id of a node, link or probe' });
  });

  it('removing a probe takes the alerts on it and the sweep metric naming them', () => {
    const withSweep = setScenarioField(editable('mfa-outage-2019-monitoring'), 'experiment', {
      vary: { path: 'links[route-to-apns].loss', values: [0.1, 0.6] },
      collect: ['detected(APNs probe failing)', 'detected(MFA queue above 100)'],
    });
    const doc = removeProbe(withSweep, 0);
    expect(doc.probes).toEqual([]);
    expect((doc.alerts as { name: string }[]).map((a) => a.name)).toEqual(['MFA queue above 100', 'Sign-in SLO burn']);
    expect((doc.experiment as { collect: string[] }).collect).toEqual(['detected(MFA queue above 100)']);
    expect(problems(doc)).toEqual([]);
  });

  it('removing an alert keeps the others and the probe', () => {
    const doc = removeAlert(editable('mfa-outage-2019-monitoring'), 1);
    expect((doc.alerts as { name: string }[]).map((a) => a.name)).toEqual(['APNs probe failing', 'Sign-in SLO burn']);
    expect((doc.probes as unknown[]).length).toBe(1);
  });
});

describe('a probe field in an experiment', () => {
  it('"Sweep this…" on a probe\'s interval: the path the binding gives is one the experiment takes', () => {
    const every = setMonitoringField(editable('mfa-outage-2019-monitoring'), 'probes', 0, ['every'], '5m');
    expect((every.probes as { every: string }[])[0].every).toBe('5m');
    const swept = setScenarioField(every, 'experiment', { vary: { path: 'probes[0].every', values: ['1m', '10m'] }, collect: ['detectSeconds(APNs probe failing, 10m)'] });
    expect(problems(swept)).toEqual([]);
  });
});
