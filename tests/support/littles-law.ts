import type { Simulation } from '../../src/engine';
import { ServerRuntime } from '../../src/engine/kinds/server-runtime';

/**
 * Little's law per node over the measured window: L (time-average number in the node) against
 * λ·W (departure rate × mean time in the node, dropped jobs included). Returns the worst relative
 * gap and which node it was.
 */
export function worstLittlesLawGap(sim: Simulation): { node: string; gap: number; checked: number } {
  const windowMs = sim.nowMs - sim.warmupMs;
  let worst = { node: '', gap: 0, checked: 0 };
  for (const node of sim.nodes) {
    if (!(node instanceof ServerRuntime)) continue;
    const s = node.stats;
    s.touch(sim.nowMs, sim.warmupMs);
    const L = s.systemIntegral / windowMs;
    const lambdaW = s.sojournMeasuredMs / windowMs; // (departed / window) × (sojourn sum / departed)
    if (L < 1e-6 && lambdaW < 1e-6) continue;
    const gap = Math.abs(lambdaW / L - 1);
    worst = { node: gap > worst.gap ? node.id : worst.node, gap: Math.max(gap, worst.gap), checked: worst.checked + 1 };
  }
  return worst;
}
