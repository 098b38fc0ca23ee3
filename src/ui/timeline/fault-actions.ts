/**
 * Fault actions as data: what the timeline's "add" form offers per target kind, with the one
 * argument an action needs, and the "inject now" buttons for a selection. Mirrors
 * FAULT_TARGET_KINDS in src/scenario/faults.ts (the worker validates every fault against it, so
 * a drift shows as an error message, not a wrong simulation). Adding an action: a row here.
 */

const STATIONS = ['service', 'database', 'external'];
const SERVERS = [...STATIONS, 'identity', 'keyset'];
const CRASHABLE = [...SERVERS, 'balancer', 'cache'];

export type FaultArgument =
  | { name: string; label: string; type: 'number'; defaultValue: number; min: number; max?: number; step: number }
  /** A key id: offered from the scenario's key names. */
  | { name: string; label: string; type: 'key' };

export interface FaultActionInfo {
  action: string;
  label: string;
  targets: readonly string[];
  argument?: FaultArgument;
}

export const FAULT_ACTIONS: FaultActionInfo[] = [
  { action: 'down', label: 'Link down', targets: ['link'] },
  { action: 'up', label: 'Link up', targets: ['link'] },
  { action: 'degrade', label: 'Lossy link', targets: ['link'], argument: { name: 'loss', label: 'loss probability', type: 'number', defaultValue: 0.2, min: 0, max: 1, step: 0.05 } },
  { action: 'crash', label: 'Crash', targets: CRASHABLE },
  { action: 'recover', label: 'Recover', targets: CRASHABLE },
  { action: 'slow', label: 'Slow down', targets: SERVERS, argument: { name: 'factor', label: 'slowdown factor', type: 'number', defaultValue: 5, min: 1, step: 1 } },
  { action: 'error', label: 'Errors', targets: SERVERS, argument: { name: 'errorRate', label: 'error rate', type: 'number', defaultValue: 0.5, min: 0, max: 1, step: 0.05 } },
  { action: 'setWorkers', label: 'Set workers', targets: SERVERS, argument: { name: 'workers', label: 'workers', type: 'number', defaultValue: 1, min: 1, step: 1 } },
  { action: 'flush', label: 'Flush cache', targets: ['cache'] },
  { action: 'setRate', label: 'Set rate', targets: ['client'], argument: { name: 'rate', label: 'requests per second', type: 'number', defaultValue: 100, min: 0, step: 10 } },
  { action: 'removeKey', label: 'Remove key', targets: ['keyset'], argument: { name: 'key', label: 'key id', type: 'key' } },
  { action: 'addKey', label: 'Add key', targets: ['keyset'], argument: { name: 'key', label: 'key id', type: 'key' } },
  { action: 'restore', label: 'Restore keys', targets: ['keyset'] },
  { action: 'setSigningKey', label: 'Sign with key', targets: ['identity'], argument: { name: 'key', label: 'key id', type: 'key' } },
  { action: 'forceRefresh', label: 'Force key refresh', targets: STATIONS },
];

export const actionsFor = (kind: string): FaultActionInfo[] => FAULT_ACTIONS.filter((a) => a.targets.includes(kind));

export interface InjectButton {
  id: string;
  label: string;
  targets: readonly string[];
  /** The v1 fault, without its target. */
  fault: Record<string, unknown>;
  /** One button per key id of the scenario, the id in the fault's `key`. */
  perKey?: boolean;
  /** Only on token validators (nodes whose live `trustedKeys` is not -1). */
  validatorsOnly?: boolean;
}

/** "Inject now" buttons on a selected node or link. */
export const INJECT_BUTTONS: InjectButton[] = [
  { id: 'crash', label: 'Crash', targets: CRASHABLE, fault: { action: 'crash' } },
  { id: 'recover', label: 'Recover', targets: CRASHABLE, fault: { action: 'recover' } },
  { id: 'slow', label: 'Slow ×5', targets: SERVERS, fault: { action: 'slow', factor: 5 } },
  { id: 'remove-key', label: 'Remove key', targets: ['keyset'], fault: { action: 'removeKey' }, perKey: true },
  { id: 'restore-keys', label: 'Restore keys', targets: ['keyset'], fault: { action: 'restore' } },
  { id: 'force-refresh', label: 'Force refresh', targets: STATIONS, fault: { action: 'forceRefresh' }, validatorsOnly: true },
  { id: 'flush', label: 'Flush', targets: ['cache'], fault: { action: 'flush' } },
  { id: 'down', label: 'Down', targets: ['link'], fault: { action: 'down' } },
  { id: 'up', label: 'Up', targets: ['link'], fault: { action: 'up' } },
  { id: 'lossy', label: 'Lossy 20%', targets: ['link'], fault: { action: 'degrade', loss: 0.2 } },
];
