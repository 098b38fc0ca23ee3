/**
 * An experiment as a list of independent runs: value × seed, in a fixed order (value-major), each
 * a plain v1 document. A run depends only on its (value, seed), never on which worker runs it or
 * when, so results are placed by run index and do not depend on the number of workers.
 */
import { RunawayRunError, Simulation, type RunGuardOptions } from '../engine/index.ts';
import { formatIssue, parseScenario, runDocument, type ExperimentSpec, type ScenarioIssue } from '../scenario/index.ts';
import { outcome } from './outcomes.ts';

export interface RunTask {
  index: number;
  valueIndex: number;
  seed: number;
}

export interface RunResult {
  index: number;
  valueIndex: number;
  value: unknown;
  seed: number;
  events: number;
  /** Metric label → value; NaN = undefined, Infinity = never. */
  outcomes: Record<string, number>;
}

export interface ExperimentPlan {
  scenario: string;
  /** The document as written (with its experiment); each run derives its own copy. */
  doc: Record<string, unknown>;
  experiment: ExperimentSpec;
  tasks: RunTask[];
}

export type PlanResult = { ok: true; plan: ExperimentPlan; warnings: string[] } | { ok: false; errors: ScenarioIssue[] };

/** Validates a scenario with an `experiment` and lists its runs. */
export function planExperiment(doc: unknown): PlanResult {
  const parsed = parseScenario(doc);
  if (!parsed.ok) return parsed;
  if (parsed.experiment === undefined) {
    return { ok: false, errors: [{ path: 'experiment', message: 'required field is missing: a sweep needs an experiment ({ "vary", "seeds", "collect" }; see docs/experiments.md)' }] };
  }
  const experiment = parsed.experiment;
  const tasks: RunTask[] = [];
  experiment.vary.values.forEach((_, valueIndex) => {
    for (const seed of experiment.seeds) tasks.push({ index: tasks.length, valueIndex, seed });
  });
  return { ok: true, plan: { scenario: parsed.spec.name, doc: doc as Record<string, unknown>, experiment, tasks }, warnings: parsed.warnings };
}

/**
 * Runs one (value, seed) of the plan to its end and reads its outcomes. A run the engine's run
 * guard stops throws an error naming the run (index, value, seed) and the guard's reason.
 */
export function runTask(plan: ExperimentPlan, index: number, guard?: RunGuardOptions): RunResult {
  const task = plan.tasks[index];
  if (!task) throw new Error(`no run ${index} (the experiment has ${plan.tasks.length})`);
  const parsed = parseScenario(runDocument(plan.doc, plan.experiment, task.valueIndex, task.seed));
  if (!parsed.ok) throw new Error(`run ${index}: ${parsed.errors.map(formatIssue).join('; ')}`);
  let report;
  try {
    report = new Simulation(parsed.spec, { guard }).runToEnd().report();
  } catch (error) {
    if (!(error instanceof RunawayRunError)) throw error;
    const value = JSON.stringify(plan.experiment.vary.values[task.valueIndex]);
    throw new Error(`run ${index + 1} of ${plan.tasks.length} (${plan.experiment.vary.path} = ${value}, seed ${task.seed}) was stopped by the run guard ${error.message.replace(/^stopped /, '')}`, { cause: error });
  }
  const outcomes: Record<string, number> = {};
  for (const metric of plan.experiment.collect) outcomes[metric.label] = outcome(metric, report);
  return { index, valueIndex: task.valueIndex, value: plan.experiment.vary.values[task.valueIndex], seed: task.seed, events: report.events, outcomes };
}
