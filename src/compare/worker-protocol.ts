/** What the page and a compare worker (workers/compare.worker.ts) say to each other. */
import type { RunReport } from '../engine/index.ts';

export interface CompareWorkerRequest {
  doc: Record<string, unknown>;
}

export type CompareWorkerReply =
  | { kind: 'progress'; simulatedMs: number; totalMs: number }
  | { kind: 'done'; report: RunReport }
  | { kind: 'invalid'; errors: string[] }
  | { kind: 'failed'; message: string };
