/**
 * kind "keyset": the published signing-key metadata (a JWKS / discovery endpoint). A station in
 * every respect (a fetch is a request with latency, capacity and failure like any other) whose
 * answer is the set of key ids it trusts now; `removeKey`, `addKey` and `restore` change it.
 */
import type { KeysetSpec } from '../engine/index.ts';
import { fields, list } from './fields.ts';
import { keyIdField } from './values.ts';
import { readStation, stationShape, type StationDefaults } from './station.ts';
import { misplacedFields } from './misplaced.ts';
import { SCENARIO_LIMITS } from './limits.ts';
import { quote } from './errors.ts';

/** Defaults in the file's own notation (docs/format.md lists them): a static file behind a CDN. */
export const KEYSET_DEFAULTS = { workers: 'unbounded', serviceTime: '5ms' } as const satisfies StationDefaults;

export const keysetSchema = fields(
  {
    ...stationShape('keyset', KEYSET_DEFAULTS),
    keys: list(keyIdField('A key id the key set publishes at the start.'), {
      min: 1,
      max: SCENARIO_LIMITS.maxKeyIds,
      noun: ['key id', 'key ids'],
      isLimit: true,
    }),
  },
  misplacedFields('keyset'),
).transform((keyset, ctx): KeysetSpec => {
  const addIssue = ({ path, message }: { path: (string | number)[]; message: string }) => ctx.addIssue({ code: 'custom', path, message });
  const first = new Map<string, number>();
  keyset.keys.forEach((key, index) => {
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else addIssue({ path: ['keys', index], message: `duplicate key id ${quote(key)} (keys[${earlier}] has it too)` });
  });
  return { kind: 'keyset', ...readStation(keyset, addIssue), auth: null, keys: keyset.keys };
});
