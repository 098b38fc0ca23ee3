/**
 * Writes docs/scenario.schema.json from the zod schemas in src/scenario.
 * Run after changing the format: npx tsx scripts/write-schema.ts
 * (tests/scenario/json-schema.test.ts fails while the committed file is out of date).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scenarioJsonSchemaText } from '../src/scenario/json-schema';

const target = fileURLToPath(new URL('../docs/scenario.schema.json', import.meta.url));
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target}`);
