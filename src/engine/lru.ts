/**
 * Which keys a cache holds, in least-recently-used order, for keys 0..keys−1 and at most
 * `capacity` entries. Each entry is a slot; the caller keeps the entry's values in its own arrays
 * indexed by slot. The recency list is doubly linked through typed arrays — no object per entry,
 * nothing allocated after construction.
 */
export class LruIndex {
  readonly capacity: number;
  size = 0;
  /** Set by `insert`: the key evicted to make room, or -1. */
  evictedKey = -1;
  readonly keyOfSlot: Int32Array;
  private readonly slotOfKey: Int32Array;
  private readonly newer: Int32Array;
  private readonly older: Int32Array;
  private mostRecent = -1;
  private leastRecent = -1;
  /** Slots never used yet are `size..`; removed slots go on this stack. */
  private readonly freed: Int32Array;
  private freedCount = 0;
  private neverUsed = 0;

  constructor(keys: number, capacity: number) {
    this.capacity = Math.max(1, Math.min(keys, capacity));
    this.slotOfKey = new Int32Array(keys).fill(-1);
    this.keyOfSlot = new Int32Array(this.capacity).fill(-1);
    this.newer = new Int32Array(this.capacity);
    this.older = new Int32Array(this.capacity);
    this.freed = new Int32Array(this.capacity);
  }

  /** The key's slot, or -1 when it is not held. */
  slotOf(key: number): number {
    return this.slotOfKey[key];
  }

  /** Marks the slot most recently used. */
  touch(slot: number): void {
    if (slot === this.mostRecent) return;
    this.unlink(slot);
    this.pushMostRecent(slot);
  }

  /** Adds an absent key as the most recent entry, evicting the least recent one when full. */
  insert(key: number): number {
    let slot: number;
    this.evictedKey = -1;
    if (this.freedCount > 0) slot = this.freed[--this.freedCount];
    else if (this.neverUsed < this.capacity) slot = this.neverUsed++;
    else {
      slot = this.leastRecent;
      this.evictedKey = this.keyOfSlot[slot];
      this.slotOfKey[this.evictedKey] = -1;
      this.unlink(slot);
      this.size--;
    }
    this.keyOfSlot[slot] = key;
    this.slotOfKey[key] = slot;
    this.pushMostRecent(slot);
    this.size++;
    return slot;
  }

  remove(key: number): void {
    const slot = this.slotOfKey[key];
    if (slot < 0) return;
    this.unlink(slot);
    this.slotOfKey[key] = -1;
    this.keyOfSlot[slot] = -1;
    this.freed[this.freedCount++] = slot;
    this.size--;
  }

  /** Forgets every entry (O(entries): a flush or a crash, not the hot path). */
  clear(): void {
    for (let slot = this.mostRecent; slot >= 0; slot = this.older[slot]) {
      this.slotOfKey[this.keyOfSlot[slot]] = -1;
      this.keyOfSlot[slot] = -1;
    }
    this.mostRecent = -1;
    this.leastRecent = -1;
    this.freedCount = 0;
    this.neverUsed = 0;
    this.size = 0;
  }

  private unlink(slot: number): void {
    const newer = this.newer[slot];
    const older = this.older[slot];
    if (newer >= 0) this.older[newer] = older;
    else this.mostRecent = older;
    if (older >= 0) this.newer[older] = newer;
    else this.leastRecent = newer;
  }

  private pushMostRecent(slot: number): void {
    this.newer[slot] = -1;
    this.older[slot] = this.mostRecent;
    if (this.mostRecent >= 0) this.newer[this.mostRecent] = slot;
    else this.leastRecent = slot;
    this.mostRecent = slot;
  }
}
