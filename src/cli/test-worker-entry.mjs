// A `faultline test` worker thread (test-command.ts). As for the sweep's (src/experiments/
// node-worker-entry.mjs): register tsx's loader, then run the TypeScript. The packed CLI runs the
// bundled test-worker-entry.mjs in dist/cli/ instead (scripts/build-cli.ts).
import { register } from 'tsx/esm/api';

register();
await import('./test-worker.ts');
