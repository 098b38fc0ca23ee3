/**
 * The ceiling for `npm run bench`: the least an event loop can do for S1's M/M/1 queue — Poisson
 * arrivals, one worker, exponential service, an unbounded FIFO queue — written as a plain loop over
 * typed arrays. A binary heap of (time, kind) for the future events, a ring of arrival times for
 * the queue, an inlined sfc32 for the draws, and the mean time in system as its only statistic.
 * No graph, no links, no calls, no series, no report: Faultline's S1 does all of that on top, so
 * the ratio between the two says what the general machinery costs on the simplest model.
 */

const ARRIVAL = 0;
const DEPARTURE = 1;

export interface CeilingRun {
  events: number;
  requests: number;
  /** Mean time in system (ms) of the requests that departed: checked against 1/(μ−λ). */
  meanSojournMs: number;
}

/** Runs the M/M/1 loop for `durationMs` of simulated time at `ratePerSec` and `meanServiceMs`. */
export function ceilingMM1(ratePerSec: number, meanServiceMs: number, durationMs: number, seed = 1): CeilingRun {
  const meanGapMs = 1000 / ratePerSec;
  // sfc32, seeded by splitmix-style mixing of the seed (any fixed start will do here)
  let a = (seed * 0x9e3779b9) | 0;
  let b = (a ^ 0x85ebca6b) | 0;
  let c = (b * 0xc2b2ae35) | 0;
  let d = 1;
  const uniform = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) uniform();

  // The future event list: a binary min-heap on time, in typed arrays.
  let heapTimes = new Float64Array(16);
  let heapKinds = new Int32Array(16);
  let size = 0;
  const push = (timeMs: number, kind: number): void => {
    if (size === heapTimes.length) {
      const t = new Float64Array(size * 2);
      t.set(heapTimes);
      heapTimes = t;
      const k = new Int32Array(size * 2);
      k.set(heapKinds);
      heapKinds = k;
    }
    let hole = size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (heapTimes[parent] <= timeMs) break;
      heapTimes[hole] = heapTimes[parent];
      heapKinds[hole] = heapKinds[parent];
      hole = parent;
    }
    heapTimes[hole] = timeMs;
    heapKinds[hole] = kind;
  };
  let poppedKind = 0;
  const pop = (): number => {
    const timeMs = heapTimes[0];
    poppedKind = heapKinds[0];
    const last = --size;
    const lt = heapTimes[last];
    const lk = heapKinds[last];
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      if (child + 1 < last && heapTimes[child + 1] < heapTimes[child]) child++;
      if (lt <= heapTimes[child]) break;
      heapTimes[hole] = heapTimes[child];
      heapKinds[hole] = heapKinds[child];
      hole = child;
    }
    heapTimes[hole] = lt;
    heapKinds[hole] = lk;
    return timeMs;
  };

  // The queue (in service at its head): arrival times in a growable ring.
  let ring = new Float64Array(1024);
  let head = 0;
  let inSystem = 0;

  let events = 0;
  let requests = 0;
  let departed = 0;
  let sojournMs = 0;
  push(-meanGapMs * Math.log(1 - uniform()), ARRIVAL);
  while (size > 0) {
    const nowMs = pop();
    if (nowMs >= durationMs) break;
    events++;
    if (poppedKind === ARRIVAL) {
      requests++;
      push(nowMs - meanGapMs * Math.log(1 - uniform()), ARRIVAL);
      if (inSystem === ring.length) {
        const grown = new Float64Array(ring.length * 2);
        for (let i = 0; i < inSystem; i++) grown[i] = ring[(head + i) & (ring.length - 1)];
        ring = grown;
        head = 0;
      }
      ring[(head + inSystem) & (ring.length - 1)] = nowMs;
      inSystem++;
      if (inSystem === 1) push(nowMs - meanServiceMs * Math.log(1 - uniform()), DEPARTURE);
    } else {
      sojournMs += nowMs - ring[head];
      departed++;
      head = (head + 1) & (ring.length - 1);
      inSystem--;
      if (inSystem > 0) push(nowMs - meanServiceMs * Math.log(1 - uniform()), DEPARTURE);
    }
  }
  return { events, requests, meanSojournMs: departed > 0 ? sojournMs / departed : 0 };
}
