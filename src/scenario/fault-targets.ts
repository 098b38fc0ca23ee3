/**
 * Fault actions and the kinds each may target: the engine's one table (src/engine/fault-targets.ts,
 * which the engine itself applies faults by), re-exported here zod-free so light readers (the
 * embed's message checks, a framework-free script) can have the list without the parser.
 */
export { FAULT_ACTIONS, FAULT_TARGET_KINDS, faultTargets } from '../engine/fault-targets.ts';
