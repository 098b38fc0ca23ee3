/**
 * The `unit` project shares one module graph between the files a worker runs (vitest.config.ts,
 * `isolate: false`), so a file that changed a module's data in place would hand the change to
 * every file after it. The built-in scenarios are the data most files read: this setup file
 * (run before each file) fails the file that leaves any of them different from how it found them.
 */
import { afterAll, expect } from 'vitest';
import { builtinScenarios } from '../../src/scenarios/index.ts';

const before = new Map(builtinScenarios.map((builtin) => [builtin.id, JSON.stringify(builtin)]));

afterAll(() => {
  const changed = builtinScenarios.filter((builtin) => before.get(builtin.id) !== JSON.stringify(builtin)).map((builtin) => builtin.id);
  const added = builtinScenarios.length - before.size;
  expect({ changed, added }, 'built-ins changed in place: clone before editing, or isolate this file (vitest.config.ts)').toEqual({ changed: [], added: 0 });
});
