/**
 * The embed's postMessage protocol, version 1 (docs/embedding.md). Inbound data comes from
 * another site: `parseInboundMessage` shape-checks it into a command or a problem and never
 * throws. The worker checks a loaded scenario or an injected fault fully (the format's own
 * rules, with paths); this file only makes sure such a payload is the right kind of thing and
 * not too big to hand over.
 */
import { FAULT_ACTIONS } from '../scenario/fault-targets.ts'; // the zod-free list: this module stays light
import { describeParamValue } from './origin.ts';
import type { EmbedSpeed } from './params.ts';
import { measurePayload } from './payload-size.ts';
import { COMMAND_TYPES, MESSAGE_PREFIX, PROTOCOL_VERSION } from './protocol.ts';

export { MESSAGE_PREFIX, PROTOCOL_VERSION };
/** A scenario in a `faultline:load` message; the largest built-in is ~20 KB. */
export const MAX_SCENARIO_BYTES = 2 * 1024 * 1024;
/** Any other message: a fault is a few fields. */
export const MAX_COMMAND_BYTES = 16 * 1024;
const MAX_ID_CHARS = 200;

export type EmbedCommand =
  | { type: 'load'; scenario: unknown }
  | { type: 'load'; builtin: string }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'reset' }
  | { type: 'inject'; fault: Record<string, unknown> }
  | { type: 'setSpeed'; speed: EmbedSpeed };

export type InboundResult = { ok: true; command: EmbedCommand } | { ok: false; problem: string };

const SPEEDS: readonly EmbedSpeed[] = ['story', 1, 10, 100, 'max'];
const TYPE_LIST = COMMAND_TYPES.map((t) => MESSAGE_PREFIX + t).join(', ');

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const problem = (text: string): InboundResult => ({ ok: false, problem: text });

export function parseInboundMessage(data: unknown): InboundResult {
  // Own properties only: a getter or a prototype could run code or lie about the shape.
  if (!isPlainObject(data)) return problem(`a message must be an object like { type: "faultline:play" }, not ${kindOf(data)}`);
  const size = measurePayload(data, MAX_SCENARIO_BYTES);
  if (!size.ok) return problem(`the message ${size.problem}`);
  const type = data.type;
  if (typeof type !== 'string') return problem(`a message needs a string "type", one of ${TYPE_LIST}`);
  const name = type.startsWith(MESSAGE_PREFIX) ? type.slice(MESSAGE_PREFIX.length) : '';
  if (!(COMMAND_TYPES as readonly string[]).includes(name)) return problem(`unknown message type ${describeParamValue(type)}; expected one of ${TYPE_LIST}`);
  if (data.version !== undefined && data.version !== PROTOCOL_VERSION) {
    return problem(`${type}: version ${kindOrValue(data.version)} is not spoken here; this embed speaks version ${PROTOCOL_VERSION}`);
  }
  if (name !== 'load' && size.bytes > MAX_COMMAND_BYTES) return problem(`${type} is about ${size.bytes} bytes; at most ${MAX_COMMAND_BYTES} are accepted`);

  switch (name) {
    case 'play':
    case 'pause':
    case 'reset':
      return { ok: true, command: { type: name } };
    case 'setSpeed':
      return readSpeed(data.speed);
    case 'inject':
      return readInject(data.fault);
    default:
      return readLoad(data);
  }
}

function readSpeed(value: unknown): InboundResult {
  const speed = SPEEDS.find((s) => s === value || String(s) === value);
  if (speed === undefined) return problem(`faultline:setSpeed: "speed" must be one of "story", 1, 10, 100, "max", not ${kindOrValue(value)}`);
  return { ok: true, command: { type: 'setSpeed', speed } };
}

function readInject(fault: unknown): InboundResult {
  const head = 'faultline:inject: "fault"';
  if (!isPlainObject(fault)) return problem(`${head} must be an object like { target: "api", action: "crash" }, not ${kindOf(fault)}`);
  if (typeof fault.target !== 'string' || fault.target === '' || fault.target.length > MAX_ID_CHARS) {
    return problem(`${head}.target must be a node or link id (or "*"), not ${kindOrValue(fault.target)}`);
  }
  if (typeof fault.action !== 'string' || !(FAULT_ACTIONS as readonly string[]).includes(fault.action)) {
    return problem(`${head}.action must be one of ${FAULT_ACTIONS.join(', ')}, not ${kindOrValue(fault.action)}`);
  }
  // `at` is "now" for a live injection; the worker checks the action's own arguments.
  return { ok: true, command: { type: 'inject', fault: { ...fault } } };
}

function readLoad(data: Record<string, unknown>): InboundResult {
  const hasScenario = data.scenario !== undefined;
  const hasBuiltin = data.builtin !== undefined;
  if (hasScenario === hasBuiltin) return problem('faultline:load needs exactly one of "scenario" (a faultline.scenario/v1 document) or "builtin" (a built-in scenario id)');
  if (hasBuiltin) {
    const id = data.builtin;
    if (typeof id !== 'string' || id === '' || id.length > MAX_ID_CHARS) return problem(`faultline:load: "builtin" must be a built-in scenario id, not ${kindOrValue(id)}`);
    return { ok: true, command: { type: 'load', builtin: id } };
  }
  const scenario = data.scenario;
  if (!isPlainObject(scenario) && typeof scenario !== 'string') return problem(`faultline:load: "scenario" must be a faultline.scenario/v1 document (an object or its JSON text), not ${kindOf(scenario)}`);
  return { ok: true, command: { type: 'load', scenario } };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function kindOrValue(value: unknown): string {
  if (typeof value === 'string') return describeParamValue(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return kindOf(value);
}
