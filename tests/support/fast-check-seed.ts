/**
 * Every property test runs from a fixed seed (vitest.config.ts loads this before each file), so
 * a run is the same on every machine; a failure prints fast-check's "seed: …, path: …" to replay
 * it. A test may still pass its own `seed`. Change FAST_CHECK_SEED to explore new cases.
 */
import fc from 'fast-check';

export const FAST_CHECK_SEED = 20261206;

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: FAST_CHECK_SEED });
