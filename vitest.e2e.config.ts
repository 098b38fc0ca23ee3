import { defineConfig } from 'vitest/config';

// Browser tests: headless Debian chromium driven by playwright-core against a production build
// served by `vite preview` (tests/e2e/global-setup.ts builds once and serves it).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false, // one Chromium at a time: CI machines have two cores
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
