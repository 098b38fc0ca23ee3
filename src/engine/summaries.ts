import type { LogHistogram } from './histogram';
import type { LatencySummary } from './report-types';

export function latencySummary(h: LogHistogram): LatencySummary {
  return { mean: h.meanMs, p50: h.quantileMs(0.5), p95: h.quantileMs(0.95), p99: h.quantileMs(0.99) };
}
