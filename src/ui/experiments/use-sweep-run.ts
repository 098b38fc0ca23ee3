/** A sweep on the browser's pool (use-pool-run.ts): the built-in and "this scenario" halves of the panel. */
import { summarise, type ExperimentPlan, type ExperimentResults } from '../../experiments/panel.ts';
import { usePoolRun, type PoolRun } from './use-pool-run.ts';

export type SweepRun = PoolRun<ExperimentPlan, ExperimentResults>;

export function useSweepRun(): SweepRun {
  return usePoolRun(summarise);
}
