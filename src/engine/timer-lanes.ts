import type { EventQueue } from './event-queue.ts';

/**
 * Timers whose delay is the same every time (one call step's timeout, one client's deadline) fire
 * in the order they were set. Each such delay gets a FIFO lane, and only a lane's head sits in the
 * event heap, under the sequence number it was given when set, so ordering is exactly as if every
 * timer were in the heap. Most timeouts are cancelled before they fire; a cancelled one is dropped
 * in O(1) when it reaches its lane's head instead of costing a heap pop.
 */
export class TimerLanes {
  private readonly lanes: Lane[] = [];
  private readonly laneByDelay = new Map<number, number>();
  /** Timers in all lanes, cancelled ones included until they reach a head (the run guard reads it). */
  pending = 0;

  constructor(
    private readonly queue: EventQueue,
    /** The heap code under which lane heads are scheduled. */
    private readonly laneCode: number,
    /** True when a timer (code, a, b) no longer matters: its call moved on. */
    private readonly isStale: (code: number, a: number, b: number) => boolean,
  ) {}

  laneFor(delayMs: number): number {
    let lane = this.laneByDelay.get(delayMs);
    if (lane === undefined) {
      lane = this.lanes.length;
      this.lanes.push(new Lane(delayMs));
      this.laneByDelay.set(delayMs, lane);
    }
    return lane;
  }

  set(lane: number, timeMs: number, code: number, a: number, b: number): void {
    const l = this.lanes[lane];
    const seq = this.queue.reserveSeq();
    l.append(timeMs, seq, code, a, b);
    this.pending++;
    if (l.length === 1) this.queue.pushWithSeq(timeMs, seq, this.laneCode, lane, 0);
  }

  /**
   * The head of `lane` fired: returns its timer in `fired*` and schedules the next live head.
   * Returns false if the head turned stale after it was scheduled.
   */
  fire(lane: number): boolean {
    const l = this.lanes[lane];
    this.firedCode = l.headCode();
    this.firedA = l.headA();
    this.firedB = l.headB();
    const before = l.length;
    l.shift();
    while (l.length > 0 && this.isStale(l.headCode(), l.headA(), l.headB())) l.shift();
    this.pending -= before - l.length;
    if (l.length > 0) this.queue.pushWithSeq(l.headTime(), l.headSeq(), this.laneCode, lane, 0);
    return !this.isStale(this.firedCode, this.firedA, this.firedB);
  }

  firedCode = 0;
  firedA = 0;
  firedB = 0;

  /** The lane holding the most timers (for the run guard's message), or null when none holds any. */
  longestLane(): { delayMs: number; length: number } | null {
    let best: Lane | null = null;
    for (const lane of this.lanes) if (lane.length > 0 && (best === null || lane.length > best.length)) best = lane;
    return best === null ? null : { delayMs: best.delayMs, length: best.length };
  }
}

/** A growable ring of timers: times and sequence numbers as floats, code/a/b as ints. */
class Lane {
  constructor(readonly delayMs: number) {}
  private keys = new Float64Array(2 * 64);
  private payload = new Int32Array(3 * 64);
  private head = 0;
  length = 0;

  append(timeMs: number, seq: number, code: number, a: number, b: number): void {
    if (this.length * 2 === this.keys.length) this.grow();
    const slot = (this.head + this.length) % (this.keys.length / 2);
    this.keys[slot * 2] = timeMs;
    this.keys[slot * 2 + 1] = seq;
    this.payload[slot * 3] = code;
    this.payload[slot * 3 + 1] = a;
    this.payload[slot * 3 + 2] = b;
    this.length++;
  }

  shift(): void {
    this.head = (this.head + 1) % (this.keys.length / 2);
    this.length--;
  }

  headTime(): number {
    return this.keys[this.head * 2];
  }
  headSeq(): number {
    return this.keys[this.head * 2 + 1];
  }
  headCode(): number {
    return this.payload[this.head * 3];
  }
  headA(): number {
    return this.payload[this.head * 3 + 1];
  }
  headB(): number {
    return this.payload[this.head * 3 + 2];
  }

  private grow(): void {
    const capacity = this.keys.length / 2;
    const keys = new Float64Array(capacity * 4);
    const payload = new Int32Array(capacity * 6);
    for (let i = 0; i < this.length; i++) {
      const from = (this.head + i) % capacity;
      keys[i * 2] = this.keys[from * 2];
      keys[i * 2 + 1] = this.keys[from * 2 + 1];
      payload[i * 3] = this.payload[from * 3];
      payload[i * 3 + 1] = this.payload[from * 3 + 1];
      payload[i * 3 + 2] = this.payload[from * 3 + 2];
    }
    this.keys = keys;
    this.payload = payload;
    this.head = 0;
  }
}
