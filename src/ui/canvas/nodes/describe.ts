/** One-line summaries of a node's settings for its card, read from the document as written. */
import type { DocumentNode } from '../../../store/graph-store.ts';

const text = (value: unknown): string => (typeof value === 'number' ? `${value}ms` : String(value));

export function describeDistribution(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value !== 'object' || value === null) return text(value);
  const d = value as Record<string, unknown>;
  switch (d.dist) {
    case 'exponential':
      return `exp ${text(d.mean)}`;
    case 'uniform':
      return `${text(d.min)}–${text(d.max)}`;
    case 'lognormal':
      return `${text(d.median)} (p99 ${text(d.p99)})`;
    default:
      return '?';
  }
}

export function describeStation(node: DocumentNode, defaultWorkers: string): string {
  const workers = node.workers === undefined ? defaultWorkers : String(node.workers);
  const time = describeDistribution(node.serviceTime);
  // Replicas first: 300 × "∞ workers" is the more important fact when the line is cut short.
  const replicas = typeof node.replicas === 'number' && node.replicas > 1 ? `${node.replicas} replicas` : '';
  return [replicas, workers === 'unbounded' ? '∞ workers' : `${workers} workers`, time].filter(Boolean).join(' · ');
}

export function describeClient(node: DocumentNode): string {
  if (node.users !== undefined) return `${String(node.users)} users`;
  return node.rate !== undefined ? `${String(node.rate)}/s ${node.arrival === 'constant' ? 'constant' : 'poisson'}` : 'no rate';
}

export function describeBalancer(node: DocumentNode): string {
  const targets = Array.isArray(node.targets) ? node.targets.length : 0;
  return `${typeof node.policy === 'string' ? node.policy : 'roundRobin'} · ${targets} target${targets === 1 ? '' : 's'}`;
}
