import type { AlertReport, DetectionReport } from '../report-types.ts';
import type { SeriesRecorder } from '../series.ts';
import type { AlertSpec, ScenarioSpec } from '../spec.ts';
import { AlertEvaluator } from './evaluator.ts';
import { UserImpact } from './user-impact.ts';

/** Where users count as hurt when no burn-rate alert names an objective: 99 % good. */
export const DEFAULT_IMPACT_OBJECTIVE = 0.99;

/** The graph as the board needs it: ids to indices, and where each probe points. */
export interface AlertGraph {
  nodeIndex: ReadonlyMap<string, number>;
  linkIndex: ReadonlyMap<string, number>;
}

/**
 * The simulation's side of alerting: reads each alert's numbers from the series row just written,
 * feeds the evaluator, writes each alert's 0/1 `firing` column, follows user impact per fault,
 * and knows which nodes and links carry a bell. Built only for scenarios with alerts.
 */
export class AlertBoard {
  readonly evaluator: AlertEvaluator;
  private readonly inputColumns: number[][];
  private readonly inputs: number[][];
  private readonly firingColumns: number[];
  private readonly impact: UserImpact;
  /** Per alert: node and link indices that show its bell. */
  private readonly bells: { nodes: number[]; links: number[] }[];
  /** Alerts firing now on each node / link (live state: the canvas's bell). */
  readonly firingOnNode: Uint16Array;
  readonly firingOnLink: Uint16Array;

  constructor(
    private readonly spec: ScenarioSpec,
    private readonly alerts: readonly AlertSpec[],
    series: SeriesRecorder,
    graph: AlertGraph,
  ) {
    this.evaluator = new AlertEvaluator(alerts, spec.sampleEveryMs);
    const column = (group: Parameters<SeriesRecorder['columnOf']>[0], entity: string, metric: string): number => {
      const c = series.columnOf(group, entity, metric);
      if (c < 0) throw new Error(`alert reads ${group} ${entity} ${metric}, which has no series`);
      return c;
    };
    const probes = new Map((spec.probes ?? []).map((p) => [p.id, p]));
    this.inputColumns = alerts.map(({ rule }) => {
      switch (rule.rule) {
        case 'threshold':
          return [column(rule.group, rule.target, rule.metric)];
        case 'probeFailures':
          return [column('probes', rule.target, 'failuresInARow')];
        case 'burnRate':
          return ['goodput', 'succeeded', 'failed'].map((m) => column('clients', rule.target, m));
      }
    });
    this.inputs = alerts.map((a) => (a.rule.rule === 'burnRate' ? [0, 0] : [0]));
    this.firingColumns = alerts.map((a) => series.column('alerts', a.name, 'firing', 'level'));
    this.bells = alerts.map(({ rule }) => {
      const nodes: number[] = [];
      const links: number[] = [];
      const node = (id: string | undefined): void => {
        const i = id === undefined ? undefined : graph.nodeIndex.get(id);
        if (i !== undefined) nodes.push(i);
      };
      if (rule.rule === 'threshold' && rule.group === 'links') {
        const i = graph.linkIndex.get(rule.target);
        if (i !== undefined) links.push(i);
      } else node(rule.target);
      // a probe's alert also rings at what it checks
      if (rule.rule === 'probeFailures' || (rule.rule === 'threshold' && rule.group === 'probes')) node(probes.get(rule.target)?.target);
      return { nodes, links };
    });
    this.firingOnNode = new Uint16Array(graph.nodeIndex.size);
    this.firingOnLink = new Uint16Array(graph.linkIndex.size);
    const objectives = alerts.flatMap((a) => (a.rule.rule === 'burnRate' ? [a.rule.objective] : []));
    const clients = spec.nodes.filter((n) => n.kind === 'client').map((n) => ['goodput', 'succeeded', 'failed'].map((m) => column('clients', n.id, m)));
    this.impact = new UserImpact(spec.faults, objectives.length > 0 ? Math.max(...objectives) : DEFAULT_IMPACT_OBJECTIVE, clients);
  }

  /** After every node and link wrote the row ending at `endMs`. */
  sample(series: SeriesRecorder, endMs: number): void {
    this.evaluator.step(endMs, (i) => {
      const columns = this.inputColumns[i];
      const into = this.inputs[i];
      if (columns.length === 1) into[0] = series.latest(columns[0]);
      else {
        const [goodput, succeeded, failed] = columns.map((c) => series.latest(c));
        into[0] = failed + succeeded - goodput;
        into[1] = succeeded + failed;
      }
      return into;
    });
    this.firingOnNode.fill(0);
    this.firingOnLink.fill(0);
    this.evaluator.tracks.forEach((track, i) => {
      series.set(this.firingColumns[i], track.firing ? 1 : 0);
      if (!track.firing) return;
      for (const n of this.bells[i].nodes) this.firingOnNode[n]++;
      for (const l of this.bells[i].links) this.firingOnLink[l]++;
    });
    this.impact.sample(series, endMs);
  }

  alertsReport(): AlertReport[] {
    return this.evaluator.tracks.map((t) => ({ name: t.name, severity: t.severity, firings: t.firings.map((f) => ({ ...f })) }));
  }

  detectionReport(): DetectionReport[] {
    const tracks = this.evaluator.tracks;
    return this.spec.faults.map((fault, index) => {
      const impactStartMs = this.impact.startMs[index];
      let firstAlert: string | null = null;
      let firstAlertAtMs: number | null = null;
      for (const track of tracks) {
        // the first firing still on at the fault, or after it
        const firing = track.firings.find((f) => f.clearedAtMs === null || f.clearedAtMs > fault.atMs);
        if (firing === undefined) continue;
        if (firstAlertAtMs === null || firing.firedAtMs < firstAlertAtMs) {
          firstAlert = track.name;
          firstAlertAtMs = firing.firedAtMs;
        }
      }
      return {
        fault: index,
        label: `${fault.target} ${fault.action} at ${shortDuration(fault.atMs)}`,
        atMs: fault.atMs,
        impactStartMs,
        firstAlert,
        firstAlertAtMs,
        detectMs: impactStartMs === null || firstAlertAtMs === null ? null : firstAlertAtMs - impactStartMs,
      };
    });
  }
}

/** "90s", "5m", "1h", "250ms": the largest unit that divides the time (the engine keeps no formatter of its own). */
function shortDuration(ms: number): string {
  if (ms === 0) return '0s';
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000]] as const) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}
