/**
 * Fault actions as the editor offers them: a label and the one argument an action needs, and
 * the "inject now" buttons for a selection. Which kinds an action targets is the format's fact
 * (FAULT_TARGET_KINDS in src/scenario/faults.ts), read from there; a new action in the format is a
 * type error here until it has a row.
 */
import { FAULT_ACTIONS as FORMAT_ACTIONS, FAULT_TARGET_KINDS, type FaultAction } from '../../scenario/facts.ts';

export type FaultArgument =
  | { name: string; label: string; type: 'number'; defaultValue: number; min: number; max?: number; step: number }
  /** A key id: offered from the scenario's key names. */
  | { name: string; label: string; type: 'key' };

export interface FaultActionInfo {
  action: FaultAction;
  label: string;
  targets: readonly string[];
  argument?: FaultArgument;
}

const EDITOR_ACTIONS: Record<FaultAction, Omit<FaultActionInfo, 'action' | 'targets'>> = {
  down: { label: 'Link down' },
  up: { label: 'Link up' },
  degrade: { label: 'Lossy link', argument: { name: 'loss', label: 'loss probability', type: 'number', defaultValue: 0.2, min: 0, max: 1, step: 0.05 } },
  crash: { label: 'Crash' },
  recover: { label: 'Recover' },
  slow: { label: 'Slow down', argument: { name: 'factor', label: 'slowdown factor', type: 'number', defaultValue: 5, min: 1, step: 1 } },
  error: { label: 'Errors', argument: { name: 'errorRate', label: 'error rate', type: 'number', defaultValue: 0.5, min: 0, max: 1, step: 0.05 } },
  setWorkers: { label: 'Set workers', argument: { name: 'workers', label: 'workers', type: 'number', defaultValue: 1, min: 1, step: 1 } },
  flush: { label: 'Flush cache' },
  setRate: { label: 'Set rate', argument: { name: 'rate', label: 'requests per second', type: 'number', defaultValue: 100, min: 0, step: 10 } },
  removeKey: { label: 'Remove key', argument: { name: 'key', label: 'key id', type: 'key' } },
  addKey: { label: 'Add key', argument: { name: 'key', label: 'key id', type: 'key' } },
  restore: { label: 'Restore keys' },
  setSigningKey: { label: 'Sign with key', argument: { name: 'key', label: 'key id', type: 'key' } },
  forceRefresh: { label: 'Force key refresh' },
};

/** In the format's order, each with the kinds the format lets it target. */
export const FAULT_ACTIONS: FaultActionInfo[] = FORMAT_ACTIONS.map((action) => ({ action, targets: FAULT_TARGET_KINDS[action], ...EDITOR_ACTIONS[action] }));

export const actionsFor = (kind: string): FaultActionInfo[] => FAULT_ACTIONS.filter((a) => a.targets.includes(kind));

export interface InjectButton {
  id: string;
  label: string;
  /** The kinds its fault's action targets (the format's list). */
  targets: readonly string[];
  /** The v1 fault, without its target. */
  fault: Record<string, unknown>;
  /** One button per key id of the scenario, the id in the fault's `key`. */
  perKey?: boolean;
  /** Only on token validators (nodes whose live `trustedKeys` is not -1). */
  validatorsOnly?: boolean;
}

const button = (id: string, label: string, fault: { action: FaultAction } & Record<string, unknown>, more: Partial<InjectButton> = {}): InjectButton => ({
  id,
  label,
  targets: FAULT_TARGET_KINDS[fault.action],
  fault,
  ...more,
});

/** "Inject now" buttons on a selected node or link. */
export const INJECT_BUTTONS: InjectButton[] = [
  button('crash', 'Crash', { action: 'crash' }),
  button('recover', 'Recover', { action: 'recover' }),
  button('slow', 'Slow ×5', { action: 'slow', factor: 5 }),
  button('remove-key', 'Remove key', { action: 'removeKey' }, { perKey: true }),
  button('restore-keys', 'Restore keys', { action: 'restore' }),
  button('force-refresh', 'Force refresh', { action: 'forceRefresh' }, { validatorsOnly: true }),
  button('flush', 'Flush', { action: 'flush' }),
  button('down', 'Down', { action: 'down' }),
  button('up', 'Up', { action: 'up' }),
  button('lossy', 'Lossy 20%', { action: 'degrade', loss: 0.2 }),
];
