/**
 * Every single failure, tried (docs/experiments.md "Weak points"): one run of the scenario as it is
 * (the baseline) and one run per component with only that component failed — a node crashed, a
 * link down — from `at` for `for`, each on the same seeds (common random numbers: the engine's
 * per-component streams give the variant the baseline's traffic). Runs are tasks like a sweep's
 * (value-major: value 0 is the baseline, value k the k-th component), so the sweep pools run them.
 */
import { RunawayRunError, Simulation, type RunGuardOptions, type RunReport } from '../engine/index.ts';
import { didYouMean, FAULT_TARGET_KINDS, formatIssue, parseDuration, parseScenario, type FaultAction, type ScenarioIssue } from '../scenario/index.ts';
import { outcome, RECOVERY_WINDOW_MS } from './outcomes.ts';
import type { RunResult, RunTask } from './plan.ts';
import { SINGLE_FAILURE_DEFAULTS, type SingleFailureRequest } from './single-failure-request.ts';

export { SINGLE_FAILURE_DEFAULTS, type SingleFailureRequest };

/** Which fault fails a component: one home for it; a kind the action's table refuses is not tried. */
export const FAILURE_ACTION = { node: 'crash', link: 'down' } as const satisfies Record<'node' | 'link', FaultAction>;


export type FailureAction = (typeof FAILURE_ACTION)[keyof typeof FAILURE_ACTION];

export interface FailureComponent {
  id: string;
  /** "link", or the node's kind. */
  kind: string;
  action: FailureAction;
}

export interface SingleFailurePlan {
  scenario: string;
  doc: Record<string, unknown>;
  /** As asked, so a worker can plan the same runs from the document. */
  singleFailures: SingleFailureRequest;
  atMs: number;
  forMs: number;
  durationMs: number;
  components: FailureComponent[];
  seeds: number[];
  /** valueIndex 0: the baseline; k ≥ 1: components[k − 1] failed. */
  tasks: RunTask[];
}

/** The outcomes each run reports, by name (RunResult.outcomes). */
export const FAILURE_OUTCOMES = ['goodput', 'goodputDuringFailure', 'peakErrorRate', 'recoverySeconds', 'alertFired'] as const;

export type SingleFailurePlanResult = { ok: true; plan: SingleFailurePlan; warnings: string[] } | { ok: false; errors: ScenarioIssue[] };

function readDuration(value: string | number | undefined, fallbackMs: number): number | string {
  if (value === undefined) return fallbackMs;
  const ms = parseDuration(value);
  if (ms === null) return `expected a duration such as "5m" or "30s", got ${JSON.stringify(value)}`;
  return ms;
}

/** Validates the scenario and the request and lists the runs. */
export function planSingleFailures(doc: unknown, request: SingleFailureRequest = {}): SingleFailurePlanResult {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return parsed;
  const { spec } = parsed;
  const errors: ScenarioIssue[] = [];
  const atMs = readDuration(request.at, Math.round(spec.durationMs * SINGLE_FAILURE_DEFAULTS.atShare));
  const forMs = readDuration(request.for, Math.round(spec.durationMs * SINGLE_FAILURE_DEFAULTS.forShare));
  if (typeof atMs === 'string') errors.push({ path: 'at', message: atMs });
  if (typeof forMs === 'string') errors.push({ path: 'for', message: forMs });
  if (typeof atMs === 'number' && atMs >= spec.durationMs) errors.push({ path: 'at', message: `the failure must start before the run ends (${spec.durationMs / 1000} s), got ${atMs / 1000} s` });
  if (typeof forMs === 'number' && forMs <= 0) errors.push({ path: 'for', message: 'the failure must last longer than 0' });

  const candidates: FailureComponent[] = [
    ...spec.nodes.filter((n) => (FAULT_TARGET_KINDS[FAILURE_ACTION.node] as readonly string[]).includes(n.kind)).map((n) => ({ id: n.id, kind: n.kind, action: FAILURE_ACTION.node })),
    ...spec.links.map((l) => ({ id: l.id, kind: 'link', action: FAILURE_ACTION.link })),
  ];
  let components: FailureComponent[] = candidates;
  if (request.only !== undefined) {
    components = [];
    for (const id of request.only) {
      const found = candidates.find((c) => c.id === id);
      const node = spec.nodes.find((n) => n.id === id);
      if (found) {
        if (!components.includes(found)) components.push(found);
      } else if (node) errors.push({ path: 'only', message: `"${id}" is a ${node.kind}; a single failure crashes a node (${FAULT_TARGET_KINDS[FAILURE_ACTION.node].join(', ')}) or takes a link down` });
      else errors.push({ path: 'only', message: `no node or link "${id}"${didYouMean(id, candidates.map((c) => c.id))}` });
    }
  }
  if (components.length === 0 && errors.length === 0) errors.push({ path: 'only', message: 'nothing to fail: the scenario has no node a crash applies to and no link' });
  const seeds = request.seeds ?? [spec.seed];
  if (seeds.length === 0 || seeds.some((s) => !Number.isSafeInteger(s) || s < 0)) errors.push({ path: 'seeds', message: `expected whole numbers ≥ 0, got ${JSON.stringify(seeds)}` });
  if (errors.length > 0 || typeof atMs !== 'number' || typeof forMs !== 'number') return { ok: false, errors };

  const tasks: RunTask[] = [];
  for (let valueIndex = 0; valueIndex <= components.length; valueIndex++) for (const seed of seeds) tasks.push({ index: tasks.length, valueIndex, seed });
  const warnings = [...parsed.warnings];
  if (atMs + forMs + RECOVERY_WINDOW_MS > spec.durationMs) warnings.push(`the repair (at ${(atMs + forMs) / 1000} s) leaves less than ${RECOVERY_WINDOW_MS / 1000} s of the run (${spec.durationMs / 1000} s) to see recovery in: time to recover is left undefined`);
  return {
    ok: true,
    plan: { scenario: spec.name, doc: doc as Record<string, unknown>, singleFailures: request, atMs, forMs, durationMs: spec.durationMs, components, seeds, tasks },
    warnings,
  };
}

/** A fault that shapes the traffic rather than failing a part: its action targets clients
 * (`setRate`), read from the one table of actions and targets. */
function isWorkload(fault: unknown): boolean {
  const action = (fault as { action?: unknown } | null)?.action;
  return typeof action === 'string' && Object.hasOwn(FAULT_TARGET_KINDS, action) && (FAULT_TARGET_KINDS[action as FaultAction] as readonly string[]).includes('client');
}

/** The plain v1 document of one run: no experiment, the component's failure added (none for the baseline), the seed. */
export function failureDocument(plan: SingleFailurePlan, valueIndex: number, seed: number): Record<string, unknown> {
  const { experiment: _experiment, ...scenario } = plan.doc;
  const run = structuredClone(scenario);
  const faults: unknown[] = Array.isArray(run.faults) ? run.faults : [];
  const own = plan.singleFailures.keepFaults === true ? faults : faults.filter(isWorkload);
  const component = plan.components[valueIndex - 1];
  run.faults = component === undefined ? own : [...own, { at: plan.atMs, for: plan.forMs, target: component.id, action: component.action }];
  run.seed = seed;
  return run;
}

/**
 * The run's outcomes (FAILURE_OUTCOMES) from its report, over every client; see docs/experiments.md
 * "Weak points". Sample intervals from the first that starts at or after `at`: `goodput` to the end
 * of the run (harm that lingers after the repair counts), `goodputDuringFailure` until the repair.
 */
export function failureOutcomes(report: RunReport, atMs: number, forMs: number): Record<string, number> {
  const dt = report.series.intervalMs;
  const first = Math.ceil(atMs / dt - 1e-9);
  const repaired = Math.ceil((atMs + forMs) / dt - 1e-9);
  const clients = Object.keys(report.clients);
  let good = 0;
  let goodDuringFailure = 0;
  let peakErrorRate = 0;
  for (let i = first; i < report.series.t.length; i++) {
    let failed = 0;
    let ended = 0;
    for (const id of clients) {
      const s = report.series.clients[id];
      good += s.goodput[i];
      if (i < repaired) goodDuringFailure += s.goodput[i];
      failed += s.failed[i];
      ended += s.succeeded[i] + s.failed[i];
    }
    if (ended > 0) peakErrorRate = Math.max(peakErrorRate, failed / ended);
  }
  // a repair too close to the end leaves no window to see recovery in: undefined, not "never"
  let recoverySeconds = atMs + forMs + RECOVERY_WINDOW_MS > report.simulatedMs ? NaN : 0;
  for (const id of Number.isNaN(recoverySeconds) ? [] : clients) {
    const seconds = outcome({ label: '', name: 'recoverySeconds', target: id, afterMs: atMs + forMs }, report);
    recoverySeconds = Math.max(recoverySeconds, seconds);
  }
  // `alerts` is another branch's report field (issue 13): read when present, undefined (NaN) when not.
  const alerts = (report as RunReport & { alerts?: { firings: { firedAtMs: number }[] }[] }).alerts;
  const alertFired = alerts === undefined ? NaN : alerts.some((a) => a.firings.some((f) => f.firedAtMs >= atMs)) ? 1 : 0;
  return { goodput: good, goodputDuringFailure: goodDuringFailure, peakErrorRate, recoverySeconds, alertFired };
}

/** Runs one task of the plan to its end and reads its outcomes; `value` is the component id (null: baseline). */
export function runFailureTask(plan: SingleFailurePlan, index: number, guard?: RunGuardOptions): RunResult {
  const task = plan.tasks[index];
  if (!task) throw new Error(`no run ${index} (the analysis has ${plan.tasks.length})`);
  const component = plan.components[task.valueIndex - 1];
  const what = component === undefined ? 'the baseline' : `${component.id} ${component.action}`;
  const parsed = parseScenario(failureDocument(plan, task.valueIndex, task.seed));
  if (!parsed.ok) throw new Error(`run ${index + 1} (${what}): ${parsed.errors.map(formatIssue).join('; ')}`);
  let report;
  try {
    report = new Simulation(parsed.spec, { guard }).runToEnd().report();
  } catch (error) {
    if (!(error instanceof RunawayRunError)) throw error;
    throw new Error(`run ${index + 1} of ${plan.tasks.length} (${what}, seed ${task.seed}) was stopped by the run guard ${error.message.replace(/^stopped /, '')}`, { cause: error });
  }
  return { index, valueIndex: task.valueIndex, value: component?.id ?? null, seed: task.seed, events: report.events, outcomes: failureOutcomes(report, plan.atMs, plan.forMs) };
}
