import { Sampler } from './distributions.ts';
import { streamFor, type RandomStream } from './random.ts';
import { REASON_COUNT } from './reasons.ts';
import type { LinkDirectionSpec, LinkSpec } from './spec.ts';

/**
 * One direction of a link. With a capacity it is a single transmitter with a drop-tail buffer;
 * transmission time is exponential with mean 1/capacity (messages vary in size). Departure times
 * follow Lindley's recursion, so the transmitter needs no events of its own: the buffer holds the
 * departure times of messages not yet sent.
 */
export class LinkDirection {
  latency!: Sampler;
  latencyIsZero = true;
  capacityPerSec = Infinity;
  txMeanMs = 0;
  buffer = Infinity;
  loss = 0;
  private departures = new Float64Array(64);
  private head = 0;
  private count = 0;
  private lastDepartureMs = 0;

  sent = 0;
  delivered = 0;
  droppedTotal = 0;
  readonly dropped = new Float64Array(REASON_COUNT);
  inTransit = 0;
  busyMeasuredMs = 0;
  busyIntervalMs = 0;
  delayMeasuredMs = 0;
  deliveredMeasured = 0;
  sentAtSample = 0;
  deliveredAtSample = 0;
  droppedAtSample = 0;

  readonly latencyRng: RandomStream;
  readonly lossRng: RandomStream;
  readonly txRng: RandomStream;

  constructor(spec: LinkDirectionSpec, seed: number, key: string) {
    this.configure(spec);
    this.latencyRng = streamFor(seed, key, 'latency');
    this.lossRng = streamFor(seed, key, 'loss');
    this.txRng = streamFor(seed, key, 'transmit');
  }

  configure(spec: LinkDirectionSpec): void {
    this.latency = new Sampler(spec.latency);
    this.latencyIsZero = this.latency.isZero;
    this.capacityPerSec = spec.capacityPerSec;
    this.txMeanMs = spec.capacityPerSec === Infinity ? 0 : 1000 / spec.capacityPerSec;
    this.buffer = spec.buffer;
    this.loss = spec.loss;
  }

  get limited(): boolean {
    return this.capacityPerSec !== Infinity;
  }

  /** Messages waiting behind the one being transmitted. */
  bufferDepth(nowMs: number): number {
    this.release(nowMs);
    return this.count > 1 ? this.count - 1 : 0;
  }

  /** Takes a message into the transmitter; returns its departure time, or -1 if the buffer is full. */
  enqueue(nowMs: number, measured: boolean): number {
    this.release(nowMs);
    if (this.count >= this.buffer + 1) return -1;
    const txMs = -this.txMeanMs * Math.log(1 - this.txRng.next());
    const start = this.lastDepartureMs > nowMs ? this.lastDepartureMs : nowMs;
    const departureMs = start + txMs;
    this.lastDepartureMs = departureMs;
    if (this.count === this.departures.length) this.grow();
    this.departures[(this.head + this.count) % this.departures.length] = departureMs;
    this.count++;
    if (measured) this.busyMeasuredMs += txMs;
    this.busyIntervalMs += txMs;
    return departureMs;
  }

  /** The interval ended: its deltas start again from here. */
  markSample(): void {
    this.sentAtSample = this.sent;
    this.deliveredAtSample = this.delivered;
    this.droppedAtSample = this.droppedTotal;
    this.busyIntervalMs = 0;
  }

  drop(reason: number): void {
    this.dropped[reason]++;
    this.droppedTotal++;
  }

  /** The link went down: whatever sat in the buffer is gone (its deliveries are dropped by epoch). */
  clearBuffer(nowMs: number): void {
    this.head = 0;
    this.count = 0;
    this.lastDepartureMs = nowMs;
  }

  private release(nowMs: number): void {
    const size = this.departures.length;
    while (this.count > 0 && this.departures[this.head] <= nowMs) {
      this.head = (this.head + 1) % size;
      this.count--;
    }
  }

  private grow(): void {
    const next = new Float64Array(this.departures.length * 2);
    for (let i = 0; i < this.count; i++) next[i] = this.departures[(this.head + i) % this.departures.length];
    this.departures = next;
    this.head = 0;
  }
}

export class LinkRuntime {
  readonly index: number;
  /** The engine's own copy: live patches and degrade faults rewrite its directions. */
  readonly spec: LinkSpec;
  readonly from: number;
  readonly to: number;
  readonly forward: LinkDirection;
  readonly back: LinkDirection;
  up: boolean;
  /** Incremented when the link goes down: messages sent under an older epoch are lost. */
  epoch = 0;
  changedAtMs = -Infinity;

  constructor(index: number, spec: LinkSpec, from: number, to: number, seed: number) {
    this.index = index;
    this.spec = { ...spec };
    this.from = from;
    this.to = to;
    this.forward = new LinkDirection(spec.forward, seed, `${spec.id}>`);
    this.back = new LinkDirection(spec.back, seed, `${spec.id}<`);
    this.up = spec.up;
  }

  /** What senders believe: a change is noticed `detectAfterMs` after it happens. */
  seenUp(nowMs: number): boolean {
    return nowMs - this.changedAtMs >= this.spec.detectAfterMs ? this.up : !this.up;
  }

  setUp(up: boolean, nowMs: number): void {
    if (up === this.up) return;
    this.up = up;
    this.changedAtMs = nowMs;
    if (!up) {
      this.epoch++;
      this.forward.clearBuffer(nowMs);
      this.back.clearBuffer(nowMs);
    }
  }
}

/** The parallel links from one node to another, and how the sender picks among them. */
export class Route {
  readonly links: LinkRuntime[];
  private readonly spread: boolean;
  private readonly rng: RandomStream;

  constructor(links: LinkRuntime[], seed: number) {
    this.links = links;
    this.spread = links[0].spec.routing === 'spread';
    this.rng = streamFor(seed, `${links[0].spec.from}>${links[0].spec.to}`, 'route');
  }

  /** The link to send on, or null when every link is believed down. */
  pick(nowMs: number): LinkRuntime | null {
    const links = this.links;
    if (links.length === 1) return links[0].seenUp(nowMs) ? links[0] : null;
    return this.spread ? this.pickSpread(nowMs) : this.pickFailover(nowMs);
  }

  private pickFailover(nowMs: number): LinkRuntime | null {
    let best: LinkRuntime | null = null;
    for (const link of this.links) {
      if (link.seenUp(nowMs) && (best === null || link.spec.priority < best.spec.priority)) best = link;
    }
    return best;
  }

  private pickSpread(nowMs: number): LinkRuntime | null {
    let total = 0;
    for (const link of this.links) if (link.seenUp(nowMs)) total += link.spec.weight;
    if (total === 0) return null;
    let r = this.rng.next() * total;
    let last: LinkRuntime | null = null;
    for (const link of this.links) {
      if (!link.seenUp(nowMs)) continue;
      last = link;
      r -= link.spec.weight;
      if (r < 0) return link;
    }
    return last;
  }
}
