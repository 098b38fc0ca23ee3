/** One-line summaries of a node's settings for its card, read from the document as written. */
import type { DocumentNode } from '../../../store/graph-store.ts';
import { defaultOf, NODE_KINDS, type NodeKind } from '../../../scenario/facts.ts';

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

/** Workers as written, or the format's default for the kind (src/scenario `defaultOf`). */
function workersOf(node: DocumentNode): string {
  if (node.workers !== undefined) return String(node.workers);
  const kind = (NODE_KINDS as readonly string[]).includes(node.kind) ? (node.kind as NodeKind) : undefined;
  const fallback = kind && defaultOf(kind, ['workers']);
  return fallback === undefined ? '' : String(fallback.value);
}

export function describeStation(node: DocumentNode): string {
  const workers = workersOf(node);
  const time = describeDistribution(node.serviceTime);
  // Replicas first: 300 × "∞ workers" is the more important fact when the line is cut short.
  const replicas = typeof node.replicas === 'number' && node.replicas > 1 ? `${node.replicas} replicas` : '';
  return [replicas, workers === 'unbounded' ? '∞ workers' : workers === '' ? '' : workers === '1' ? '1 worker' : `${workers} workers`, time].filter(Boolean).join(' · ');
}

export function describeClient(node: DocumentNode): string {
  if (node.users !== undefined) return `${String(node.users)} users`;
  return node.rate !== undefined ? `${String(node.rate)}/s ${node.arrival === 'constant' ? 'constant' : 'poisson'}` : 'no rate';
}

export function describeBalancer(node: DocumentNode): string {
  const targets = Array.isArray(node.targets) ? node.targets.length : 0;
  return `${typeof node.policy === 'string' ? node.policy : 'roundRobin'} · ${targets} target${targets === 1 ? '' : 's'}`;
}
