/**
 * kinds "service", "database", "external": a station with workers, a queue, a service time, an
 * error rate, downstream calls, token validation (`auth`) and `replicas`. The three share every
 * field; only the defaults differ. Identity providers and key sets (identity.ts, keyset.ts) are
 * stations too: they build on `stationShape` and `readStation`.
 */
import type { CallSpec, CircuitBreakerSpec, DistributionSpec, QueueSpec, ServiceSpec, StationKind } from '../engine/index.ts';
import type { z } from './zod.ts';
import { fields, list } from './fields.ts';
import { durationField } from './durations.ts';
import { distributionField } from './distributions.ts';
import { booleanField, probabilityField, workersField } from './values.ts';
import { nodeBaseShape } from './node-base.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { queueSchema } from './queue.ts';
import { callSchema, type ReadCall } from './calls.ts';
import { circuitBreakerSchema } from './resilience.ts';
import { bulkheadsField, readBulkheads } from './bulkheads.ts';
import { replicasField, validatorSchema } from './auth.ts';
import { misplacedFields } from './misplaced.ts';
import { quote } from './errors.ts';

export interface StationDefaults {
  workers: number | 'unbounded';
  serviceTime: unknown;
}

/** Defaults per kind, in the file's own notation (docs/format.md lists them). */
export const STATION_DEFAULTS = {
  service: { workers: 1, serviceTime: { dist: 'exponential', mean: '10ms' } },
  database: { workers: 10, serviceTime: { dist: 'exponential', mean: '5ms' } },
  external: { workers: 'unbounded', serviceTime: '50ms' },
} as const satisfies Record<StationKind, StationDefaults>;

export const STATION_KINDS = Object.keys(STATION_DEFAULTS) as StationKind[];

/** Every kind with a station's fields (workers, queue, calls, bulkheads, replicas…). */
export const STATION_LIKE_KINDS = [...STATION_KINDS, 'identity', 'keyset'] as const;

type Issue = { path: (string | number)[]; message: string };
export type AddIssue = (issue: Issue) => void;

/** Each call's breaker: its own, none (null), or the station's; a fallback that is the call's own target is an error. */
function resolveBreakers(calls: readonly ReadCall[], stationBreaker: CircuitBreakerSpec | undefined, addIssue: AddIssue): CallSpec[] {
  return calls.map((call, j): CallSpec => {
    const own = call.circuitBreaker !== undefined;
    const circuitBreaker = own ? call.circuitBreaker ?? null : stationBreaker === undefined ? null : { ...stationBreaker };
    if (circuitBreaker?.fallback === call.to) {
      addIssue(
        own
          ? { path: ['calls', j, 'circuitBreaker', 'fallback'], message: `expected a node other than the call's own target ${quote(call.to)}, got ${quote(call.to)}` }
          : { path: ['circuitBreaker', 'fallback'], message: `expected a node other than the target of calls[${j}], got ${quote(call.to)} (give calls[${j}] its own "circuitBreaker", or null)` },
      );
    }
    return { ...call, circuitBreaker };
  });
}

/** The fields every station-like kind has (not `auth`: identity providers and key sets do not validate). */
export function stationShape<const K extends string>(kind: K, defaults: StationDefaults) {
  return {
    ...nodeBaseShape(kind),
    workers: workersField(`Jobs served at once. Default ${quote(defaults.workers)}.`).prefault(defaults.workers),
    queue: queueSchema.prefault({}),
    serviceTime: distributionField('Time a worker spends on one job, before its calls.').prefault(defaults.serviceTime),
    slowdownPerInFlight: durationField({
      description: 'Added to a job\'s service time for each other job already in service when it starts (load-dependent slowdown). Default 0.',
    }).prefault(0),
    errorRate: probabilityField('Share of jobs that fail with reason "error". Default 0.').prefault(0),
    calls: list(callSchema, { max: SCENARIO_LIMITS.maxCallsPerNode, noun: ['call', 'calls'], isLimit: true }).prefault([]),
    circuitBreaker: circuitBreakerSchema.optional().meta({ description: 'A circuit breaker on each call that has none of its own (each call gets its own breaker). Default: none.' }),
    bulkheads: bulkheadsField.prefault([]),
    propagateDeadline: booleanField('Pass each job\'s deadline on to its calls. Default false.').prefault(false),
    cancelOnCallerGiveUp: booleanField('When a caller gives up, stop its job (dequeue or abort) instead of finishing useless work. Default false.').prefault(false),
    replicas: replicasField.prefault(1),
  };
}

/** The station fields as read (the output of `stationShape`). */
export interface ReadStation {
  id: string;
  label?: string | undefined;
  workers: number;
  queue: QueueSpec;
  serviceTime: DistributionSpec;
  slowdownPerInFlight: number;
  errorRate: number;
  calls: ReadCall[];
  circuitBreaker?: CircuitBreakerSpec | undefined;
  bulkheads: z.output<typeof bulkheadsField>;
  propagateDeadline: boolean;
  cancelOnCallerGiveUp: boolean;
  replicas: number;
}

/**
 * A station's spec without its kind. `alsoCalled`: nodes the station calls other than through
 * `calls` (an identity provider's MFA step), which a bulkhead's `to` may name too.
 */
export function readStation(station: ReadStation, addIssue: AddIssue, alsoCalled: readonly string[] = []): Omit<ServiceSpec, 'kind' | 'auth'> {
  return {
    id: station.id,
    label: station.label ?? station.id,
    workers: station.workers,
    queue: station.queue,
    serviceTime: station.serviceTime,
    slowdownPerInFlightMs: station.slowdownPerInFlight,
    errorRate: station.errorRate,
    calls: resolveBreakers(station.calls, station.circuitBreaker, addIssue),
    bulkheads: readBulkheads(station.bulkheads, [...station.calls.map((call) => call.to), ...alsoCalled], addIssue),
    propagateDeadline: station.propagateDeadline,
    cancelOnCallerGiveUp: station.cancelOnCallerGiveUp,
    replicas: station.replicas,
  };
}

function stationSchema<const K extends StationKind>(kind: K) {
  return fields({ ...stationShape(kind, STATION_DEFAULTS[kind]), auth: validatorSchema.optional() }, misplacedFields(kind)).transform(
    (station, ctx): ServiceSpec => ({
      kind,
      ...readStation(station, ({ path, message }) => ctx.addIssue({ code: 'custom', path, message })),
      auth: station.auth ?? null,
    }),
  );
}

export const serviceSchema = stationSchema('service');
export const databaseSchema = stationSchema('database');
export const externalSchema = stationSchema('external');
