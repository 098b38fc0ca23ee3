/**
 * The future event list: a binary min-heap on (time, insertion sequence), so events at the same
 * simulated time run in the order they were scheduled (FIFO ties).
 *
 * Entries live in two interleaved typed arrays — keys (time, seq) and payload (code, a, b) — and
 * are moved with a "hole" sift (one write per level instead of a swap): no object per event,
 * nothing allocated in steady state, and a node's fields share a cache line.
 */
export class EventQueue {
  private keys: Float64Array; // [time, seq] per entry
  private payload: Int32Array; // [code, a, b] per entry
  private nextSeq = 0;
  size = 0;

  /** Filled by `pop()`: the event just removed. */
  poppedTimeMs = 0;
  poppedSeq = 0;
  poppedCode = 0;
  poppedA = 0;
  poppedB = 0;

  constructor(initialCapacity = 1024) {
    this.keys = new Float64Array(initialCapacity * 2);
    this.payload = new Int32Array(initialCapacity * 3);
  }

  peekTimeMs(): number {
    return this.size > 0 ? this.keys[0] : Infinity;
  }

  /** A sequence number for an event that will be pushed later (see TimerLanes). */
  reserveSeq(): number {
    return this.nextSeq++;
  }

  push(timeMs: number, code: number, a: number, b: number): void {
    this.pushWithSeq(timeMs, this.nextSeq++, code, a, b);
  }

  pushWithSeq(timeMs: number, seq: number, code: number, a: number, b: number): void {
    if (this.size * 2 === this.keys.length) this.grow();
    const keys = this.keys;
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = keys[parent * 2];
      if (pt < timeMs || (pt === timeMs && keys[parent * 2 + 1] < seq)) break;
      this.move(parent, hole);
      hole = parent;
    }
    keys[hole * 2] = timeMs;
    keys[hole * 2 + 1] = seq;
    const p = this.payload;
    p[hole * 3] = code;
    p[hole * 3 + 1] = a;
    p[hole * 3 + 2] = b;
  }

  /** Removes the earliest event into the `popped*` fields. Call only when size > 0. */
  pop(): void {
    const keys = this.keys;
    const p = this.payload;
    this.poppedTimeMs = keys[0];
    this.poppedSeq = keys[1];
    this.poppedCode = p[0];
    this.poppedA = p[1];
    this.poppedB = p[2];
    const last = --this.size;
    if (last === 0) return;
    const lt = keys[last * 2];
    const ls = keys[last * 2 + 1];
    let hole = 0;
    for (;;) {
      let child = 2 * hole + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        const rt = keys[right * 2];
        const ct = keys[child * 2];
        if (rt < ct || (rt === ct && keys[right * 2 + 1] < keys[child * 2 + 1])) child = right;
      }
      const ct = keys[child * 2];
      if (lt < ct || (lt === ct && ls < keys[child * 2 + 1])) break;
      this.move(child, hole);
      hole = child;
    }
    this.move(last, hole);
  }

  clear(): void {
    this.size = 0;
  }

  private move(from: number, to: number): void {
    const keys = this.keys;
    const p = this.payload;
    keys[to * 2] = keys[from * 2];
    keys[to * 2 + 1] = keys[from * 2 + 1];
    p[to * 3] = p[from * 3];
    p[to * 3 + 1] = p[from * 3 + 1];
    p[to * 3 + 2] = p[from * 3 + 2];
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const payload = new Int32Array(this.payload.length * 2);
    payload.set(this.payload);
    this.keys = keys;
    this.payload = payload;
  }
}
