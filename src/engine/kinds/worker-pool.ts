import { CallDeque } from '../call.ts';
import { REASON_COUNT } from '../reasons.ts';
import type { QueueSpec } from '../spec.ts';

/** Workers and the queue in front of them: a service's own pool, or one of its bulkheads. */
export class WorkerPool {
  readonly name: string;
  workers: number;
  readonly queueSpec: QueueSpec;
  readonly queue = new CallDeque();
  inService = 0;
  readonly dropped = new Float64Array(REASON_COUNT);

  constructor(name: string, workers: number, queue: QueueSpec) {
    this.name = name;
    this.workers = workers;
    this.queueSpec = { ...queue };
  }

  get hasFreeWorker(): boolean {
    return this.inService < this.workers;
  }

  get hasQueueRoom(): boolean {
    return this.queue.length < this.queueSpec.capacity;
  }
}
