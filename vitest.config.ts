import { defineConfig } from 'vitest/config';

// Unit, validation, scenario and contract tests, in Node. Browser tests: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    // fast-check from a fixed seed everywhere (a failure prints the seed and path to replay it)
    setupFiles: ['tests/support/fast-check-seed.ts'],
    // Validation runs simulate hundreds of thousands of requests; ~30 s each on a slow machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
