/**
 * Every default of the format, read from the one place that declares it: the zod schemas
 * (`.prefault(...)`), through the JSON Schema generated from them — committed as
 * defaults-schema.json (that schema cut to the keywords read here, by scripts/write-schema.ts;
 * tests/scenario/json-schema.test.ts fails while it is out of date). Read from the file rather
 * than built at run time, so this stays zod-free: the canvas's card summaries in the embed's live
 * stage ask here without carrying the parser (issue 16). The inspector's placeholders and the
 * canvas summaries ask here instead of retyping "10s" or "unbounded".
 */
import generatedSchema from './defaults-schema.json';
import type { NodeKind } from './node-kinds.ts';
import { CLOSED_LOOP_DEFAULTS } from './default-values.ts';

/** Whose field: a node of a kind, a link, or the scenario itself. */
export type DefaultsOwner = NodeKind | 'link' | 'scenario';
export type DefaultsPath = readonly (string | number)[];

type JsonSchema = Record<string, unknown>;

const schemaOf = (): JsonSchema => generatedSchema as JsonSchema;

function resolve(schema: JsonSchema): JsonSchema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/definitions/', '');
  return ((schemaOf().definitions as Record<string, JsonSchema>)[name] ?? {}) as JsonSchema;
}

/** The schema and its `allOf`/`anyOf`/`oneOf` branches, references followed. */
function branches(schema: JsonSchema): JsonSchema[] {
  const own = resolve(schema);
  const out = [own];
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = own[key];
    if (Array.isArray(list)) for (const item of list as JsonSchema[]) out.push(...branches(item));
  }
  return out;
}

function ownerSchema(owner: DefaultsOwner): JsonSchema | undefined {
  const root = schemaOf();
  const properties = root.properties as Record<string, JsonSchema>;
  if (owner === 'scenario') return root;
  if (owner === 'link') return (properties.links as JsonSchema).items as JsonSchema;
  const kinds = ((properties.nodes as JsonSchema).items as JsonSchema).oneOf as JsonSchema[];
  return kinds.find((k) => ((k.properties as Record<string, JsonSchema>).kind as JsonSchema).const === owner);
}

/** The sub-schema of `path` below `schema` (a number steps into a list's items). */
function step(schema: JsonSchema, segment: string | number): JsonSchema | undefined {
  for (const branch of branches(schema)) {
    if (typeof segment === 'number') {
      if (branch.items && typeof branch.items === 'object') return branch.items as JsonSchema;
    } else {
      const found = (branch.properties as Record<string, JsonSchema> | undefined)?.[segment];
      if (found) return found;
    }
  }
  return undefined;
}

function ownDefault(schema: JsonSchema): { value: unknown } | undefined {
  const withDefault = branches(schema).find((b) => Object.hasOwn(b, 'default'));
  return withDefault && { value: withDefault.default };
}

/** Top-level defaults the parser applies itself because they depend on other fields (no prefault). */
const APPLIED_BY_PARSER: Partial<Record<DefaultsOwner, Record<string, unknown>>> = { client: { think: CLOSED_LOOP_DEFAULTS.think } };

const cache = new Map<string, { value: unknown } | null>();

/**
 * The format's default for a field, in the file's own notation (`"10s"`, `1`, `null`,
 * `{ dist: "exponential", mean: "10ms" }`), or undefined when leaving the field out means
 * "none" (no timeout, no cap) rather than a value. Wrapped so a default of `null` is kept apart.
 */
export function defaultOf(owner: DefaultsOwner, path: DefaultsPath): { value: unknown } | undefined {
  const key = `${owner}:${JSON.stringify(path)}`;
  const known = cache.get(key);
  if (known !== undefined) return known ?? undefined;
  let schema = ownerSchema(owner);
  // A field may take its default from an enclosing object's (`popularity` defaults to { zipf: 1 }).
  let inherited: { value: unknown } | undefined;
  for (const segment of path) {
    schema = schema && step(schema, segment);
    const own = schema && ownDefault(schema);
    const parent = inherited?.value;
    inherited = own ?? (typeof parent === 'object' && parent !== null && Object.hasOwn(parent, segment) ? { value: (parent as Record<string, unknown>)[segment] } : undefined);
  }
  const applied = path.length === 1 ? APPLIED_BY_PARSER[owner]?.[String(path[0])] : undefined;
  if (!inherited && applied !== undefined) inherited = { value: applied };
  const found = inherited && schema ? { value: structuredClone(inherited.value) } : null;
  cache.set(key, found);
  return found ?? undefined;
}
