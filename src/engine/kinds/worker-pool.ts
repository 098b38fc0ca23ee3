import { CallDeque } from '../call.ts';
import { REASON_COUNT } from '../reasons.ts';
import type { QueueSpec } from '../spec.ts';

/** Workers and the queue in front of them: a service's own pool, or one of its bulkheads. */
export class WorkerPool {
  readonly name: string;
  workers: number;
  readonly queueSpec: QueueSpec;
  /** The discipline as a flag: a string compare on every departure costs more than the rest of the check. */
  readonly lifo: boolean;
  readonly queue = new CallDeque();
  inService = 0;
  readonly dropped = new Float64Array(REASON_COUNT);

  constructor(name: string, workers: number, queue: QueueSpec) {
    this.name = name;
    this.workers = workers;
    this.queueSpec = { ...queue };
    this.lifo = queue.discipline === 'lifo';
  }

  get hasFreeWorker(): boolean {
    return this.inService < this.workers;
  }

  get hasQueueRoom(): boolean {
    return this.queue.length < this.queueSpec.capacity;
  }
}
