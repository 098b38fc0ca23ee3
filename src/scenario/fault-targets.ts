/**
 * Fault actions and the kinds each may target: plain data, no zod, so light readers (the embed's
 * message checks, a framework-free script) can have the list without the parser.
 */
import type { FaultAction } from '../engine/index.ts';

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
  /** Only those with `auth` (validators); checked with the whole file in view. */
  forceRefresh: ['service', 'database', 'external'],
} as const satisfies Record<FaultAction, readonly string[]>;

export const FAULT_ACTIONS = Object.keys(FAULT_TARGET_KINDS) as FaultAction[];
