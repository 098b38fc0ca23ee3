/**
 * The registry of node kinds: which schema reads each kind. Adding a kind means a schema file and
 * a line here.
 */
import type { NodeSpec } from '../engine/spec';
import type { z } from './zod';
import { describeValue, isPlainObject, parseWith, type IssueLog, type Path } from './errors';
import { clientSchema } from './client';
import { databaseSchema, externalSchema, serviceSchema } from './station';
import { balancerSchema } from './balancer';
import { cacheSchema } from './cache';
import { identitySchema } from './identity';
import { keysetSchema } from './keyset';
import { didYouMean } from './suggest';

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

export type NodeKind = keyof typeof NODE_SCHEMAS;
export const NODE_KINDS = Object.keys(NODE_SCHEMAS) as NodeKind[];

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
