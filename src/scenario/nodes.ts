/**
 * The registry of node kinds: which schema reads each kind. Adding a kind means a schema file and
 * a line here.
 */
import type { NodeSpec } from '../engine/index.ts';
import type { z } from './zod.ts';
import { describeValue, isPlainObject, parseWith, type IssueLog, type Path } from './errors.ts';
import { clientSchema } from './client.ts';
import { databaseSchema, externalSchema, serviceSchema } from './station.ts';
import { balancerSchema } from './balancer.ts';
import { cacheSchema } from './cache.ts';
import { identitySchema } from './identity.ts';
import { keysetSchema } from './keyset.ts';
import { didYouMean } from './suggest.ts';
import { NODE_KINDS, type NodeKind } from './node-kinds.ts';

export const NODE_SCHEMAS = {
  client: clientSchema,
  service: serviceSchema,
  database: databaseSchema,
  external: externalSchema,
  balancer: balancerSchema,
  cache: cacheSchema,
  identity: identitySchema,
  keyset: keysetSchema,
} as const satisfies Record<NodeSpec['kind'], z.ZodType<NodeSpec>>;

export { NODE_KINDS, type NodeKind } from './node-kinds.ts';

const KINDS_TEXT = NODE_KINDS.join(', ');

/** Reads one entry of `nodes`; logs its problems under `path`. */
export function parseNode(raw: unknown, path: Path, log: IssueLog): NodeSpec | undefined {
  if (!isPlainObject(raw)) {
    log.error(path, `expected a node object ({ "id": …, "kind": … }), got ${describeValue(raw)}`);
    return undefined;
  }
  const kind = raw.kind;
  if (typeof kind === 'string' && Object.hasOwn(NODE_SCHEMAS, kind)) {
    const schema: z.ZodType<NodeSpec> = NODE_SCHEMAS[kind as NodeKind];
    return parseWith(schema, raw, path, log);
  }
  if (kind === undefined) {
    log.error([...path, 'kind'], `required field is missing; expected one of ${KINDS_TEXT}`);
  } else {
    const hint = typeof kind === 'string' ? didYouMean(kind, NODE_KINDS) : '';
    log.error([...path, 'kind'], `unknown kind ${describeValue(kind)}${hint || ` (expected one of ${KINDS_TEXT})`}`);
  }
  return undefined;
}
