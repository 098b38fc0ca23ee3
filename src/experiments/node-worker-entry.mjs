// A sweep's worker thread (node-pool.ts). Node cannot load TypeScript by itself and a Worker's
// execArgv does not take `--import`, so register tsx's loader here, then run the TypeScript.
import { register } from 'tsx/esm/api';

register();
await import('./node-worker.ts');
