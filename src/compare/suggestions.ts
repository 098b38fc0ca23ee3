/**
 * Suggested changes, read off the document: the "what if we had…" questions a workshop asks of
 * each component. Each is exactly one field edit with a label a person can read; those the
 * parser would reject (or that change nothing) are left out rather than offered broken.
 */
import { durationMs, humanDuration, type FieldEdit } from './doc-diff.ts';
import { buildVariant, type Variant } from './variant.ts';

type Doc = Record<string, unknown>;
type Edit = Pick<FieldEdit, 'path' | 'after'>;
interface Suggestion {
  label: string;
  edit: Edit;
}

/** The S7 fix's breaker: opens at half the attempts failing over 10 s, probes after 30 s. */
const CALL_BREAKER = { failureRatio: 0.5, window: '10s', minAttempts: 20, openFor: '30s', halfOpenProbes: 3 };
const SHORT_TIMEOUT_MS = 3000;
const FAST_REFRESH_MS = 5 * 60_000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function nodesOf(doc: Doc): Record<string, unknown>[] {
  return Array.isArray(doc.nodes) ? doc.nodes.filter(isObject) : [];
}

function retrySuggestions(id: string, node: Record<string, unknown>): Suggestion[] {
  const retry = isObject(node.retry) ? node.retry : undefined;
  const attempts = typeof retry?.attempts === 'number' ? retry.attempts : 1;
  if (attempts <= 1) return [];
  const retries = attempts - 1;
  const out: Suggestion[] = [{ label: `${id}: retries ${retries} → none`, edit: { path: `nodes[${id}].retry.attempts`, after: 1 } }];
  if (retry?.budget === undefined) out.push({ label: `${id}: retries → budget 10%`, edit: { path: `nodes[${id}].retry.budget`, after: { ratio: 0.1 } } });
  return out;
}

function callSuggestions(id: string, node: Record<string, unknown>): Suggestion[] {
  if (!Array.isArray(node.calls)) return [];
  return node.calls.flatMap((call: unknown, index: number): Suggestion[] => {
    if (!isObject(call) || typeof call.to !== 'string') return [];
    const out: Suggestion[] = [];
    const path = `nodes[${id}].calls[${index}]`;
    if (call.circuitBreaker === undefined && node.circuitBreaker === undefined) {
      out.push({ label: `${id}: add a circuit breaker on calls to ${call.to}`, edit: { path: `${path}.circuitBreaker`, after: CALL_BREAKER } });
    }
    const timeoutMs = durationMs(call.timeout);
    if (timeoutMs !== undefined && timeoutMs > SHORT_TIMEOUT_MS) {
      out.push({ label: `${id}: timeout ${humanDuration(timeoutMs)} → 3 s on calls to ${call.to}`, edit: { path: `${path}.timeout`, after: '3s' } });
    }
    return out;
  });
}

function serviceSuggestions(id: string, node: Record<string, unknown>): Suggestion[] {
  const out: Suggestion[] = [];
  const workers = node.workers;
  if (typeof workers === 'number' && workers > 0) out.push({ label: `${id}: workers ${workers} → ${workers * 2}`, edit: { path: `nodes[${id}].workers`, after: workers * 2 } });
  out.push(...callSuggestions(id, node));
  if (Array.isArray(node.calls) && node.calls.length > 0 && node.propagateDeadline !== true) {
    out.push({ label: `${id}: propagate deadlines`, edit: { path: `nodes[${id}].propagateDeadline`, after: true } });
  }
  const auth = isObject(node.auth) ? node.auth : undefined;
  if (auth && typeof auth.keyset === 'string') {
    const refreshMs = durationMs(auth.refreshEvery);
    if (refreshMs === undefined || refreshMs > FAST_REFRESH_MS) {
      const from = refreshMs === undefined ? 'default' : humanDuration(refreshMs);
      out.push({ label: `${id}: refreshEvery ${from} → 5 m`, edit: { path: `nodes[${id}].auth.refreshEvery`, after: '5m' } });
    }
    if (auth.keepLastKnownGood !== true) out.push({ label: `${id}: keepLastKnownGood on`, edit: { path: `nodes[${id}].auth.keepLastKnownGood`, after: true } });
  }
  return out;
}

function cacheSuggestions(id: string, node: Record<string, unknown>): Suggestion[] {
  const out: Suggestion[] = [];
  if (node.coalesce !== true) out.push({ label: `${id}: coalesce misses (single flight)`, edit: { path: `nodes[${id}].coalesce`, after: true } });
  if (node.ttlJitter === undefined || node.ttlJitter === 0) out.push({ label: `${id}: TTL jitter ±10%`, edit: { path: `nodes[${id}].ttlJitter`, after: 0.1 } });
  return out;
}

function suggestionsFor(node: Record<string, unknown>): Suggestion[] {
  const id = typeof node.id === 'string' ? node.id : '';
  if (id === '') return [];
  switch (node.kind) {
    case 'client':
      return retrySuggestions(id, node);
    case 'service':
    case 'database':
    case 'external':
      return serviceSuggestions(id, node);
    case 'cache':
      return cacheSuggestions(id, node);
    default:
      return [];
  }
}

/** Every suggestion that gives a valid document, in the order of the nodes. */
export function suggestChanges(a: Doc): Variant[] {
  const variants: Variant[] = [];
  for (const node of nodesOf(a)) {
    for (const suggestion of suggestionsFor(node)) {
      const built = buildVariant(a, [suggestion.edit], { id: `suggest:${suggestion.edit.path}`, label: suggestion.label, source: 'suggested' });
      if (built.ok) variants.push(built.variant);
    }
  }
  return variants;
}
