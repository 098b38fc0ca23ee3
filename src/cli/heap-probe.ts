/** The run guard's heap probe in Node (the CLI and the sweep's worker threads): this isolate's heap. */
import { getHeapStatistics } from 'node:v8';
import type { HeapProbe } from '../engine/index.ts';

export const nodeHeapProbe: HeapProbe = () => {
  const heap = getHeapStatistics();
  return { usedBytes: heap.used_heap_size, limitBytes: heap.heap_size_limit };
};
