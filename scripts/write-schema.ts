/**
 * Writes the JSON Schemas in docs/ from their zod sources:
 * - docs/scenario.schema.json from src/scenario (the format's parser),
 * - docs/report.schema.json from src/cli/report-schema.ts (what `run`/`sweep --json` print).
 * Run after changing either: npx tsx scripts/write-schema.ts
 * (tests/scenario/json-schema.test.ts and tests/cli/report-schema.test.ts fail while a committed
 * file is out of date).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchemaText } from '../src/cli/report-schema';
import { scenarioJsonSchemaText } from '../src/scenario/json-schema';

for (const [file, text] of [
  ['scenario.schema.json', scenarioJsonSchemaText()],
  ['report.schema.json', reportJsonSchemaText()],
] as const) {
  const target = fileURLToPath(new URL(`../docs/${file}`, import.meta.url));
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
