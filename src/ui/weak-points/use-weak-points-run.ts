/** A single-failures analysis on the sweeps' browser pool (use-pool-run.ts), its runs ranked. The canvas tint is the panel's to set. */
import { rankWeakPoints, type SingleFailurePlan, type WeakPointsResults } from '../../experiments/panel.ts';
import { usePoolRun, type PoolRun } from '../experiments/use-pool-run.ts';

export type WeakPointsRun = PoolRun<SingleFailurePlan, WeakPointsResults>;

export function useWeakPointsRun(): WeakPointsRun {
  return usePoolRun(rankWeakPoints);
}
