import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FILE, reportHash } from './golden-reports';

// Recorded at the commit before the engine's hardening and refactors; a change that alters any
// built-in's report on purpose must say so in its commit and re-record with `--write`.
const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, string>;

describe('every built-in report is bit-identical to the recorded one', () => {
  for (const [id, hash] of Object.entries(golden)) {
    it(id, () => expect(reportHash(id)).toBe(hash));
  }
});
