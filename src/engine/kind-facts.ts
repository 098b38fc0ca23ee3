/**
 * What each node kind is, for the code that treats kinds alike — the fault table, the format's
 * reference checks, the canvas layout, compare's table, the editor's link rules: one row per kind,
 * read through `kindFacts`, instead of a string comparison in each reader. A new kind is one line
 * here (src/engine/README.md lists the rest). Plain data with no imports but types, so the
 * zod-free fault table (and the embed behind it) stays light.
 */
import type { NodeSpec } from './spec.ts';

type Kind = NodeSpec['kind'];

export interface KindFacts {
  /**
   * 'client': sends the traffic; 'server': serves requests on their path (and has a backlog worth
   * watching); 'keys': the sign-in side — signs tokens (identity) or publishes keys (keyset), with
   * a key line on its card.
   */
  role: 'client' | 'server' | 'keys';
  /** Takes `auth` (validates tokens against a key set it fetches) and so `forceRefresh` faults. */
  validatesTokens: boolean;
}

export const KIND_FACTS = {
  client: { role: 'client', validatesTokens: false },
  service: { role: 'server', validatesTokens: true },
  database: { role: 'server', validatesTokens: true },
  external: { role: 'server', validatesTokens: true },
  balancer: { role: 'server', validatesTokens: false },
  cache: { role: 'server', validatesTokens: false },
  identity: { role: 'keys', validatesTokens: false },
  keyset: { role: 'keys', validatesTokens: false },
} as const satisfies Record<Kind, KindFacts>;

/** The facts of `kind`; undefined for a kind the format does not know (a document being edited may hold one). */
export function kindFacts(kind: string): KindFacts | undefined {
  return Object.hasOwn(KIND_FACTS, kind) ? KIND_FACTS[kind as Kind] : undefined;
}

/** The kinds that validate tokens (service, database, external): `forceRefresh`'s targets. */
export const VALIDATOR_KINDS = (Object.keys(KIND_FACTS) as Kind[]).filter((kind) => KIND_FACTS[kind].validatesTokens);
