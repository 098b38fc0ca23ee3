import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/engine/event-queue';
import { RandomStream } from '../../src/engine/random';

describe('EventQueue', () => {
  it('pops events in time order, and events at equal times in the order they were pushed', () => {
    const q = new EventQueue(4); // small, so it must grow
    const rng = new RandomStream(1, 'heap');
    const pushed: { t: number; n: number }[] = [];
    for (let n = 0; n < 5000; n++) {
      const t = Math.floor(rng.next() * 50); // many ties
      pushed.push({ t, n });
      q.push(t, 1, n, 0);
    }
    const expected = [...pushed].sort((a, b) => a.t - b.t || a.n - b.n).map((e) => e.n);
    const popped: number[] = [];
    while (q.size > 0) {
      q.pop();
      popped.push(q.poppedA);
    }
    expect(popped).toEqual(expected);
  });

  it('interleaves pushes and pops correctly', () => {
    const q = new EventQueue(2);
    q.push(5, 1, 5, 0);
    q.push(1, 1, 1, 0);
    q.pop();
    expect(q.poppedTimeMs).toBe(1);
    q.push(3, 2, 3, 7);
    q.push(3, 3, 4, 8);
    expect(q.peekTimeMs()).toBe(3);
    q.pop();
    expect([q.poppedCode, q.poppedA, q.poppedB]).toEqual([2, 3, 7]);
    q.pop();
    expect([q.poppedCode, q.poppedA, q.poppedB]).toEqual([3, 4, 8]);
    q.pop();
    expect(q.poppedTimeMs).toBe(5);
    expect(q.size).toBe(0);
    expect(q.peekTimeMs()).toBe(Infinity);
  });

  it('pushes and pops interleaved give what a sorted list gives, payloads included, as the heap grows and its slots are reused', () => {
    const q = new EventQueue(2);
    const rng = new RandomStream(16, 'heap-interleaved');
    const pending: { t: number; seq: number; code: number; a: number; b: number }[] = [];
    let seq = 0;
    let nowMs = 0;
    for (let step = 0; step < 60_000; step++) {
      // phases of growth and drain, so slots are freed and taken again at every size
      const pushShare = Math.floor(step / 5000) % 2 === 0 ? 0.6 : 0.4;
      if (pending.length === 0 || rng.next() < pushShare) {
        const t = nowMs + Math.floor(rng.next() * 20); // ties at equal times
        const e = { t, seq: seq++, code: step % 9, a: step, b: 1_000_000 - step };
        pending.push(e);
        q.push(e.t, e.code, e.a, e.b);
      } else {
        pending.sort((x, y) => x.t - y.t || x.seq - y.seq);
        const e = pending.shift()!;
        q.pop();
        expect([q.poppedTimeMs, q.poppedSeq, q.poppedCode, q.poppedA, q.poppedB]).toEqual([e.t, e.seq, e.code, e.a, e.b]);
        nowMs = e.t;
      }
      expect(q.size).toBe(pending.length);
      // the root holds Infinity when the queue is empty (peekTimeMs is one load, no branch)
      expect(q.peekTimeMs()).toBe(pending.length === 0 ? Infinity : Math.min(...pending.map((e) => e.t)));
    }
  });

  it('an emptied or cleared queue peeks Infinity, and the next push is the earliest again', () => {
    const q = new EventQueue(2);
    expect(q.peekTimeMs()).toBe(Infinity);
    for (const t of [4, 2, 9]) q.push(t, 1, t, 0); // grows past its two slots
    q.clear();
    expect(q.peekTimeMs()).toBe(Infinity);
    q.push(7, 1, 7, 0);
    expect(q.peekTimeMs()).toBe(7);
    q.pop();
    expect(q.peekTimeMs()).toBe(Infinity);
    q.push(0, 1, 0, 0);
    expect(q.peekTimeMs()).toBe(0);
  });
});
