// The worker thread's entry: Node cannot load TypeScript by itself, so register tsx's loader
// first (a Worker's execArgv does not take --import), then run the TypeScript bootstrap.
import { register } from 'tsx/esm/api';

register();
await import('./worker-bootstrap.ts');
