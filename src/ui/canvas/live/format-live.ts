/** Short, stable text for numbers that change every frame: no jitter in the last digit of a big number. */
export function formatRate(perSec: number): string {
  if (!Number.isFinite(perSec) || perSec <= 0) return '0';
  if (perSec < 10) return perSec.toFixed(1);
  if (perSec < 1000) return Math.round(perSec).toString();
  if (perSec < 1e6) return `${(perSec / 1000).toFixed(perSec < 1e4 ? 1 : 0)}k`;
  return `${(perSec / 1e6).toFixed(1)}M`;
}

export function formatCount(count: number): string {
  if (!Number.isFinite(count) || count <= 0) return '0';
  return count < 1000 ? Math.round(count).toString() : formatRate(count);
}

export function formatLatencyMs(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '–';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatShare(share: number): string {
  if (!Number.isFinite(share) || share <= 0) return '0%';
  return share < 0.1 ? `${(share * 100).toFixed(1)}%` : `${Math.round(share * 100)}%`;
}
