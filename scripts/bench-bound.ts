/**
 * The bound for `npm run bench`: S1 written by hand as one loop — the same model, the same random
 * streams and the same bookkeeping as the engine's S1 report (a client's counts and latencies, the
 * service's counts, time integrals and latencies, the link's counts in both directions, and each
 * interval's series row with its p50 and p99), kept in the engine's own structures (its event
 * queue, random streams and latency histograms) but without its general machinery: no call chain,
 * steps, transport, kinds or dispatch. tests/unit/bench-bound.test.ts checks that it gets the
 * engine's numbers, so it does the work S1's report needs and no more.
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

/** A side's counts and latency summary, as the engine's report gives them. */
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

export function boundS1(model: BoundModel): BoundRun {
  const { durationMs, warmupMs, sampleEveryMs } = model;
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

  // requests: arrival time, start of service and the token of its pending event, by id; ids reused
  let arrivedAtMs = new Float64Array(1024);
  let tokens = new Int32Array(1024);
  const freeIds: number[] = [];
  let nextId = 0;
  // the FIFO queue of waiting ids, a growable ring
  let waiting = new Int32Array(1024);
  let head = 0;
  let token = 0;

  let events = 0;
  let generated = 0;
  let succeeded = 0;
  let inFlight = 0;
  let arrived = 0;
  let completed = 0;
  let queued = 0;
  let inService = 0;
  let arrivedMeasured = 0;
  let waitedMeasured = 0;
  let lastChangeMs = 0;
  let queueIntegral = 0;
  let systemIntegral = 0;
  let workerIntegral = 0;
  let linkSent = 0;
  let linkDelivered = 0;
  let row = 0;
  let nextSampleMs = sampleEveryMs;
  let at = { generated: 0, succeeded: 0, arrived: 0, completed: 0, sent: 0, delivered: 0 };

  const touch = (nowMs: number): void => {
    const from = Math.max(lastChangeMs, warmupMs);
    if (nowMs > from) {
      const dt = nowMs - from;
      queueIntegral += queued * dt;
      systemIntegral += (queued + inService) * dt;
      workerIntegral += dt; // one worker
    }
    lastChangeMs = nowMs;
  };
  const begin = (id: number, nowMs: number): void => {
    inService++;
    tokens[id] = ++token;
    queue.push(nowMs + -model.meanServiceMs * Math.log(1 - serviceRng.next()), SERVICE_DONE, id, token);
  };
  const closeInterval = (): void => {
    const base = row * ROW;
    rows[base] = generated - at.generated;
    rows[base + 1] = succeeded - at.succeeded;
    rows[base + 2] = inFlight;
    clientInterval.takeQuantiles(quantiles);
    rows[base + 3] = intervalP50P99[row * 4] = quantiles[0];
    rows[base + 4] = intervalP50P99[row * 4 + 1] = quantiles[1];
    rows[base + 5] = arrived - at.arrived;
    rows[base + 6] = completed - at.completed;
    rows[base + 7] = queued;
    rows[base + 8] = inService;
    serviceInterval.takeQuantiles(quantiles);
    rows[base + 9] = intervalP50P99[row * 4 + 2] = quantiles[0];
    rows[base + 10] = intervalP50P99[row * 4 + 3] = quantiles[1];
    rows[base + 11] = linkSent - at.sent;
    rows[base + 12] = linkDelivered - at.delivered;
    at = { generated, succeeded, arrived, completed, sent: linkSent, delivered: linkDelivered };
    row++;
    nextSampleMs += sampleEveryMs;
  };

  queue.push(-meanGapMs * Math.log(1 - arrivalRng.next()), ARRIVAL, 0, 0);
  for (;;) {
    const nowMs = queue.peekTimeMs();
    if (nowMs >= nextSampleMs && nextSampleMs <= durationMs) {
      closeInterval();
      continue;
    }
    if (nowMs >= durationMs) break;
    queue.pop();
    events++;
    const measured = nowMs >= warmupMs;
    if (queue.poppedCode === ARRIVAL) {
      queue.push(nowMs + -meanGapMs * Math.log(1 - arrivalRng.next()), ARRIVAL, 0, 0);
      generated++;
      inFlight++;
      linkSent++; // over the link, delivered at once (no latency)
      linkDelivered++;
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
      touch(nowMs);
      arrived++;
      if (measured) arrivedMeasured++;
      arrivedAtMs[id] = nowMs;
      if (inService < 1) begin(id, nowMs);
      else {
        if (measured) waitedMeasured++;
        if (queued === waiting.length) {
          const grown = new Int32Array(queued * 2);
          for (let i = 0; i < queued; i++) grown[i] = waiting[(head + i) & (waiting.length - 1)];
          waiting = grown;
          head = 0;
        }
        waiting[(head + queued) & (waiting.length - 1)] = id;
        queued++;
      }
    } else {
      const id = queue.poppedA;
      if (tokens[id] !== queue.poppedB) continue;
      touch(nowMs);
      inService--;
      completed++;
      const sojournMs = nowMs - arrivedAtMs[id];
      serviceInterval.record(sojournMs, measured);
      if (queued > 0) {
        const next = waiting[head];
        head = (head + 1) & (waiting.length - 1);
        queued--;
        begin(next, nowMs);
      }
      linkSent++; // the answer, back over the link
      linkDelivered++;
      inFlight--;
      succeeded++;
      clientInterval.record(nowMs - arrivedAtMs[id], measured);
      tokens[id] = ++token;
      freeIds.push(id);
    }
  }
  touch(durationMs);
  clientInterval.flush();
  serviceInterval.flush();
  const perMs = 1 / (durationMs - warmupMs); // as the engine's summary divides
  return {
    events,
    generated,
    succeeded,
    clientLatency,
    arrived,
    completed,
    queued,
    inService,
    serviceLatency,
    meanQueueLength: queueIntegral * perMs,
    meanInSystem: systemIntegral * perMs,
    utilization: (systemIntegral - queueIntegral) / workerIntegral,
    waitedShare: waitedMeasured / arrivedMeasured,
    linkSent,
    intervalP50P99,
  };
}
