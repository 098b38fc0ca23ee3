// Every built-in's report, hashed: the proof that a refactor or a speed change changed nothing.
// `node --import tsx tests/golden/golden-reports.ts --write` records the hashes of the current
// commit; tests/golden/golden-reports.test.ts checks them.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { runToEnd } from '../../src/engine';
import { parseScenario } from '../../src/scenario';
import { builtinScenarios } from '../../src/scenarios';
import { evaluateExpect } from '../../src/expect';

export const GOLDEN_FILE = new URL('./golden-reports.json', import.meta.url);

/**
 * A built-in's report (wallMs is 0: no clock is passed) and, last, its `expect` section when the
 * built-in has an expect list — as `faultline run --json` prints them after its header.
 */
export function goldenReport(id: string): object {
  const builtin = builtinScenarios.find((b) => b.id === id);
  if (!builtin) throw new Error(`no built-in ${id}`);
  const parsed = parseScenario(structuredClone(builtin.scenario));
  if (!parsed.ok) throw new Error(`${id}: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const report = runToEnd(parsed.spec);
  return parsed.expect === undefined ? report : { ...report, expect: evaluateExpect(report, parsed.expect) };
}

/** sha256 of a built-in's report JSON (goldenReport). */
export function reportHash(id: string): string {
  return createHash('sha256').update(JSON.stringify(goldenReport(id))).digest('hex');
}

if (process.argv.includes('--write')) {
  const hashes: Record<string, string> = {};
  for (const b of builtinScenarios) hashes[b.id] = reportHash(b.id);
  writeFileSync(GOLDEN_FILE, JSON.stringify(hashes, null, 2) + '\n');
  console.log(`wrote ${Object.keys(hashes).length} hashes`);
}
