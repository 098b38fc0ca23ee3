/**
 * kinds "service", "database", "external": a station with workers, a queue, a service time, an
 * error rate and downstream calls. The three share every field; only the defaults differ.
 */
import type { CallSpec, ServiceSpec, StationKind } from '../engine/spec';
import { fields, list, leaf, reject } from './fields';
import { durationField } from './durations';
import { distributionField } from './distributions';
import { noRetry, retrySchema } from './retry';
import { choiceField, countOrNullField, nodeRefField, probabilityField, workersField } from './values';
import { nodeBaseShape } from './node-base';
import { SCENARIO_LIMITS } from './limits';
import { describeValue } from './errors';

/** Defaults per kind, in the file's own notation (docs/format.md lists them). */
export const STATION_DEFAULTS = {
  service: { workers: 1, serviceTime: { dist: 'exponential', mean: '10ms' } },
  database: { workers: 10, serviceTime: { dist: 'exponential', mean: '5ms' } },
  external: { workers: 'unbounded', serviceTime: '50ms' },
} as const satisfies Record<StationKind, { workers: number | 'unbounded'; serviceTime: unknown }>;

export const STATION_KINDS = Object.keys(STATION_DEFAULTS) as StationKind[];

const LATER_STATION_FIELDS = {
  slowdownPerInFlight: 'slowdownPerInFlight (load-dependent slowdown) is not supported yet',
  propagateDeadline: 'propagateDeadline is not supported yet',
  bulkheads: 'bulkheads are not supported yet',
  circuitBreaker: 'circuitBreaker is not supported yet',
  auth: 'token validation (auth) is not supported yet',
  replicas: 'replicas are not supported yet',
};

const queueSchema = fields(
  {
    capacity: countOrNullField('Jobs that may wait for a worker; null = unbounded. Default null.').prefault(null),
    discipline: choiceField(['fifo', 'lifo'], 'Which waiting job a free worker takes. Default "fifo".').prefault('fifo'),
  },
  { maxWait: 'queue.maxWait is not supported yet' },
);

/** `when`: one class name or a list of them → string[]; absent → null (every class). */
const classSelectorField = leaf({
  expected: 'a class name or a non-empty list of class names',
  json: {
    anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }],
    description: 'Only requests of these classes make this call. Default: every class.',
  },
  read: (value) => {
    if (typeof value === 'string' && value !== '') return [value];
    if (!Array.isArray(value)) return reject();
    if (value.length === 0) return reject('expected at least one class name, got an empty list (leave "when" out to apply to every class)');
    if (value.length > SCENARIO_LIMITS.maxClassesPerClient) return reject(`expected at most ${SCENARIO_LIMITS.maxClassesPerClient} class names, got ${value.length}`);
    const bad = value.find((name) => typeof name !== 'string' || name === '');
    return bad === undefined ? (value as string[]) : reject(`expected a list of class names, but one is ${describeValue(bad)}`);
  },
});

const callSchema = fields({
  to: nodeRefField('The node called (a link from this node must lead there).'),
  when: classSelectorField.optional(),
  timeout: durationField({ positive: true, absentMeans: 'no timeout', description: 'Per attempt. Default: none.' }).optional(),
  retry: retrySchema.optional(),
}).transform(
  (call): CallSpec => ({
    to: call.to,
    when: call.when ?? null,
    timeoutMs: call.timeout ?? Infinity,
    retry: call.retry ?? noRetry(),
  }),
);

function stationSchema<const K extends StationKind>(kind: K) {
  const defaults = STATION_DEFAULTS[kind];
  return fields(
    {
      ...nodeBaseShape(kind),
      workers: workersField(`Jobs served at once. Default ${JSON.stringify(defaults.workers)}.`).prefault(defaults.workers),
      queue: queueSchema.prefault({}),
      serviceTime: distributionField('Time a worker spends on one job, before its calls.').prefault(defaults.serviceTime),
      errorRate: probabilityField('Share of jobs that fail with reason "error". Default 0.').prefault(0),
      calls: list(callSchema, { max: SCENARIO_LIMITS.maxCallsPerNode, noun: ['call', 'calls'], isLimit: true }).prefault([]),
    },
    LATER_STATION_FIELDS,
  ).transform(
    (station): ServiceSpec => ({
      kind,
      id: station.id,
      label: station.label ?? station.id,
      workers: station.workers,
      queue: { capacity: station.queue.capacity, discipline: station.queue.discipline },
      serviceTime: station.serviceTime,
      errorRate: station.errorRate,
      calls: station.calls,
    }),
  );
}

export const serviceSchema = stationSchema('service');
export const databaseSchema = stationSchema('database');
export const externalSchema = stationSchema('external');
