/**
 * A v1 fault object from the page ({ target, action, …arguments }) → the engine's FaultSpec,
 * checked against the running scenario by src/scenario's single-fault parser (its shape, that
 * its target exists and has a kind the action fits) — constant work per fault, where re-parsing
 * the whole document cost ~45 ms at 1,000 nodes. The parser is built once per scenario.
 */
import type { FaultSpec, ScenarioSpec } from '../src/engine/index.ts';
import { liveFaultParser } from '../src/scenario/index.ts';
import type { ValidationError } from './protocol.ts';

export type FaultResult = { ok: true; fault: FaultSpec } | { ok: false; errors: ValidationError[] };

const parsers = new WeakMap<ScenarioSpec, ReturnType<typeof liveFaultParser>>();

export function normaliseFault(spec: ScenarioSpec, fault: unknown): FaultResult {
  let parse = parsers.get(spec);
  if (parse === undefined) {
    parse = liveFaultParser(spec);
    parsers.set(spec, parse);
  }
  return parse(fault);
}
