/**
 * Warnings for settings that are valid but can have no effect: retry limits without retries, a
 * node-wide circuit breaker on a node that makes no calls, a cache larger than its key space, a
 * validator's `minRefreshInterval` without `refreshOnUnknownKey`.
 */
import type { IdentitySpec, KeysetSpec, RetrySpec, ServiceSpec } from '../engine/index.ts';
import type { Path } from './errors.ts';
import { isPlainObject } from './errors.ts';
import type { SemanticContext } from './semantic-context.ts';

function checkRetry(context: SemanticContext, retry: RetrySpec, path: Path): void {
  if (retry.attempts > 1) return;
  for (const key of ['budget', 'breaker'] as const) {
    if (retry[key] !== null) context.log.warn([...path, key], `has no effect with "attempts": 1 (no retries to limit)`);
  }
}

/** A station-like node: its calls' retries, a node-wide breaker, the MFA step's retry, the validator. */
function checkStation(context: SemanticContext, node: ServiceSpec | IdentitySpec | KeysetSpec, index: number): void {
  const { scenario, log } = context;
  node.calls.forEach((call, j) => checkRetry(context, call.retry, ['nodes', index, 'calls', j, 'retry']));
  const raw = scenario.rawNodes?.[index];
  const mfa = node.kind === 'identity' ? node.mfa : null;
  if (node.calls.length === 0 && isPlainObject(raw) && raw.circuitBreaker !== undefined) {
    const note = mfa === null ? '' : ' (the MFA step has no circuit breaker)';
    log.warn(['nodes', index, 'circuitBreaker'], `has no effect: it applies to the node's calls, and this node makes none${note}`);
  }
  if (mfa !== null) checkRetry(context, mfa.retry, ['nodes', index, 'mfa', 'retry']);
  const writtenAuth = isPlainObject(raw) && isPlainObject(raw.auth) ? raw.auth : undefined;
  if (node.auth !== null && !node.auth.refreshOnUnknownKey && writtenAuth?.minRefreshInterval !== undefined) {
    log.warn(['nodes', index, 'auth', 'minRefreshInterval'], 'has no effect with "refreshOnUnknownKey": false (it throttles the fetches an unknown key triggers)');
  }
}

export function checkNoEffect(context: SemanticContext): void {
  const { scenario, log } = context;
  scenario.nodes.forEach((node, index) => {
    if (node === undefined) return;
    if (node.kind === 'client' || node.kind === 'balancer' || node.kind === 'cache') {
      checkRetry(context, node.retry, ['nodes', index, 'retry']);
      if (node.kind === 'cache' && node.capacity !== Infinity && node.capacity >= node.keys) {
        log.warn(['nodes', index, 'capacity'], `${node.capacity} entries hold all ${node.keys} keys: nothing is ever evicted`);
      }
    } else checkStation(context, node, index);
  });
}
