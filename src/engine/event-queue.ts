/**
 * The future event list: a binary min-heap on (time, insertion sequence), so events at the same
 * simulated time run in the order they were scheduled (FIFO ties).
 *
 * The heap holds keys (time, seq) interleaved in a typed array and, per entry, the slot of its
 * payload (code, a, b); a sift moves an entry with a "hole" (one write per level instead of a
 * swap) and moves three numbers, not five: the payload stays in its slot from push to pop. No
 * object per event, nothing allocated in steady state.
 */
export class EventQueue {
  private keys: Float64Array; // [time, seq] per heap entry
  private slots: Int32Array; // per heap entry: where its payload is
  private payload: Int32Array; // [code, a, b] per slot
  private freeSlots: Int32Array; // a stack of the slots not in use
  private freeCount: number;
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
    this.slots = new Int32Array(initialCapacity);
    this.payload = new Int32Array(initialCapacity * 3);
    this.freeSlots = new Int32Array(initialCapacity);
    for (let i = 0; i < initialCapacity; i++) this.freeSlots[i] = initialCapacity - 1 - i;
    this.freeCount = initialCapacity;
    this.keys[0] = Infinity;
  }

  /**
   * The earliest event's time; Infinity when none is left. An empty queue keeps Infinity in the
   * root's time (see `pop`), so this is one load: a branch to a constant here made the hot loop
   * box the time in a new heap number on every event.
   */
  peekTimeMs(): number {
    return this.keys[0];
  }

  /** A sequence number for an event that will be pushed later (see TimerLanes). */
  reserveSeq(): number {
    return this.nextSeq++;
  }

  push(timeMs: number, code: number, a: number, b: number): void {
    this.pushWithSeq(timeMs, this.nextSeq++, code, a, b);
  }

  pushWithSeq(timeMs: number, seq: number, code: number, a: number, b: number): void {
    if (this.freeCount === 0) this.grow();
    const slot = this.freeSlots[--this.freeCount];
    const p = this.payload;
    p[slot * 3] = code;
    p[slot * 3 + 1] = a;
    p[slot * 3 + 2] = b;
    const keys = this.keys;
    const slots = this.slots;
    let hole = this.size++;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      const pt = keys[parent * 2];
      if (pt < timeMs || (pt === timeMs && keys[parent * 2 + 1] < seq)) break;
      keys[hole * 2] = pt;
      keys[hole * 2 + 1] = keys[parent * 2 + 1];
      slots[hole] = slots[parent];
      hole = parent;
    }
    keys[hole * 2] = timeMs;
    keys[hole * 2 + 1] = seq;
    slots[hole] = slot;
  }

  /** Removes the earliest event into the `popped*` fields. Call only when size > 0. */
  pop(): void {
    const keys = this.keys;
    const slots = this.slots;
    const p = this.payload;
    const top = slots[0];
    this.poppedTimeMs = keys[0];
    this.poppedSeq = keys[1];
    this.poppedCode = p[top * 3];
    this.poppedA = p[top * 3 + 1];
    this.poppedB = p[top * 3 + 2];
    this.freeSlots[this.freeCount++] = top;
    const last = --this.size;
    if (last === 0) {
      keys[0] = Infinity;
      return;
    }
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
      keys[hole * 2] = ct;
      keys[hole * 2 + 1] = keys[child * 2 + 1];
      slots[hole] = slots[child];
      hole = child;
    }
    keys[hole * 2] = lt;
    keys[hole * 2 + 1] = ls;
    slots[hole] = slots[last];
  }

  clear(): void {
    this.size = 0;
    this.keys[0] = Infinity;
    const capacity = this.slots.length;
    for (let i = 0; i < capacity; i++) this.freeSlots[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  /** Only when every slot is in use (size = capacity): twice the room, the new slots free. */
  private grow(): void {
    const capacity = this.slots.length;
    const keys = new Float64Array(capacity * 4);
    keys.set(this.keys);
    const slots = new Int32Array(capacity * 2);
    slots.set(this.slots);
    const payload = new Int32Array(capacity * 6);
    payload.set(this.payload);
    const freeSlots = new Int32Array(capacity * 2);
    for (let i = 0; i < capacity; i++) freeSlots[i] = 2 * capacity - 1 - i;
    this.keys = keys;
    this.slots = slots;
    this.payload = payload;
    this.freeSlots = freeSlots;
    this.freeCount = capacity;
  }
}
