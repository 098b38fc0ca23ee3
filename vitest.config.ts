import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './tests/support/slow-first-sequencer.ts';

// Unit, validation, scenario and contract tests, in Node. Browser tests: vitest.e2e.config.ts.
//
// Two files at a time (vitest's default on a two-core machine is one). Files that bound a wall-
// clock time (the worker's answer to a pause, a story's speed, a run guard's deadline, a parse
// that must not hang) run afterwards, one at a time, so a neighbour cannot make them late.
const TIMED = [
  'tests/contract/simulation-worker.test.ts',
  'tests/contract/story-speed.test.ts',
  'tests/contract/runaway-run.test.ts',
  'tests/cli/hostile-files.test.ts',
  'tests/hostile/corpus.test.ts',
  'tests/hostile/autosave-honesty.test.ts',
  'tests/ui/markdown-bounded.test.ts',
  'tests/ui/auto-layout-long-graphs.test.ts',
  'tests/embed/issue-17-embed.test.ts',
];

// Most files share one module graph per worker (`isolate: false`): importing the engine, the
// scenario parser and zod again for every file cost ~120 s of the Node half. These rely on a
// fresh graph and keep vitest's isolation: the stores are zustand singletons that outlive a file
// (ui, share, hostile, contract, embed and own-sweep drive them), graph-store and autosave-honesty
// fake the timers, and csp.test must see zod's modules load under its stubbed `Function`.
const ISOLATED = [
  'tests/ui/**',
  'tests/contract/**',
  'tests/hostile/**',
  'tests/share/**',
  'tests/embed/**',
  'tests/scenario/csp.test.ts',
  'tests/experiments/own-sweep.test.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    // fast-check from a fixed seed everywhere (a failure prints the seed and path to replay it)
    setupFiles: ['tests/support/fast-check-seed.ts'],
    // the slowest files first, so the two lanes end together (tests/support/slow-first-sequencer.ts)
    sequence: { sequencer: SlowestFirstSequencer },
    // the CLI tests start the bundled CLI, built once per run from the working tree
    globalSetup: ['tests/support/cli-bundle-setup.ts'],
    // Validation runs simulate hundreds of thousands of requests; ~30 s each on a slow machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: [...TIMED, ...ISOLATED], isolate: false, setupFiles: ['tests/support/shared-modules-guard.ts'], maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'unit-isolated', include: ISOLATED.map((glob) => glob.endsWith('/**') ? `${glob}/*.test.ts` : glob), exclude: TIMED, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'unit-timed', include: TIMED, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
