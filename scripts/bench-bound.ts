/**
 * The bound for `npm run bench`: S1 written by hand as one loop — the same model, the same random
 * streams and the bookkeeping behind the engine's S1 report (a client's counts and latencies, the
 * service's counts, time integrals and latencies, the link's counts in both directions, and a
 * series row each interval: 13 columns with both p50s and p99s, where the engine's row has a few
 * more counts), kept in the engine's own structures (its event queue, random streams and latency
 * histograms) but without its general machinery: no call chain, steps, transport, kinds or
 * dispatch. tests/unit/bench-bound.test.ts checks that it gets the engine's numbers, so it does
 * the work S1's report needs and little more; a bound, not S1's own cost.
 *
 * The ceiling (bench-ceiling.ts) says what the least event loop costs; this says what the report's
 * bookkeeping adds to it. S1 against the bound is then the cost of the engine's generality alone.
 */
import { EventQueue } from '../src/engine/event-queue.ts';
import { IntervalLatency, LogHistogram } from '../src/engine/histogram.ts';
import { streamFor } from '../src/engine/random.ts';

const ARRIVAL = 0;
const SERVICE_DONE = 1;

/** S1's model: Poisson arrivals, one worker, exponential service, an unbounded FIFO queue, one link. */
export interface BoundModel {
  seed: number;
  ratePerSec: number;
  meanServiceMs: number;
  durationMs: number;
  warmupMs: number;
  sampleEveryMs: number;
}

/** What the bound keeps, as the engine's report gives it (the test compares them). */
export interface BoundRun {
  events: number;
  generated: number;
  succeeded: number;
  clientLatency: LogHistogram;
  arrived: number;
  completed: number;
  queued: number;
  inService: number;
  serviceLatency: LogHistogram;
  meanQueueLength: number;
  meanInSystem: number;
  utilization: number;
  waitedShare: number;
  linkSent: number;
  /** Per interval: the client's p50 and p99, then the service's (the series' latency columns). */
  intervalP50P99: Float64Array;
}

/** Columns of one interval's row: client generated, succeeded, in flight, p50, p99; service arrived, completed, queue, in service, p50, p99; link sent, delivered. */
const ROW = 13;

/** Every count the report reads, with the time integrals; fields of one object, not captured `let`s (a closure's context would box each double it is given). */
class Tally {
  events = 0;
  generated = 0;
  succeeded = 0;
  inFlight = 0;
  arrived = 0;
  completed = 0;
  queued = 0;
  inService = 0;
  arrivedMeasured = 0;
  waitedMeasured = 0;
  lastChangeMs = 0;
  queueIntegral = 0;
  systemIntegral = 0;
  workerIntegral = 0;
  linkSent = 0;
  linkDelivered = 0;

  constructor(private readonly warmupMs: number) {}

  /** The time integrals up to `nowMs`, before the queue or the worker changes (as NodeStats.touch). */
  touch(nowMs: number): void {
    const from = Math.max(this.lastChangeMs, this.warmupMs);
    if (nowMs > from) {
      const dt = nowMs - from;
      this.queueIntegral += this.queued * dt;
      this.systemIntegral += (this.queued + this.inService) * dt;
      this.workerIntegral += dt; // one worker
    }
    this.lastChangeMs = nowMs;
  }
}

/** The figures an interval's series row takes as differences (counts since the last row). */
class RowStart {
  generated = 0;
  succeeded = 0;
  arrived = 0;
  completed = 0;
  sent = 0;
  delivered = 0;

  takeFrom(t: Tally): void {
    this.generated = t.generated;
    this.succeeded = t.succeeded;
    this.arrived = t.arrived;
    this.completed = t.completed;
    this.sent = t.linkSent;
    this.delivered = t.linkDelivered;
  }
}

export function boundS1(model: BoundModel): BoundRun {
  const { durationMs, warmupMs, sampleEveryMs, meanServiceMs } = model;
  const meanGapMs = 1000 / model.ratePerSec;
  const arrivalRng = streamFor(model.seed, 'users', 'arrival');
  const serviceRng = streamFor(model.seed, 'api', 'service');
  const queue = new EventQueue();
  const clientLatency = new LogHistogram();
  const clientInterval = new IntervalLatency(clientLatency);
  const serviceLatency = new LogHistogram();
  const serviceInterval = new IntervalLatency(serviceLatency);
  const intervals = Math.ceil(durationMs / sampleEveryMs);
  const rows = new Float64Array(intervals * ROW);
  const intervalP50P99 = new Float64Array(intervals * 4);
  const quantiles = new Float64Array(2);
  const t = new Tally(warmupMs);
  const at = new RowStart();

  // requests: arrival time and the token of its pending event, by id; ids reused
  let arrivedAtMs = new Float64Array(1024);
  let tokens = new Int32Array(1024);
  const freeIds: number[] = [];
  let nextId = 0;
  // the FIFO queue of waiting ids, a growable ring
  let waiting = new Int32Array(1024);
  let head = 0;
  let token = 0;
  let row = 0;
  let nextSampleMs = sampleEveryMs;

  queue.push(-meanGapMs * Math.log(1 - arrivalRng.next()), ARRIVAL, 0, 0);
  for (;;) {
    const nowMs = queue.peekTimeMs();
    if (nowMs >= nextSampleMs && nextSampleMs <= durationMs) {
      // the interval's series row
      const base = row * ROW;
      rows[base] = t.generated - at.generated;
      rows[base + 1] = t.succeeded - at.succeeded;
      rows[base + 2] = t.inFlight;
      clientInterval.takeQuantiles(quantiles);
      rows[base + 3] = intervalP50P99[row * 4] = quantiles[0];
      rows[base + 4] = intervalP50P99[row * 4 + 1] = quantiles[1];
      rows[base + 5] = t.arrived - at.arrived;
      rows[base + 6] = t.completed - at.completed;
      rows[base + 7] = t.queued;
      rows[base + 8] = t.inService;
      serviceInterval.takeQuantiles(quantiles);
      rows[base + 9] = intervalP50P99[row * 4 + 2] = quantiles[0];
      rows[base + 10] = intervalP50P99[row * 4 + 3] = quantiles[1];
      rows[base + 11] = t.linkSent - at.sent;
      rows[base + 12] = t.linkDelivered - at.delivered;
      at.takeFrom(t);
      row++;
      nextSampleMs += sampleEveryMs;
      continue;
    }
    if (nowMs >= durationMs) break;
    queue.pop();
    t.events++;
    const measured = nowMs >= warmupMs;
    let startId = -1; // a request that takes the worker now
    if (queue.poppedCode === ARRIVAL) {
      queue.push(nowMs + -meanGapMs * Math.log(1 - arrivalRng.next()), ARRIVAL, 0, 0);
      t.generated++;
      t.inFlight++;
      t.linkSent++; // over the link, delivered at once (no latency)
      t.linkDelivered++;
      let id = freeIds.pop();
      if (id === undefined) {
        id = nextId++;
        if (id === arrivedAtMs.length) {
          const times = new Float64Array(id * 2);
          times.set(arrivedAtMs);
          arrivedAtMs = times;
          const grown = new Int32Array(id * 2);
          grown.set(tokens);
          tokens = grown;
        }
      }
      t.touch(nowMs);
      t.arrived++;
      if (measured) t.arrivedMeasured++;
      arrivedAtMs[id] = nowMs;
      if (t.inService < 1) startId = id;
      else {
        if (measured) t.waitedMeasured++;
        if (t.queued === waiting.length) {
          const grown = new Int32Array(t.queued * 2);
          for (let i = 0; i < t.queued; i++) grown[i] = waiting[(head + i) & (waiting.length - 1)];
          waiting = grown;
          head = 0;
        }
        waiting[(head + t.queued) & (waiting.length - 1)] = id;
        t.queued++;
      }
    } else {
      const id = queue.poppedA;
      if (tokens[id] !== queue.poppedB) continue;
      t.touch(nowMs);
      t.inService--;
      t.completed++;
      serviceInterval.record(nowMs - arrivedAtMs[id], measured);
      if (t.queued > 0) {
        startId = waiting[head];
        head = (head + 1) & (waiting.length - 1);
        t.queued--;
      }
      t.linkSent++; // the answer, back over the link
      t.linkDelivered++;
      t.inFlight--;
      t.succeeded++;
      clientInterval.record(nowMs - arrivedAtMs[id], measured);
      tokens[id] = ++token;
      freeIds.push(id);
    }
    if (startId >= 0) {
      t.inService++;
      tokens[startId] = ++token;
      queue.push(nowMs + -meanServiceMs * Math.log(1 - serviceRng.next()), SERVICE_DONE, startId, token);
    }
  }
  t.touch(durationMs);
  clientInterval.flush();
  serviceInterval.flush();
  const perMs = 1 / (durationMs - warmupMs); // as the engine's summary divides
  return {
    events: t.events,
    generated: t.generated,
    succeeded: t.succeeded,
    clientLatency,
    arrived: t.arrived,
    completed: t.completed,
    queued: t.queued,
    inService: t.inService,
    serviceLatency,
    meanQueueLength: t.queueIntegral * perMs,
    meanInSystem: t.systemIntegral * perMs,
    utilization: (t.systemIntegral - t.queueIntegral) / t.workerIntegral,
    waitedShare: t.waitedMeasured / t.arrivedMeasured,
    linkSent: t.linkSent,
    intervalP50P99,
  };
}
