/**
 * `bulkheads` of a station: separate worker pools, each with its own queue, for some request
 * classes (`when`) or for the jobs that call some node (`to`).
 */
import type { BulkheadSpec } from '../engine/index.ts';
import type { z } from './zod.ts';
import { fields, list } from './fields.ts';
import { queueSchema, defaultQueue } from './queue.ts';
import { classSelectorField } from './calls.ts';
import { nodeRefField, textField, workersField } from './values.ts';
import { closestMatch } from './suggest.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { quote } from './errors.ts';

export const defaultBulkheadName = (index: number) => `bulkhead-${index}`;

const bulkheadSchema = fields({
  name: textField({
    maxLength: SCENARIO_LIMITS.maxClassNameLength,
    what: 'a bulkhead name',
    nonEmpty: true,
    description: 'Shown in metrics; unique within the node. Default "bulkhead-<index>" (from 0).',
  }).optional(),
  when: classSelectorField('Requests of these classes use this pool.').optional(),
  to: nodeRefField('Requests whose class calls this node use this pool (it must be one of this node\'s calls).').optional(),
  workers: workersField('Jobs this pool serves at once.'),
  queue: queueSchema.optional(),
}).meta({ id: 'bulkhead', anyOf: [{ required: ['when'] }, { required: ['to'] }] });

type ReadBulkhead = z.output<typeof bulkheadSchema>;

export const bulkheadsField = list(bulkheadSchema, {
  max: SCENARIO_LIMITS.maxBulkheadsPerNode,
  noun: ['bulkhead', 'bulkheads'],
  isLimit: true,
});

type Issue = { path: (string | number)[]; message: string };


/** Normalises the bulkheads, checking them against each other and against the node's calls. */
export function readBulkheads(raw: readonly ReadBulkhead[], calledNodes: readonly string[], addIssue: (issue: Issue) => void): BulkheadSpec[] {
  const names = new Map<string, number>();
  return raw.map((bulkhead, index): BulkheadSpec => {
    const name = bulkhead.name ?? defaultBulkheadName(index);
    const first = names.get(name);
    if (first !== undefined) {
      const byDefault = bulkhead.name === undefined ? '; this one has it by default: give it a "name"' : '';
      addIssue({ path: ['bulkheads', index, 'name'], message: `duplicate bulkhead name ${quote(name)} (bulkheads[${first}] has it too${byDefault})` });
    } else names.set(name, index);
    if (bulkhead.when === undefined && bulkhead.to === undefined) {
      addIssue({ path: ['bulkheads', index], message: 'expected "when" (request classes) or "to" (a node this node calls), got neither' });
    }
    const to = bulkhead.to;
    if (to !== undefined && !calledNodes.includes(to)) {
      const hint = closestMatch(to, calledNodes);
      const message = calledNodes.length === 0
        ? `expected a node this node calls, got ${quote(to)}; this node makes no calls`
        : `expected a node this node calls (${[...new Set(calledNodes)].map(quote).join(', ')}), got ${quote(to)}${hint === undefined ? '' : ` (did you mean ${quote(hint)}?)`}`;
      addIssue({ path: ['bulkheads', index, 'to'], message });
    }
    return { name, when: bulkhead.when ?? null, to: to ?? null, workers: bulkhead.workers, queue: bulkhead.queue ?? defaultQueue() };
  });
}
