/**
 * The JSON Schema of the format, for editors (docs/scenario.schema.json, written by
 * scripts/write-schema.ts and checked to be current by tests/scenario/json-schema.test.ts).
 *
 * It is generated from the same zod pieces the parser uses; only the glue differs: here the node
 * kinds and fault actions are ordinary discriminated unions, where the parser dispatches by hand
 * for sharper messages. Checks that need the whole file (references, cycles, totals) are the
 * parser's alone.
 */
import { z } from './zod';
import { fields, list } from './fields';
import { headerShape, guideStepSchema, LIST_BOUNDS, FORMAT_V1 } from './header';
import { NODE_SCHEMAS } from './nodes';
import { linkSchema } from './links';
import { FAULT_SCHEMAS } from './faults';
import { DURATION_JSON } from './durations';
import { DISTRIBUTION_JSON } from './distributions';

function documentSchema() {
  const { client, service, database, external, balancer, cache, identity, keyset } = NODE_SCHEMAS;
  // every fault schema has a literal `action`; the cast only restores what TypeScript loses in Object.values
  const faults = Object.values(FAULT_SCHEMAS) as unknown as [typeof FAULT_SCHEMAS.down, ...(typeof FAULT_SCHEMAS.down)[]];
  return fields({
    ...headerShape,
    nodes: list(z.discriminatedUnion('kind', [client, service, database, external, balancer, cache, identity, keyset]), LIST_BOUNDS.nodes),
    links: list(linkSchema, LIST_BOUNDS.links).prefault([]),
    faults: list(z.discriminatedUnion('action', faults), LIST_BOUNDS.faults).prefault([]),
    guide: list(guideStepSchema, LIST_BOUNDS.guide).prefault([]),
  });
}

export function buildScenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(documentSchema(), { io: 'input', target: 'draft-07', unrepresentable: 'any' });
  const { $schema, ...body } = generated;
  return {
    $schema,
    title: `Faultline scenario (${FORMAT_V1})`,
    description: 'A Faultline failure-sandbox scenario. Reference: docs/format.md.',
    ...body,
    definitions: { ...(body.definitions as Record<string, unknown> | undefined), duration: DURATION_JSON, distribution: DISTRIBUTION_JSON },
  };
}

/** The file's exact text: stable key order, two-space indent, final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
}
