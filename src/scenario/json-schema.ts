/**
 * The JSON Schema of the format, for editors (docs/scenario.schema.json, written by
 * scripts/write-schema.ts and checked to be current by tests/scenario/json-schema.test.ts).
 *
 * It is generated from the same zod pieces the parser uses; only the glue differs: here the node
 * kinds and fault actions are ordinary discriminated unions, where the parser dispatches by hand
 * for sharper messages. Checks that need the whole file (references, cycles, totals) are the
 * parser's alone.
 */
import { z } from './zod.ts';
import { fields, list } from './fields.ts';
import { headerShape, guideStepSchema, LIST_BOUNDS, FORMAT_V1, SCENARIO_SCHEMA_ID } from './header.ts';
import { NODE_SCHEMAS } from './nodes.ts';
import { linkSchema } from './links.ts';
import { FAULT_SCHEMAS } from './faults.ts';
import { DURATION_JSON } from './durations.ts';
import { DISTRIBUTION_JSON } from './distributions.ts';
import { EXPECT_JSON } from './expect.ts';
import { alertSchema, probeSchema } from './monitoring.ts';

/** `experiment` (src/scenario/experiment.ts parses it by hand): the shape, for editors. */
const VARY_JSON = {
  type: 'object',
  additionalProperties: false,
  required: ['path'],
  properties: {
    path: { type: 'string', description: 'nodes[id].field, links[id].field, faults[0].field…' },
    values: { type: 'array', minItems: 1, maxItems: 1000 },
    range: {
      type: 'object',
      additionalProperties: false,
      required: ['from', 'to', 'step'],
      properties: { from: { type: 'number' }, to: { type: 'number' }, step: { type: 'number', exclusiveMinimum: 0 } },
    },
  },
};
const EXPERIMENT_JSON = {
  type: 'object',
  description: 'A sweep: a parameter\'s values × seeds, with outcome metrics (docs/experiments.md).',
  additionalProperties: false,
  required: ['vary', 'collect'],
  properties: {
    vary: {
      ...VARY_JSON,
      properties: {
        ...VARY_JSON.properties,
        with: {
          type: 'array',
          maxItems: 10,
          items: { type: 'object', additionalProperties: false, required: ['path', 'values'], properties: { path: { type: 'string' }, values: { type: 'array', minItems: 1 } } },
        },
      },
    },
    seeds: { oneOf: [{ type: 'integer', minimum: 1, maximum: 1000 }, { type: 'array', minItems: 1, maxItems: 1000, items: { type: 'integer', minimum: 0 } }] },
    collect: { type: 'array', minItems: 1, maxItems: 50, items: { type: 'string', description: 'name(id, arguments…), e.g. "goodput(users, 30s, 60s)"' } },
  },
};

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
    probes: list(probeSchema, LIST_BOUNDS.probes).meta({ description: 'Synthetic checks (docs/format.md "Probes and alerts").' }).optional(),
    alerts: list(alertSchema, LIST_BOUNDS.alerts).meta({ description: 'Alert rules: thresholds, probe failures in a row, SLO burn rates.' }).optional(),
  });
}

export function buildScenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(documentSchema(), { io: 'input', target: 'draft-07', unrepresentable: 'any' });
  const { $schema, ...body } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: `Faultline scenario (${FORMAT_V1})`,
    description: 'A Faultline failure-sandbox scenario. Reference: docs/format.md.',
    ...body,
    properties: { ...(body.properties as Record<string, unknown>), experiment: EXPERIMENT_JSON, expect: EXPECT_JSON },
    definitions: { ...(body.definitions as Record<string, unknown> | undefined), duration: DURATION_JSON, distribution: DISTRIBUTION_JSON },
  };
}

/** The file's exact text: stable key order, two-space indent, final newline. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`;
}

/** The keywords `defaultOf` (defaults.ts) walks; `default` and `const` values are kept whole. */
const DEFAULTS_KEYWORDS = new Set(['properties', 'definitions', 'items', 'allOf', 'anyOf', 'oneOf', '$ref', 'default', 'const']);

/** The schema with only what `defaultOf` reads (no descriptions, patterns, bounds): ~1.8 KB gzipped instead of ~8. */
export function defaultsSchema(schema: unknown, isMap = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => defaultsSchema(item));
  if (typeof schema !== 'object' || schema === null) return schema;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (isMap) kept[key] = defaultsSchema(value); // a field or definition name: its schema follows
    else if (key === 'default' || key === 'const' || key === '$ref') kept[key] = value;
    else if (DEFAULTS_KEYWORDS.has(key)) kept[key] = defaultsSchema(value, key === 'properties' || key === 'definitions');
  }
  return kept;
}

/**
 * src/scenario/defaults-schema.json's exact text: the generated schema cut to what `defaultOf`
 * reads, so the format's defaults reach the canvas and the inspector without zod (issue 16).
 */
export function defaultsSchemaText(): string {
  return `${JSON.stringify(defaultsSchema(buildScenarioJsonSchema()))}\n`;
}
