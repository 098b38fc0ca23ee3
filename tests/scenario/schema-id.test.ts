/** The schemas' stable `$id`s, and the `$schema` the app writes into saved files (issue 14). */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPORT_SCHEMA_ID } from '../../src/cli/report-schema';
import { parseScenario, SCENARIO_SCHEMA_ID, withSchemaReference } from '../../src/scenario';
import { builtinScenarios } from '../../src/scenarios';

const schemaFile = (name: string) => JSON.parse(readFileSync(new URL(`../../docs/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe('schema ids', () => {
  it('the scenario and report schemas carry their v1 $id, an absolute https URL ending in v1.json', () => {
    expect(schemaFile('scenario.schema.json').$id).toBe('https://faultline.dev/schema/scenario/v1.json');
    expect(schemaFile('report.schema.json').$id).toBe('https://faultline.dev/schema/report/v1.json');
    expect([SCENARIO_SCHEMA_ID, REPORT_SCHEMA_ID].map((id) => new URL(id).pathname)).toEqual(['/schema/scenario/v1.json', '/schema/report/v1.json']);
  });

  it('both compile together in one validator, each found by its $id', () => {
    const ajv = new Ajv();
    ajv.addSchema(schemaFile('scenario.schema.json')).addSchema(schemaFile('report.schema.json'));
    const checkout = builtinScenarios.find((b) => b.id === 'checkout')!.scenario;
    expect(ajv.validate(SCENARIO_SCHEMA_ID, withSchemaReference(checkout as Record<string, unknown>))).toBe(true);
    expect(ajv.validate(REPORT_SCHEMA_ID, { format: 'faultline.report/v1' })).toBe(false);
  });
});

describe('a saved document names its schema', () => {
  it('every built-in, saved, starts with "$schema": SCENARIO_SCHEMA_ID and still parses to the same spec', () => {
    for (const { id, scenario } of builtinScenarios) {
      const saved = JSON.parse(JSON.stringify(withSchemaReference(scenario as Record<string, unknown>))) as Record<string, unknown>;
      expect(Object.keys(saved)[0], id).toBe('$schema');
      expect(saved.$schema).toBe(SCENARIO_SCHEMA_ID);
      const [before, after] = [parseScenario(scenario), parseScenario(saved)];
      expect(after.ok && before.ok && after.spec).toEqual(before.ok && before.spec);
    }
  });

  it('keeps a $schema the author chose (a local copy), and does not change the document it is given', () => {
    const doc = { format: 'faultline.scenario/v1', $schema: './schema/scenario.json', name: 'x' };
    expect(withSchemaReference(doc)).toBe(doc);
    const plain = { format: 'faultline.scenario/v1', name: 'x' };
    expect(withSchemaReference(plain)).toEqual({ $schema: SCENARIO_SCHEMA_ID, ...plain });
    expect(plain).not.toHaveProperty('$schema');
  });

  it('the parser refuses a $schema that is not a string, naming it', () => {
    const result = parseScenario({ ...withSchemaReference({ format: 'faultline.scenario/v1', name: 'x', nodes: [] }), $schema: 7 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('$schema');
  });
});
