/** The queue in front of a worker pool: a station's own, or a bulkhead's. */
import type { QueueSpec } from '../engine/index.ts';
import { fields } from './fields.ts';
import { durationField } from './durations.ts';
import { choiceField, countOrNullField } from './values.ts';

export const queueSchema = fields({
  capacity: countOrNullField('Jobs that may wait for a worker; null = unbounded. Default null.').prefault(null),
  discipline: choiceField(['fifo', 'lifo'], 'Which waiting job a free worker takes. Default "fifo".').prefault('fifo'),
  maxWait: durationField({
    positive: true,
    absentMeans: 'no limit',
    description: 'A job that waited longer than this is dropped ("shed") when it reaches a worker. Default: no limit.',
  }).optional(),
}).transform(
  ({ capacity, discipline, maxWait }): QueueSpec => ({ capacity, discipline, maxWaitMs: maxWait ?? Infinity }),
).meta({ id: 'queue', description: 'The queue in front of the workers. Default: unbounded, FIFO, no max wait.' });

export function defaultQueue(): QueueSpec {
  return { capacity: Infinity, discipline: 'fifo', maxWaitMs: Infinity };
}
