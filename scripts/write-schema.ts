/**
 * Writes the JSON Schemas in docs/ from their zod sources:
 * - docs/scenario.schema.json from src/scenario (the format's parser),
 * - docs/report.schema.json from src/cli/report-schema.ts (what `run`/`sweep --json` print),
 * - src/scenario/defaults-schema.json: the scenario schema cut to what `defaultOf` reads (the
 *   format's defaults without zod, for the canvas and the inspector).
 * Run after changing either: npx tsx scripts/write-schema.ts
 * (tests/scenario/json-schema.test.ts and tests/cli/report-schema.test.ts fail while a committed
 * file is out of date).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchemaText } from '../src/cli/report-schema';
import { defaultsSchemaText, scenarioJsonSchemaText } from '../src/scenario/json-schema';

for (const [file, text] of [
  ['../docs/scenario.schema.json', scenarioJsonSchemaText()],
  ['../docs/report.schema.json', reportJsonSchemaText()],
  ['../src/scenario/defaults-schema.json', defaultsSchemaText()],
] as const) {
  const target = fileURLToPath(new URL(file, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
