import { readFileSync } from 'node:fs';

/**
 * A valid scenario that runs away: 100 users with no think time against a service with no
 * service time over a link with no latency, so every event lands at t = 0. The run guard must stop
 * it, in the worker (tests/contract), the browser (tests/e2e/hostile) and the CLI (tests/cli).
 * The document lives in the hostile corpus (tests/hostile/corpus/zero-delay-storm.json).
 */
export const ZERO_DELAY_STORM = JSON.parse(readFileSync(new URL('../hostile/corpus/zero-delay-storm.json', import.meta.url), 'utf8')) as {
  format: string;
  name: string;
  seed: number;
  duration: string;
  nodes: Record<string, unknown>[];
  links: Record<string, unknown>[];
};
