/**
 * Fault actions and the kinds each may target: the one table. The engine applies an action only
 * to a node of a kind listed here (FaultRunner); what the action does is the kind's own
 * `faultAction`. The format refuses a fault whose target is not listed, and the editor's rows and
 * inject buttons read their targets from it (src/scenario/fault-targets.ts re-exports it, zod-free,
 * for light readers such as src/embed). Plain data; its one import is the kinds' facts.
 */
import { VALIDATOR_KINDS } from './kind-facts.ts';
import type { FaultAction, NodeSpec } from './spec.ts';

/** What each action may target: "link", or a node kind. */
export const FAULT_TARGET_KINDS = {
  down: ['link'],
  up: ['link'],
  degrade: ['link'],
  crash: ['service', 'database', 'external', 'identity', 'keyset', 'balancer', 'cache'],
  recover: ['service', 'database', 'external', 'identity', 'keyset', 'balancer', 'cache'],
  slow: ['service', 'database', 'external', 'identity', 'keyset'],
  error: ['service', 'database', 'external', 'identity', 'keyset'],
  setWorkers: ['service', 'database', 'external', 'identity', 'keyset'],
  flush: ['cache'],
  setRate: ['client'],
  removeKey: ['keyset'],
  addKey: ['keyset'],
  restore: ['keyset'],
  setSigningKey: ['identity'],
  /**
   * The kinds that validate tokens (kind-facts.ts), and of those only the nodes with `auth`: the
   * format checks that with the whole file in view; a station without a validator has nothing to
   * refresh. Identity providers and key sets do not validate tokens, so they are not targets even
   * where a hand-built engine spec gives them `auth`.
   */
  forceRefresh: VALIDATOR_KINDS,
} as const satisfies Record<FaultAction, readonly ('link' | NodeSpec['kind'])[]>;

export const FAULT_ACTIONS = Object.keys(FAULT_TARGET_KINDS) as FaultAction[];

/** Whether `action` may target a node of `kind` (or a link, for kind "link"). */
export function faultTargets(action: FaultAction, kind: string): boolean {
  return (FAULT_TARGET_KINDS[action] as readonly string[]).includes(kind);
}
