import { defineConfig } from 'vitest/config';
import { SlowestFirstSequencer } from './tests/support/slow-first-sequencer.ts';

// Browser tests: headless Debian chromium driven by playwright-core against a production build
// served by `vite preview` (tests/e2e/global-setup.ts builds once and serves it to both groups,
// and starts the one Chromium every file connects to).
//
// Most files wait on the page far more than they compute (the suite kept two cores 40% busy one
// file at a time), so they run two at a time (three measured no faster: 512 s against 490 s on
// this machine). Files that measure wall-clock time (a story's pace, a frozen tab, the clock's
// rate, a pool's progress) run afterwards, one at a time, on a machine nobody else is using: a
// Chromium beside them would measure the neighbour, not the code.
const TIMED = [
  'tests/e2e/story.e2e.ts',
  'tests/e2e/identity-state.e2e.ts',
  'tests/e2e/editor-tokens.e2e.ts',
  'tests/e2e/guide.e2e.ts',
  'tests/e2e/hostile-input.e2e.ts',
  'tests/e2e/hostile-panels.e2e.ts',
  'tests/e2e/run-controls.e2e.ts',
  'tests/e2e/experiments.e2e.ts',
];

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    // the slowest files first, so the two lanes end together (tests/support/slow-first-sequencer.ts)
    sequence: { sequencer: SlowestFirstSequencer },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          exclude: TIMED,
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e-timed',
          include: TIMED,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
